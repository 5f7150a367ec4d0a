import { japanTimestamp } from '../audit';
import { CSV_BOM, csvLine } from '../text';
import { ledgerStateLabel, type LedgerEntry } from './ledger';

// The ledger as CSV for inspections (UX.md rule 13), opened in Excel: the shared formula-safe CSV helper (UTF-8
// BOM, CRLF, every cell quoted, =+-@ neutralised). Times in Japan time. No personal data: files are named by type,
// partner and month, not by person.

const HEADERS = [
  '番号',
  '方向',
  '相手事業所番号',
  '相手サービス種類',
  '相手事業所名',
  '対象年月',
  'ファイル種別',
  'ファイル名',
  '連番',
  'SHA-256',
  'バイト数',
  '状態',
  '差替',
  '記録日時（日本時間）',
  '更新日時（日本時間）',
  '職員ID',
];

export function ledgerCsv(
  entries: readonly LedgerEntry[],
  partnerName: (office: string, service: string) => string,
  kindTitle: (kind: string) => string,
  notice?: string,
): string {
  let out = CSV_BOM + (notice ? csvLine([notice]) : '') + csvLine(HEADERS);
  for (const e of entries)
    out += csvLine([
      String(e.id),
      e.direction === 'sent' ? '送信' : '受信',
      e.partnerOffice,
      e.partnerService,
      partnerName(e.partnerOffice, e.partnerService),
      e.month ?? '',
      kindTitle(e.kind),
      e.fileName,
      e.sequence,
      e.sha256,
      String(e.bytes),
      ledgerStateLabel(e),
      e.superseded ? '差替済' : '',
      japanTimestamp(e.createdAt),
      japanTimestamp(e.updatedAt),
      e.staffId ?? '',
    ]);
  return out;
}
