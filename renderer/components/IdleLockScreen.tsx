import { useState, type FormEvent } from 'react';
import type { KaigoErrorInfo } from '../../electron/contract';
import { ErrorNotice } from './ErrorNotice';
import { PasswordField } from './PasswordField';

/**
 * The lock screen (DESIGN.md §4): nothing personal is rendered here or behind it. The same staff member resumes
 * with their password; anyone else chooses 「別の職員でログイン」 (logout, then login).
 */
export function IdleLockView(props: {
  staffId: string | null;
  busy: boolean;
  error: KaigoErrorInfo | null;
  onResume(password: string): Promise<void>;
  onSwitchStaff(): void;
}) {
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The password leaves this field as soon as it has been sent, right or wrong.
    const typed = password;
    setPassword('');
    void props.onResume(typed);
  };
  return (
    <section className="login idle-lock" aria-labelledby="idle-lock-heading" data-testid="idle-lock">
      <h2 id="idle-lock-heading">画面をロックしました</h2>
      <p>
        一定時間操作がなかったため、利用者の情報を隠しました。
        {props.staffId && `${props.staffId} さんの`}パスワードを入力すると、作業を再開できます。
      </p>
      {props.error && <ErrorNotice error={props.error} />}
      <form onSubmit={submit} aria-busy={props.busy}>
        <PasswordField label="パスワード（ロック解除）" value={password} onChange={setPassword} autoFocus />
        <button type="submit" disabled={props.busy || password === ''}>
          {props.busy ? '確認中…' : '再開'}
        </button>
      </form>
      <button type="button" className="secondary" onClick={props.onSwitchStaff} disabled={props.busy}>
        別の職員でログイン
      </button>
    </section>
  );
}
