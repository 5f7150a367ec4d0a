import { useEffect, useState } from 'react';
import type { KaigoErrorInfo } from '../../../electron/contract';
import { attemptsLeftText, lockoutUntilText } from './lockout-text';

/** Until when a locked account stays locked (updated every 15 s), and the tries left after a wrong entry. */
export function LockoutNotice({ error }: { error: KaigoErrorInfo }) {
  const [now, setNow] = useState(() => new Date());
  const lockedUntil = error.detail?.lockedUntil;
  useEffect(() => {
    // Mounted afresh for each refusal (the store clears the error while a call runs), so `now` starts current.
    if (!lockedUntil) return;
    const timer = window.setInterval(() => setNow(new Date()), 15_000);
    return () => window.clearInterval(timer);
  }, [lockedUntil]);
  const attempts = attemptsLeftText(error.code, error.detail);
  if (!lockedUntil && !attempts) return null;
  return (
    <div className="lockout-notice" data-testid="lockout-notice" aria-live="polite">
      {lockedUntil && (
        <p>
          ロック解除: <strong data-field="lockedUntil">{lockoutUntilText(lockedUntil, now)}</strong>
        </p>
      )}
      {attempts && <p data-field="attemptsLeft">{attempts}</p>}
    </div>
  );
}
