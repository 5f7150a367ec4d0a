import { isoDate, toJapanTime } from '../../contract/time';
import { CSV_BOM, csvCell, csvLine, neutraliseCell } from '../text';
import { actionLabel } from './labels';
import type { AuditRow } from './types';

// Export for inspections (運営指導), opened in Excel: the shared Excel-safe CSV rules (services/text/csv.ts: UTF-8
// with a BOM, CRLF, every cell quoted, formula-looking cells neutralised).

const BOM = CSV_BOM;
const HEADERS = ['連番', '日時（日本時間）', '職員ID', '操作', '操作コード', '対象（鍵付きハッシュ）', '詳細'];

export { neutraliseCell, csvCell, csvLine };

/** "2026-11-20 14:03:05" in Japan time. */
export function japanTimestamp(iso: string): string {
  const j = toJapanTime(new Date(iso));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${isoDate(j)} ${p(j.hour)}:${p(j.minute)}:${p(j.second)}`;
}

/** "count=3 / result=OK" from the stored canonical JSON. */
function detailText(detail: string | null): string {
  if (!detail) return '';
  const parsed = JSON.parse(detail) as Record<string, unknown>;
  return Object.entries(parsed)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' / ');
}

/** BOM, then an optional notice line (training mode: 「練習モード — 実在の利用者ではありません」), then the headers. */
export function auditCsvHeader(notice?: string): string {
  return BOM + (notice ? csvLine([notice]) : '') + csvLine(HEADERS);
}

export function auditCsvRow(row: AuditRow): string {
  return csvLine([
    String(row.seq),
    japanTimestamp(row.time),
    row.staffId,
    actionLabel(row.action),
    row.action,
    row.subject ?? '',
    detailText(row.detail),
  ]);
}

export function auditCsv(rows: Iterable<AuditRow>, notice?: string): string {
  let out = auditCsvHeader(notice);
  for (const row of rows) out += auditCsvRow(row);
  return out;
}
