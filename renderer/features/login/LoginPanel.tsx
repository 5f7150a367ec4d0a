import { useEffect, useId, useState, type FormEvent } from 'react';
import { japanStamp } from '../../../electron/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OfficeSwitcher } from '../../components/OfficeSwitcher';
import { PasswordField } from '../../components/PasswordField';
import { useSession } from '../../stores/session';
import { LockoutNotice } from './LockoutNotice';

// The service could not be reached (or an offline unlock was just refused): offer the offline unlock.
const OFFLINE_CAUSES = new Set([
  'SESSION_UNREACHABLE',
  'SESSION_TIMEOUT',
  'SESSION_TLS_FAILED',
  'SESSION_BAD_RESPONSE',
  'SESSION_OFFLINE_REFUSED',
  'SESSION_OFFLINE_THROTTLED',
]);

/** Staff login: ID + password, then the one-time password (DOMAIN.md §3.2); offline unlock when unreachable. */
export function LoginPanel({ training }: { training: boolean }) {
  const { view, busy, error, login, submitOtp, unlockOffline, mailbox, loadMailbox } = useSession();
  const [staffId, setStaffId] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const ids = { staff: useId(), code: useId() };
  const awaitingCode = view?.phase === 'otp-pending';

  useEffect(() => {
    if (awaitingCode && training) void loadMailbox();
  }, [awaitingCode, training, loadMailbox]);

  const onLogin = (e: FormEvent) => {
    e.preventDefault();
    // The password stays only while it may still be needed for an offline unlock (the service was unreachable).
    void login(staffId.trim(), password).then(() => {
      if (useSession.getState().error === null) setPassword('');
    });
  };
  // When the service cannot be reached, the same ID and password open the cached data read-only (DESIGN.md §4).
  const unreachable = error !== null && OFFLINE_CAUSES.has(error.code);
  const onOffline = () => void unlockOffline(staffId.trim(), password).then(() => setPassword(''));
  const onCode = (e: FormEvent) => {
    e.preventDefault();
    void submitOtp(code.trim()).then(() => setCode(''));
  };

  return (
    <section className="login" aria-labelledby="login-heading">
      <h2 id="login-heading">職員ログイン</h2>
      {error && <ErrorNotice error={error} />}
      {error && <LockoutNotice error={error} />}
      {!awaitingCode && <OfficeSwitcher />}
      {!awaitingCode ? (
        <form onSubmit={onLogin} aria-busy={busy}>
          <label htmlFor={ids.staff}>ユーザーID</label>
          <input
            id={ids.staff}
            name="staffId"
            autoComplete="username"
            value={staffId}
            onChange={(e) => setStaffId(e.target.value)}
            required
            autoFocus
          />
          <PasswordField label="パスワード" value={password} onChange={setPassword} />
          <button type="submit" disabled={busy}>
            {busy ? '確認中…' : '次へ（ワンタイムパスワードを送信）'}
          </button>
          {unreachable && (
            <button type="button" className="secondary" disabled={busy || !password} onClick={onOffline}>
              オフラインで開く（保存済みの情報を閲覧のみ）
            </button>
          )}
        </form>
      ) : (
        <form onSubmit={onCode} aria-busy={busy}>
          <p role="status">
            ワンタイムパスワードを {view?.otpSentTo} に送りました
            {view?.otpExpiresAt && `（${japanStamp(new Date(view.otpExpiresAt))} まで有効）`}。
          </p>
          <label htmlFor={ids.code}>ワンタイムパスワード（6桁）</label>
          <input
            id={ids.code}
            name="otp"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
            autoFocus
          />
          <button type="submit" disabled={busy}>
            {busy ? '確認中…' : 'ログイン'}
          </button>
        </form>
      )}
      {training && awaitingCode && (
        <aside className="training-mailbox" aria-label="練習用メールボックス">
          <h3>練習用メールボックス</h3>
          <ul>
            {mailbox.map((m) => (
              <li key={m.sentAt + m.to}>
                {m.to} 宛: <strong data-testid="training-otp">{m.code}</strong>
              </li>
            ))}
          </ul>
        </aside>
      )}
    </section>
  );
}
