import { LAYOUTS } from '../layouts';
import type { UnitPart } from './files';
import { modelToRows } from './rows';
import { seventhRowKind } from './seventh-check';
import type { ServiceUseTable, SeventhTable, Supplement } from './types';

// A print/FAX-ready page of the same plan for partners not on the exchange (UX.md rule 14): 第6表 laid out like the
// paper サービス利用票 (one line per service and time, the month's days as columns, planned counts in the cells) and
// 第7表 as the 別表. Plain HTML with print CSS (A4 landscape); the app prints it or saves it as PDF through the OS
// print dialog, so no PDF library is needed. Every value is escaped.

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Ideographic space between header items, as on the paper forms. */
const GAP = '\u3000';

const time = (t: string) => (t === '9999' || t.length !== 4 ? '' : `${t.slice(0, 2)}:${t.slice(2)}`);
const num = (n: number | null) => (n === null ? '' : String(n));

export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(4, 6)), 0)).getUTCDate();
}

/** 第6表 lines: one per service code × provider × time, with the count per day of the month. */
export function sixthTableLines(table: ServiceUseTable): {
  serviceCode: string;
  providerName: string;
  provider: string;
  start: string;
  end: string;
  perDay: number[];
  total: number;
}[] {
  const days = daysInMonth(table.month);
  const lines = new Map<string, ReturnType<typeof sixthTableLines>[number]>();
  for (const i of table.items) {
    const key = `${i.serviceCode}|${i.provider}|${i.start}|${i.end}`;
    let line = lines.get(key);
    if (!line) {
      line = {
        serviceCode: i.serviceCode,
        providerName: i.providerName,
        provider: i.provider,
        start: i.start,
        end: i.end,
        perDay: Array.from({ length: days }, () => 0),
        total: 0,
      };
      lines.set(key, line);
    }
    const day = Number(i.serviceDate.slice(6, 8));
    const count = i.count ?? 1;
    if (day >= 1 && day <= days) line.perDay[day - 1]! += count;
    line.total += count;
  }
  return [...lines.values()].sort((a, b) => (a.start + a.serviceCode).localeCompare(b.start + b.serviceCode));
}

export interface PrintInput {
  plans: readonly ServiceUseTable[];
  sevenths: readonly SeventhTable[];
  supplements: readonly Supplement[];
  /** 「練習モード — 実在の利用者ではありません」 in training. */
  notice?: string;
  /** Partner name and office shown as the addressee. */
  to: string;
  from: string;
  /**
   * Parts without a paper layout of their own here (第1–3表, 介護予防 files, deletions, and 利用者補足情報 when no
   * 第6表 is printed): each record as a list of item names and values, so nothing of the unit is left off the paper.
   */
  others?: readonly UnitPart[];
}

/** One sheet per file kind: each record as 項目名 | 値 (empty items left out; CSVバージョン and 識別子 are not data). */
function recordSheets(parts: readonly UnitPart[]): string[] {
  return parts.map((part) => {
    const layout = LAYOUTS[part.kind];
    const rows = modelToRows(part.kind, part.content as never);
    const records = rows.map((fields, r) => {
      const items = layout.columns
        .map((c, i) => ({ c, value: fields[i] ?? '' }))
        .filter(({ c, value }) => c.no !== 1 && c.name !== '識別子' && value !== '')
        .map(({ c, value }) => `<tr><th>${escape(c.name)}</th><td>${escape(value).replace(/\r?\n/g, '<br>')}</td></tr>`)
        .join('');
      return `<h2>${r + 1}件目</h2><table class="items">${items}</table>`;
    });
    return `<section class="sheet">\n<h1>${escape(layout.title)}</h1>\n${records.join('\n')}\n</section>`;
  });
}

