import { create } from 'zustand';
import type { AppStatus, KaigoErrorInfo } from '../../electron/contract';
import { call, subscribe } from '../api';

// Application status (mode, connectivity, versions). Not persisted: nothing in the renderer is written to browser
// storage (DESIGN.md §4).

interface StatusState {
  status: AppStatus | null;
  error: KaigoErrorInfo | null;
  loading: boolean;
  refresh(): Promise<void>;
  listen(): () => void;
}

export const useStatus = create<StatusState>()((set) => ({
  status: null,
  error: null,
  loading: false,
  async refresh() {
    set({ loading: true });
    const result = await call('app.getStatus', {});
    set(result.ok ? { status: result.value, error: null, loading: false } : { error: result.error, loading: false });
  },
  listen() {
    return subscribe('connectivity.changed', ({ connectivity }) =>
      set((s) => (s.status ? { status: { ...s.status, connectivity } } : s)),
    );
  },
}));
