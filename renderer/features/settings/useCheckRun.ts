import { useState } from 'react';
import type { KaigoErrorInfo, Result } from '../../../electron/contract';
import { useProgressDelay } from './useProgressDelay';

/**
 * One run-on-click check for the settings panels (接続テスト, 導入チェック): the last report, the last error, busy, and
 * a delayed progress flag. `clearOnError` drops the previous report when a run fails (接続テスト: a stale ✓ would
 * mislead); otherwise it stays next to the error.
 */
export function useCheckRun<T>(check: () => Promise<Result<T>>, { clearOnError }: { clearOnError: boolean }) {
  const [report, setReport] = useState<T | null>(null);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const showProgress = useProgressDelay(busy);

  const run = async () => {
    setBusy(true);
    setError(null);
    const r = await check();
    setBusy(false);
    if (r.ok) setReport(r.value);
    else {
      if (clearOnError) setReport(null);
      setError(r.error);
    }
  };

  return { report, error, busy, showProgress, run };
}
