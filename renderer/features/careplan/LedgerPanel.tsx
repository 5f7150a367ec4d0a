import { useEffect, useState } from 'react';
import type { KaigoErrorInfo, LedgerEntryView } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ym } from './labels';

// 送受信台帳 (UX.md rule 13): every file sent or received with partner, month, type, SHA-256, times and state; a
// newer file for the same person and month marks the older 差替済; exportable as CSV for inspections. Files written
// for the official upload stay アップロード待ち until staff mark their send unit uploaded.

const time = (iso: string) => new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });

export function LedgerPanel({ version }: { version: number }) {
  const [entries, setEntries] = useState<LedgerEntryView[] | null>(null);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    void call('careplan.ledger', {}).then((r) => (r.ok ? setEntries(r.value.entries) : setError(r.error)));
  }, [version, reload]);
  /** Marks every アップロード待ち file of the same send unit (partner + ファイル連番) as uploaded. */
  const markUploaded = async (e: LedgerEntryView) => {
    const ids = (entries ?? [])
      .filter((x) => x.awaitingUpload && x.sequence === e.sequence && x.partnerOffice === e.partnerOffice)
      .map((x) => x.id);
    const r = await call('careplan.markUploaded', { ids });
    if (!r.ok) return setError(r.error);
    setSaved(`${r.value.updated}ファイルを送信済にしました。`);
    setReload((n) => n + 1);
  };
  const exportCsv = async () => {
    const r = await call('careplan.ledgerExport', {});
    if (!r.ok) return setError(r.error);
    setSaved(r.value.saved ? '送受信台帳をCSVで保存しました。' : null);
  };
  if (error) return <ErrorNotice error={error} />;
  if (!entries) return <p aria-busy="true">読み込み中…</p>;
  return (
    <section aria-label="送受信台帳">
      <div className="inline-form">
        <button type="button" onClick={() => void exportCsv()}>
          CSVで保存（運営指導用）
        </button>
        {saved && <span role="status">{saved}</span>}
      </div>
      {entries.length === 0 ? (
        <p>まだ送受信の記録はありません。</p>
      ) : (
        <table className="results careplan-ledger" aria-label="送受信台帳">
          <thead>
            <tr>
              <th scope="col">日時</th>
              <th scope="col">方向</th>
              <th scope="col">相手</th>
              <th scope="col">対象年月</th>
              <th scope="col">種別</th>
              <th scope="col">状態</th>
              <th scope="col">ファイル名</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className={e.superseded ? 'superseded' : undefined}>
                <td>{time(e.createdAt)}</td>
                <td>{e.direction === 'sent' ? '送信' : '受信'}</td>
                <td>
                  {e.partnerName || e.partnerOffice}（{e.partnerOffice}）
                </td>
                <td>{e.month ? ym(e.month) : '—'}</td>
                <td>{e.kindTitle}</td>
                <td>
                  {e.stateLabel}
                  {e.superseded && '（差替済）'}
                  {e.awaitingUpload && (
                    <button type="button" onClick={() => void markUploaded(e)}>
                      アップロード済にする
                    </button>
                  )}
                </td>
                <td className="file-name">{e.fileName}</td>
                <td className="hash" title={e.sha256}>
                  {e.sha256.slice(0, 12)}…
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
