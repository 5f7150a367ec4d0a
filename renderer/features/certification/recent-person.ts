import { create } from 'zustand';

// The person last opened on any screen, so 認定・進捗 can show them without a second search. Memory only: the key
// (numbers, no name) is never written to browser storage (DESIGN.md §4) and is gone at logout or restart.
interface RecentPerson {
  personKey: string | null;
  remember(personKey: string): void;
}

export const useRecentPerson = create<RecentPerson>()((set) => ({
  personKey: null,
  remember: (personKey) => set((s) => (s.personKey === personKey ? s : { personKey })),
}));
