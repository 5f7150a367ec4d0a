import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CertificatePreview, CertificateStatus, KaigoErrorInfo } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useSession } from '../../stores/session';
import { CertificateDetailsView, ExpiryCountdown } from './CertificateDetailsView';
import { CertificateOffices } from './CertificateOffices';

// 設定 → 証明書 (issue 5 item 7): details and expiry countdown of the installed office certificate, and the import
// wizard — 1 choose the .p12 (main-process dialog; the file stays in main), 2 type its password and check the
// contents, 3 import (replacing). Every step works by keyboard alone; focus moves to the next step. The password is
// sent to main for the check and the import only, and the field is emptied once it has been used.

export function CertificatePanel() {
  const [status, setStatus] = useState<CertificateStatus | null>(null);
  const [password, setPassword] = useState('');
  const [preview, setPreview] = useState<CertificatePreview | null>(null);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const ids = { password: useId(), heading: useId() };
  const passwordRef = useRef<HTMLInputElement>(null);
  const importRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);

  const load = useCallback(async () => {
    const r = await call('certificate.status', {});
    if (r.ok) setStatus(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => {
    let current = true;
    void call('certificate.status', {}).then((r) => {
      if (!current) return;
      if (r.ok) setStatus(r.value);
      else setError(r.error);
    });
    return () => {
      current = false;
    };
  }, []);

  const run = async <T,>(fn: () => Promise<{ ok: true; value: T } | { ok: false; error: KaigoErrorInfo }>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await fn();
      if (!r.ok) setError(r.error);
      return r.ok ? r.value : null;
    } finally {
      setBusy(false);
    }
  };

  const finished = async (message: string) => {
    setPassword('');
    setPreview(null);
    // A new or removed certificate ends the session (the next login presents the new one): show that in the header.
    void useSession.getState().refresh();
    await load();
    setDone(message);
    setTimeout(() => resultRef.current?.focus(), 0);
  };

  const choose = async () => {
    const value = await run(() => call('certificate.choose', {}));
    if (value?.fileName) {
      setPreview(null);
      setPassword('');
      await load();
      setTimeout(() => passwordRef.current?.focus(), 0);
    }
  };

  const onPreview = async (e: FormEvent) => {
    e.preventDefault();
    const value = await run(() => call('certificate.preview', { password }));
    setPreview(value);
    if (value?.refusal || !value) setPassword('');
    else setTimeout(() => importRef.current?.focus(), 0);
  };

  const onImport = async () => {
    const value = await run(() => call('certificate.import', { password }));
    setPassword('');
    if (value) await finished('証明書を取り込みました。');
  };

  const onTraining = async () => {
    const value = await run(() => call('certificate.importTraining', {}));
    if (value) await finished('練習用証明書を取り込みました。');
  };

  const onDelete = async () => {
    setConfirmDelete(false);
    const value = await run(() => call('certificate.delete', {}));
    if (value) await finished('証明書を削除しました。');
  };

  const installed = status?.installed ?? null;
  return (
    <section aria-labelledby={ids.heading} className="login" data-testid="certificate-panel">
      <h2 id={ids.heading}>証明書</h2>
      {error && <ErrorNotice error={error} />}
      {done && (
        <p role="status" tabIndex={-1} ref={resultRef}>
          {done}
        </p>
      )}
      {installed ? (
        <>
          <ExpiryCountdown details={installed} />
          <CertificateDetailsView details={installed} label="取り込み済みの証明書" />
        </>
      ) : (
        status && <p className="banner banner-warn">クライアント証明書はまだ取り込まれていません。</p>
      )}
      {status && <CertificateOffices offices={status.offices} />}

      <h3>{installed ? '証明書を置き換える' : '証明書を取り込む'}</h3>
      <ol>
        <li>
          <button type="button" onClick={() => void choose()} disabled={busy}>
            ファイルを選ぶ（.p12）
          </button>{' '}
          <span aria-label="選んだファイル">{status?.chosenFile ?? '未選択'}</span>
        </li>
        <li>
          <form onSubmit={(e) => void onPreview(e)} aria-busy={busy}>
            <label htmlFor={ids.password}>証明書のパスワード</label>
            <input
              id={ids.password}
              ref={passwordRef}
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              disabled={!status?.chosenFile}
              required
            />
            <button type="submit" disabled={busy || !status?.chosenFile || !password}>
              内容を確認
            </button>
          </form>
        </li>
        {preview && (
          <li>
            {preview.refusal && <ErrorNotice error={preview.refusal} />}
            {preview.details && <CertificateDetailsView details={preview.details} label="選んだ証明書の内容" />}
            {!preview.refusal && (
              <button type="button" ref={importRef} onClick={() => void onImport()} disabled={busy || !password}>
                {installed ? 'この証明書で置き換える' : 'この証明書を取り込む'}
              </button>
            )}
          </li>
        )}
      </ol>

      {status?.training && (
        <p>
          <button type="button" onClick={() => void onTraining()} disabled={busy}>
            練習用証明書を取り込む
          </button>
        </p>
      )}
      {installed &&
        (confirmDelete ? (
          <p role="group" aria-label="削除の確認">
            証明書を削除すると、取り込み直すまで介護WEBサービスに接続できません。{' '}
            <button type="button" onClick={() => void onDelete()} disabled={busy} autoFocus>
              削除する
            </button>{' '}
            <button type="button" onClick={() => setConfirmDelete(false)}>
              やめる
            </button>
          </p>
        ) : (
          <p>
            <button type="button" onClick={() => setConfirmDelete(true)} disabled={busy}>
              証明書を削除…
            </button>
          </p>
        ))}
    </section>
  );
}
