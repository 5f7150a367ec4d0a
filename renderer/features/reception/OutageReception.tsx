import { useState } from 'react';
import { useStatus } from '../../stores/status';
import { OutboxPanel } from './OutboxPanel';
import { ReceptionFormView } from './ReceptionFormView';
import { ReceptionList } from './ReceptionList';

// 障害時受付 on the 資格確認 screen (UX.md rule 9): when the service fails (no answer within 10 s, TLS or certificate
// error — the connectivity state says so), the form opens by itself; staff can also open it by hand. Below it, the
// entries whose re-run waits for a decision and the 送信待ち list.

const FAILED = new Set(['offline', 'outage', 'certificate']);

export function OutageReception() {
  const connectivity = useStatus((s) => s.status?.connectivity);
  const failed = connectivity !== undefined && FAILED.has(connectivity);
  const [open, setOpen] = useState(false);
  const [savedCount, setSavedCount] = useState(0);

  // Opens by itself when the service fails, and stays open when it comes back (a half-filled form is never lost).
  const [wasFailed, setWasFailed] = useState(failed);
  if (failed !== wasFailed) {
    setWasFailed(failed);
    if (failed) setOpen(true);
  }

  return (
    <section className="outage-reception" aria-labelledby="outage-reception-heading">
      <h2 id="outage-reception-heading">障害時受付</h2>
      {failed && (
        <p className="note" data-testid="outage-switched">
          介護WEBサービスで資格確認ができないため、障害時受付に切り替えました。氏名・性別・生年月日・住所と、紙の証の内容を記録してください。サービスが戻ったら自動で再確認し、相違があれば承認をお願いします。
        </p>
      )}
      {savedCount > 0 && (
        <p role="status" className="saved-note">
          障害時受付を保存しました（{savedCount}件）。サービス復旧後に自動で再確認します。
        </p>
      )}
      {open ? (
        <ReceptionFormView onSaved={() => setSavedCount((n) => n + 1)} />
      ) : (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          障害時受付を開く
        </button>
      )}
      <ReceptionList />
      <OutboxPanel />
    </section>
  );
}
