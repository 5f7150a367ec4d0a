import type { OutageList } from '../../contract/lists';
import { japanStamp } from '../../contract/time';
import { CSV_BOM, csvLine } from '../text';

// One outage list as CSV for Excel (services/text/csv.ts rules: BOM, CRLF, quoted, formula-safe). Before the header:
// the training notice when it applies, the list's title and its 時点 stamp, so a printout of the sheet still says
// how old the data is (DESIGN.md §5).

const HEADERS = ['氏名', 'フリガナ', '被保険者番号'];

const when = (value: string | null): string => {
  if (!value) return '';
  // ISO dates stay as they are; instants become Japan time ("2026-11-26 09:30").
  return /^\d{4}-\d{2}-\d{2}$/.test(value) || /^\d{2}:\d{2}$/.test(value) ? value : japanStamp(new Date(value));
};

export function outageListCsv(list: OutageList, notice?: string): string {
  let out = CSV_BOM;
  if (notice) out += csvLine([notice]);
  out += csvLine([list.title, `${list.asOf ? japanStamp(new Date(list.asOf)) : '—'} 時点`]);
  out += csvLine([...HEADERS, list.dateLabel, list.detailLabel, '最終確認']);
  for (const r of list.rows) {
    out += csvLine([r.name, r.nameKana, r.insuredNumber, when(r.date), r.detail, when(r.confirmedAt)]);
  }
  return out;
}

/** "障害時リスト_本日の来所・訪問予定_20261126.csv" (Japan date). */
export function outageListFileName(list: OutageList, today: string): string {
  return `障害時リスト_${list.title}_${today.replace(/-/g, '')}.csv`;
}
