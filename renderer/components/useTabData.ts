import { useEffect, useState } from 'react';
import type { KaigoErrorInfo, Result } from '../../electron/contract';

/** Loads one tab's data when the tab is first shown; a refusal is kept as the tab's reason (never hidden). */
export function useTabData<T>(
  active: boolean,
  personKey: string,
  load: (personKey: string) => Promise<Result<T>>,
): { data: T | null; error: KaigoErrorInfo | null; loading: boolean } {
  const [state, setState] = useState<{ key: string; data: T | null; error: KaigoErrorInfo | null } | null>(null);
  const current = state?.key === personKey ? state : null;
  useEffect(() => {
    if (!active || current) return;
    let stale = false;
    void load(personKey).then((result) => {
      if (stale) return;
      setState(
        result.ok
          ? { key: personKey, data: result.value, error: null }
          : { key: personKey, data: null, error: result.error },
      );
    });
    return () => {
      stale = true;
    };
  }, [active, personKey, current, load]);
  return { data: current?.data ?? null, error: current?.error ?? null, loading: active && !current };
}
