import { useEffect, useState } from 'react';
import type { KaigoErrorInfo, ReceptionEntry } from '../../../electron/contract';
import { call, subscribe } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';

// 障害時受付 entries and their re-run (UX.md rule 9): once the service answers again, the differences between what
// the counter wrote down and what the service says wait here for a staff decision — never applied silently.

const STATE_TEXT: Record<ReceptionEntry['state'], string> = {
  queued: '再確認待ち（サービス復旧後に自動で確認）',
  'awaiting-approval': '相違の確認待ち',
  'recheck-refused': '再確認できませんでした',
  approved: '承認済み（サービスの内容を採用）',
  rejected: '却下済み（受付時の内容を保持）',
};

export function ReceptionList() {
  const [entries, setEntries] = useState<ReceptionEntry[]>([]);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);

  // Reloaded on mount, after each outbox change (a re-run finished) and after a decision.
  const [version, setVersion] = useState(0);
  useEffect(() => subscribe('outbox.changed', () => setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    void call('reception.list', {}).then((result) => {
      if (live && result.ok) setEntries(result.value);
    });
    return () => {
      live = false;
    };
  }, [version]);

  const decide = async (id: number, decision: 'reception.approve' | 'reception.reject') => {
    setError(null);
    const result = await call(decision, { id });
    if (!result.ok) setError(result.error);
    setVersion((v) => v + 1);
  };

  const open = entries.filter((e) => e.state !== 'approved' && e.state !== 'rejected');
  if (open.length === 0 && !error) return null;
  return (
    <section className="reception-list" aria-labelledby="reception-list-heading">
      <h3 id="reception-list-heading">障害時受付の再確認（{open.length}件）</h3>
      {error && <ErrorNotice error={error} />}
      <ul>
        {open.map((entry) => (
          <li key={entry.id} data-reception-state={entry.state}>
            <p>
              <strong>{entry.form.name}</strong>（{entry.form.insurerNumber}-{entry.form.insuredNumber}）:{' '}
              {STATE_TEXT[entry.state]}
            </p>
            {entry.recheck?.refusalCode && <p className="note">理由コード: {entry.recheck.refusalCode}</p>}
            {entry.state === 'awaiting-approval' &&
              (entry.recheck!.differences.length === 0 ? (
                <p>受付時の内容とサービスの内容に相違はありません。</p>
              ) : (
                <table className="differences">
                  <caption>受付時の内容と介護WEBサービスの内容の相違</caption>
                  <thead>
                    <tr>
                      <th scope="col">項目</th>
                      <th scope="col">受付時</th>
                      <th scope="col">サービス</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entry.recheck!.differences.map((d) => (
                      <tr key={d.field}>
                        <th scope="row">{d.label}</th>
                        <td>{d.before ?? '記載なし'}</td>
                        <td>{d.after ?? '記載なし'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))}
            {(entry.state === 'awaiting-approval' || entry.state === 'recheck-refused') && (
              <div className="card-ways">
                {entry.state === 'awaiting-approval' && (
                  <button type="button" onClick={() => void decide(entry.id, 'reception.approve')}>
                    承認（サービスの内容を採用）
                  </button>
                )}
                <button type="button" className="secondary" onClick={() => void decide(entry.id, 'reception.reject')}>
                  却下（受付時の内容を保持）
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
