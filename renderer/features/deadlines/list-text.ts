import type { OutageList, OutageRow } from '../../../electron/contract';
import { japanStamp } from '../../../electron/contract';

/** Instants in Japan time; ISO dates and HH:mm as they are. */
export function whenText(value: string | null): string {
  if (!value) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) || /^\d{2}:\d{2}$/.test(value) ? value : japanStamp(new Date(value));
}

/** 「2026-11-26 09:30 時点」 from the newest 最終確認 of the list's rows. */
export const asOfText = (list: OutageList) => (list.asOf ? `${japanStamp(new Date(list.asOf))} 時点` : '該当なし');

/** The columns of an outage list, shared by the screen's virtual list and the printed table. */
export const outageColumns = (list: OutageList): { label: string; text(row: OutageRow): string }[] => [
  { label: '氏名', text: (r) => r.name },
  { label: 'フリガナ', text: (r) => r.nameKana },
  { label: '被保険者番号', text: (r) => r.insuredNumber },
  { label: list.dateLabel, text: (r) => whenText(r.date) },
  { label: list.detailLabel, text: (r) => r.detail },
  { label: '最終確認', text: (r) => whenText(r.confirmedAt) },
];
