import { useEffect, useState } from 'react';

/** True once `busy` has lasted `delayMs` (default 300 ms): a progress indicator only for waits people notice. */
export function useProgressDelay(busy: boolean, delayMs = 300): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!busy) return;
    const timer = window.setTimeout(() => setShown(true), delayMs);
    return () => {
      window.clearTimeout(timer);
      setShown(false);
    };
  }, [busy, delayMs]);
  return shown;
}
