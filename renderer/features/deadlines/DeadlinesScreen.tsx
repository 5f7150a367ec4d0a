import { useEffect, useState } from 'react';
import type { DeadlineRow, KaigoErrorInfo } from '../../../electron/contract';
import { parseCalendarDate } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { JapaneseDate } from '../../components/JapaneseDate';
import { OutageLists } from './OutageLists';

const KIND: Record<DeadlineRow['kind'], string> = {
  'certification-end': '認定有効期間',
  'burden-ratio-end': '負担割合証',
  'burden-limit-end': '負担限度額認定証',
  'office-certificate': '事業所の証明書',
  'pending-before-billing': '申請中（請求前）',
};
const URGENCY: Record<DeadlineRow['urgency'], string> = {
  overdue: '期限切れ',
  urgent: '要注意',
  soon: '期限間近',
  info: 'お知らせ',
};

/** 期限管理: sorted by urgency (UX.md rule 11), then the outage lists (issue 7). */
export function DeadlinesScreen() {
  const [rows, setRows] = useState<DeadlineRow[] | null>(null);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  useEffect(() => {
    void call('deadlines.list', {}).then((r) => (r.ok ? setRows(r.value) : setError(r.error)));
  }, []);
  return (
    <>
      {error ? (
        <ErrorNotice error={error} />
      ) : !rows ? (
        <p aria-busy="true">読み込み中…</p>
      ) : rows.length === 0 ? (
        <p>急ぎの期限はありません。</p>
      ) : (
        <DeadlineTable rows={rows} />
      )}
      <OutageLists />
    </>
  );
}

function DeadlineTable({ rows }: { rows: DeadlineRow[] }) {
  return (
    <table className="results deadlines" aria-label="期限の一覧">
      <thead>
        <tr>
          <th scope="col">緊急度</th>
          <th scope="col">項目</th>
          <th scope="col">利用者</th>
          <th scope="col">期限</th>
          <th scope="col">対応</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const due = parseCalendarDate(r.dueDate);
          return (
            <tr key={i} className={`urgency-${r.urgency}`}>
              <td>{URGENCY[r.urgency]}</td>
              <td>{KIND[r.kind]}</td>
              <td>{r.name ?? '—'}</td>
              <td>
                {due && <JapaneseDate date={due} />}（{r.daysLeft < 0 ? `${-r.daysLeft}日超過` : `あと${r.daysLeft}日`}
                ）
              </td>
              <td>{r.action}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
