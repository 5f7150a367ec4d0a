import { toJapanTime, type ErrorCode, type ErrorDetail } from '../../../electron/contract';

// The words beside a refused login (DOMAIN.md §3.2: repeated failures lock the account for a period): until when,
// in Japan time whatever the PC's zone, and how many tries are left when the server says so.

const pad = (n: number) => String(n).padStart(2, '0');

/** 「14:05 まで（あと 12 分）」; the date is added when the lock ends on another Japan day. */
export function lockoutUntilText(lockedUntil: string, now: Date): string {
  const until = new Date(lockedUntil);
  const minutesLeft = Math.ceil((until.getTime() - now.getTime()) / 60_000);
  if (minutesLeft <= 0) return 'ロックは解除されています。もう一度ログインしてください。';
  const end = toJapanTime(until);
  const today = toJapanTime(now);
  const sameDay = end.year === today.year && end.month === today.month && end.day === today.day;
  const clock = `${pad(end.hour)}:${pad(end.minute)}`;
  const when = sameDay ? clock : `${end.month}月${end.day}日 ${clock}`;
  const left = minutesLeft >= 60 ? `${Math.floor(minutesLeft / 60)} 時間 ${minutesLeft % 60} 分` : `${minutesLeft} 分`;
  return `${when} まで（あと ${left}）`;
}

/** What the remaining tries mean for this refusal, or null when the server did not say. */
export function attemptsLeftText(code: ErrorCode, detail: ErrorDetail | undefined): string | null {
  const n = detail?.attemptsLeft;
  if (n === undefined) return null;
  if (code === 'SESSION_OTP_WRONG') return `このワンタイムパスワードは、あと ${n} 回まで入力できます。`;
  if (code === 'SESSION_LOGIN_FAILED') return `あと ${n} 回間違えると、アカウントが一時的にロックされます。`;
  return `残り ${n} 回`;
}
