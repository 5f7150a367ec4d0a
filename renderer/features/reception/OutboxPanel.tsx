import { useEffect, useState } from 'react';
import type { OutboxList } from '../../../electron/contract';
import { call, subscribe } from '../../api';

// The 送信待ち list (DESIGN.md §5): state, attempts and last error code per job — no payload, nothing personal.

const STATE_TEXT: Record<OutboxList['jobs'][number]['state'], string> = {
  pending: '送信待ち',
  sending: '送信中',
  sent: '送信済み',
  failed: '送信できません',
  ambiguous: '送信結果を確認中',
};
const KIND_TEXT: Record<string, string> = { 'reception.recheck': '障害時受付の再確認' };

export function OutboxPanel() {
  const [list, setList] = useState<OutboxList | null>(null);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    const offOutbox = subscribe('outbox.changed', () => setVersion((v) => v + 1));
    const offConnectivity = subscribe('connectivity.changed', () => setVersion((v) => v + 1));
    return () => {
      offOutbox();
      offConnectivity();
    };
  }, []);
  useEffect(() => {
    let live = true;
    void call('outbox.list', {}).then((result) => {
      if (live && result.ok) setList(result.value);
    });
    return () => {
      live = false;
    };
  }, [version]);

  const waiting = list?.jobs.filter((j) => j.state !== 'sent') ?? [];
  if (waiting.length === 0) return null;
  return (
    <section className="outbox-panel" aria-labelledby="outbox-heading">
      <h3 id="outbox-heading">送信待ち（{waiting.length}件）</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">内容</th>
            <th scope="col">状態</th>
            <th scope="col">試行回数</th>
            <th scope="col">最後のエラー</th>
          </tr>
        </thead>
        <tbody>
          {waiting.map((job) => (
            <tr key={job.id} data-outbox-state={job.state}>
              <td>{KIND_TEXT[job.kind] ?? job.kind}</td>
              <td>{STATE_TEXT[job.state]}</td>
              <td>{job.attempts}</td>
              <td>{job.lastErrorCode ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={() => void call('outbox.retryNow', {}).then(reload)}>
        今すぐ再送
      </button>
    </section>
  );
}