export function printView(input: PrintInput): string {
  const parts: string[] = [];
  for (const plan of input.plans) {
    const sup = input.supplements.find((s) => s.insurer === plan.insurer && s.insured === plan.insured);
    const days = daysInMonth(plan.month);
    const head = Array.from({ length: days }, (_, d) => `<th>${d + 1}</th>`).join('');
    const rows = sixthTableLines(plan)
      .map(
        (l) =>
          `<tr><td>${time(l.start)}〜${time(l.end)}</td><td>${escape(l.serviceCode)}</td><td>${escape(l.providerName)}<br><small>${escape(l.provider)}</small></td>${l.perDay.map((c) => `<td class="n">${c || ''}</td>`).join('')}<td class="n">${l.total}</td></tr>`,
      )
      .join('');
    parts.push(`<section class="sheet">
<h1>第6表 サービス利用票（兼居宅サービス計画） ${plan.month.slice(0, 4)}年${Number(plan.month.slice(4))}月分</h1>
<p>保険者番号 ${escape(plan.insurer)}${GAP}被保険者番号 ${escape(plan.insured)}${GAP}氏名 ${escape(sup?.name ?? '')}${sup?.nameKana ? `（${escape(sup.nameKana)}）` : ''}${GAP}作成年月日 ${escape(plan.createdOn)}${GAP}担当 ${escape(plan.planStaffName)}</p>
<table><thead><tr><th>提供時間帯</th><th>サービスコード</th><th>サービス事業者</th>${head}<th>合計回数</th></tr></thead><tbody>${rows}</tbody></table>
</section>`);
    const seventh = input.sevenths.find((s) => s.insurer === plan.insurer && s.insured === plan.insured);
    if (seventh)
      parts.push(`<section class="sheet">
<h1>第7表 サービス利用票別表 ${plan.month.slice(0, 4)}年${Number(plan.month.slice(4))}月分</h1>
<table><thead><tr><th>事業所名</th><th>事業所番号</th><th>サービスコード</th><th>単位数</th><th>回数</th><th>給付管理単位数</th><th>区分支給限度基準を超える単位数</th><th>区分支給限度基準内単位数</th><th>単位数単価</th><th>費用総額</th><th>保険請求額</th><th>利用者負担</th></tr></thead><tbody>${seventh.rows
        .map(
          (r) =>
            `<tr class="${seventhRowKind(r.serviceCode)}"><td>${seventhRowKind(r.serviceCode) === 'grandTotal' ? '合計' : escape(r.officeName)}</td><td>${escape(r.office)}</td><td>${escape(r.serviceCode)}</td><td class="n">${num(r.units)}</td><td class="n">${num(r.count)}</td><td class="n">${num(r.managedUnits)}</td><td class="n">${num(r.overLimit)}</td><td class="n">${num(r.withinLimit)}</td><td class="n">${escape(r.unitPrice)}</td><td class="n">${num(r.totalCost)}</td><td class="n">${num(r.claimAmount)}</td><td class="n">${num(r.copay)}</td></tr>`,
        )
        .join('')}</tbody></table>
<p>区分支給限度基準額 ${num(sup?.benefitLimit ?? null)} 単位</p>
</section>`);
  }
  parts.push(...recordSheets(input.others ?? []));
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>ケアプラン（紙で送付）</title><style>
@page { size: A4 landscape; margin: 10mm; }
body { font-family: sans-serif; font-size: 9pt; color: #000; }
.sheet { page-break-after: always; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 1px 3px; }
td.n { text-align: right; }
table.items th { width: 30%; text-align: left; font-weight: normal; background: #eee; }
tr.kindSubtotal, tr.grandTotal { font-weight: bold; }
.notice { border: 2px solid #000; padding: 4px; font-weight: bold; }
</style></head><body>
${input.notice ? `<p class="notice">${escape(input.notice)}</p>` : ''}
<p>送付先: ${escape(input.to)}${GAP}送付元: ${escape(input.from)}</p>
${parts.join('\n')}
</body></html>`;
}
