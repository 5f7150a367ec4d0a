import { PROGRESS_STAGES, parseCalendarDate, type ProgressTab } from '../../electron/contract';
import { JapaneseDate } from './JapaneseDate';

/**
 * 申請進捗 (DOMAIN.md §2.11): 申請受付 → 認定調査 → 主治医意見書 → 一次判定 → 審査会 → 結果通知, each with its date; the
 * latest reached step is the current one (highlighted, aria-current="step").
 */
export function ProgressTimeline({ application }: { application: ProgressTab['application'] }) {
  if (!application) return <p>進行中の要介護認定の申請はありません。</p>;
  const reached = new Map(application.stages.map((s) => [s.stage, s.date]));
  const current = application.stages.at(-1)?.stage ?? null;
  return (
    <>
      <p>申請区分: {application.applicationKind}</p>
      <ol className="timeline" aria-label="申請の進捗">
        {PROGRESS_STAGES.map((stage) => {
          const date = reached.get(stage);
          const d = date ? parseCalendarDate(date) : null;
          const isCurrent = stage === current;
          return (
            <li
              key={stage}
              className={`step ${date ? 'done' : 'todo'}${isCurrent ? ' current' : ''}`}
              aria-current={isCurrent ? 'step' : undefined}
              style={isCurrent ? { fontWeight: 'bold', background: '#fff3c4' } : date ? undefined : { color: '#666' }}
            >
              <span className="stage">{stage}</span> {d ? <JapaneseDate date={d} /> : <span>（未）</span>}
              {isCurrent && <span className="current-mark">（現在）</span>}
            </li>
          );
        })}
      </ol>
    </>
  );
}
