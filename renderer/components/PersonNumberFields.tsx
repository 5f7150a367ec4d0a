import { useId, useState } from 'react';

// 保険者番号 + 被保険者番号: how a person is looked up on every screen (by numbers, never by name: UX.md rule 8).

export interface PersonNumbers {
  insurer: string;
  insured: string;
  setInsurer(value: string): void;
  setInsured(value: string): void;
  /** The person key the main process expects: `保険者番号-被保険者番号`, trimmed. */
  personKey: string;
}

export function usePersonNumbers(): PersonNumbers {
  const [insurer, setInsurer] = useState('');
  const [insured, setInsured] = useState('');
  return { insurer, insured, setInsurer, setInsured, personKey: `${insurer.trim()}-${insured.trim()}` };
}

/** The two labelled inputs, as direct children of the caller's form (so `.inline-form` lays them out). */
export function PersonNumberFields({ numbers }: { numbers: PersonNumbers }) {
  const ids = { insurer: useId(), insured: useId() };
  return (
    <>
      <label htmlFor={ids.insurer}>保険者番号（6桁）</label>
      <input
        id={ids.insurer}
        inputMode="numeric"
        pattern="\d{6}"
        maxLength={6}
        value={numbers.insurer}
        onChange={(e) => numbers.setInsurer(e.target.value)}
        required
      />
      <label htmlFor={ids.insured}>被保険者番号（10桁）</label>
      <input
        id={ids.insured}
        pattern="\d{10}|H\d{9}"
        maxLength={10}
        value={numbers.insured}
        onChange={(e) => numbers.setInsured(e.target.value)}
        required
      />
    </>
  );
}
