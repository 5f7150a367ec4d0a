import { issue, type CarePlanIssue } from '../issues';
import type { SeventhRow, SeventhRowKind, SeventhTable } from './types';

// 第7表 consistency (DOMAIN.md §4.7 UPSIKYU No.9): per person, the 区分支給対象 detail rows of one サービス種類 add up
// to its CD+AAAA subtotal (required when the kind has several rows), the 区分支給限度外 rows to CD+EEEE (optional),
// and the kinds to the 全合計 row 999999 (required). The 全合計's 区分支給限度基準内単位数 may not exceed the
// person's 区分支給限度基準額, and what exceeds it belongs in 区分支給限度基準を超える単位数. Only unit columns are
// summed: money columns are rounded per row by the issuer and need not add up to the yen.

export function seventhRowKind(serviceCode: string): SeventhRowKind {
  if (serviceCode === '999999') return 'grandTotal';
  if (serviceCode.endsWith('AAAA')) return 'kindSubtotal';
  if (serviceCode.endsWith('EEEE')) return 'outsideSubtotal';
  if (serviceCode.endsWith('ZZZZ')) return 'over30Subtotal';
  return 'detail';
}

/** Unit columns that add up, with their column No. and name. */
const SUMMED: readonly { key: keyof SeventhRow; no: number; name: string }[] = [
  { key: 'serviceUnits', no: 17, name: 'サービス単位／金額' },
  { key: 'managedUnits', no: 18, name: '給付管理単位数' },
  { key: 'overKindLimit', no: 19, name: '種類支給限度基準を超える単位数' },
  { key: 'withinKindLimit', no: 20, name: '種類支給限度基準内単位数' },
  { key: 'overLimit', no: 21, name: '区分支給限度基準を超える単位数' },
  { key: 'withinLimit', no: 22, name: '区分支給限度基準内単位数' },
];

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export interface SeventhCheckOptions {
  /** File name used in the findings. */
  file: string;
  /** Row number of the table's first row in the written file (1-based), so findings can name rows. */
  firstRow?: number;
  /** The person's 区分支給限度基準額 for the month (units), when known. */
  benefitLimit?: number | null;
}

/** Findings for one person's 第7表. */
export function checkSeventhTable(table: SeventhTable, options: SeventhCheckOptions): CarePlanIssue[] {
  const found: CarePlanIssue[] = [];
  const first = options.firstRow ?? 1;
  const who = `被保険者番号 ${table.insured}（${table.month.slice(0, 4)}年${table.month.slice(4)}月）の第7表`;
  const rowAt = (r: SeventhRow) => first + table.rows.indexOf(r);
  const details = table.rows.filter((r) => seventhRowKind(r.serviceCode) === 'detail');
  const kinds = [...new Set(details.map((r) => r.serviceCode.slice(0, 2)))];
  const subtotal = (kind: string, suffix: string) => table.rows.find((r) => r.serviceCode === `${kind}${suffix}`);

  const compare = (row: SeventhRow, parts: readonly SeventhRow[], label: string, rule: CarePlanIssue['rule']) => {
    for (const c of SUMMED) {
      const expected = parts.reduce((n, p) => n + num(p[c.key]), 0);
      const actual = num(row[c.key]);
      if (actual !== expected)
        found.push(
          issue(
            'error',
            rule,
            { file: options.file, row: rowAt(row), column: c.no, columnName: c.name, value: String(row[c.key] ?? '') },
            `${who}: ${label}が内訳の合計 ${expected} と合いません。`,
          ),
        );
    }
  };

  /** Per kind: what counts towards the 全合計 (its AAAA subtotal, or its within-limit detail rows). */
  const towardsTotal: SeventhRow[] = [];
  for (const kind of kinds) {
    const within = details.filter((r) => r.serviceCode.startsWith(kind) && r.managedUnits !== null);
    const outside = details.filter((r) => r.serviceCode.startsWith(kind) && r.managedUnits === null);
    const aaaa = subtotal(kind, 'AAAA');
    if (aaaa) {
      compare(aaaa, within, `${kind}AAAA（区分支給対象種類別小計）`, 'seventh-subtotal');
      towardsTotal.push(aaaa);
    } else {
      if (within.length > 1)
        found.push(
          issue(
            'error',
            'seventh-subtotal',
            { file: options.file, row: rowAt(within[0]!) },
            `${who}: サービス種類 ${kind} の明細が${within.length}行ありますが、小計行 ${kind}AAAA がありません。`,
          ),
        );
      towardsTotal.push(...within);
    }
    const eeee = subtotal(kind, 'EEEE');
    if (eeee) {
      const expected = outside.reduce((n, r) => n + num(r.serviceUnits), 0);
      if (num(eeee.serviceUnits) !== expected)
        found.push(
          issue(
            'error',
            'seventh-subtotal',
            {
              file: options.file,
              row: rowAt(eeee),
              column: 17,
              columnName: 'サービス単位／金額',
              value: String(eeee.serviceUnits ?? ''),
            },
            `${who}: ${kind}EEEE（区分支給対象外小計）が内訳の合計 ${expected} と合いません。`,
          ),
        );
    }
  }

  const total = table.rows.find((r) => seventhRowKind(r.serviceCode) === 'grandTotal');
  if (!total) {
    found.push(
      issue(
        'error',
        'seventh-total',
        { file: options.file, row: first },
        `${who}: 全合計行（サービスコード 999999）がありません。`,
      ),
    );
    return found;
  }
  compare(total, towardsTotal, '全合計行（999999）', 'seventh-grand-total');

  const limit = options.benefitLimit;
  if (limit !== undefined && limit !== null) {
    const within = num(total.withinLimit);
    const over = Math.max(0, num(total.managedUnits) - limit);
    if (within > limit)
      found.push(
        issue(
          'error',
          'benefit-limit',
          {
            file: options.file,
            row: rowAt(total),
            column: 22,
            columnName: '区分支給限度基準内単位数',
            value: String(within),
          },
          `${who}: 区分支給限度基準額 ${limit} 単位を超えています。超える分は「区分支給限度基準を超える単位数」に記載してください。`,
        ),
      );
    else if (num(total.overLimit) !== over)
      found.push(
        issue(
          'warning',
          'benefit-limit',
          {
            file: options.file,
            row: rowAt(total),
            column: 21,
            columnName: '区分支給限度基準を超える単位数',
            value: String(total.overLimit ?? ''),
          },
          `${who}: 給付管理単位数と区分支給限度基準額 ${limit} 単位から計算すると ${over} 単位です。`,
        ),
      );
  }
  return found;
}
