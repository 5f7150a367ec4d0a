import { issue, type CarePlanIssue } from '../issues';
import type { ModelledKind } from './columns';
import type { UnitPart } from './files';
import type { PersonRef } from './types';

// Send units and relation keys (DOMAIN.md §4.6) of a unit about to be written: the parts must form one of the
// defined units (mixing two is an error, a missing member a warning), a 第6/7表 unit is one month, and the rows are
// tied by their relation keys — 6表/7表/補足 by person + 対象年月, 1表/2表/3表/補足 by person + 計画作成（変更）日.

const UNITS: readonly (readonly ModelledKind[])[] = [
  ['UP1KYO', 'UP2KYO', 'UP3KYO', 'UPHOSOKU'],
  ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'],
  ['DLT1KYO'],
  ['DLTPLAN'],
  ['UPJSK'],
  ['DLTJSK'],
];

const UNIT_NAMES: Record<string, string> = {
  UP1KYO: '第1表',
  UP2KYO: '第2表',
  UP3KYO: '第3表',
  UPHOSOKU: '利用者補足情報',
  UPPLAN: '第6表',
  UPSIKYU: '第7表',
};

const key = (p: PersonRef, k: string) => `${p.insurer}-${p.insured}|${k}`;
const at = { file: '送信単位' };

export function checkUnit(parts: readonly UnitPart[]): CarePlanIssue[] {
  const found: CarePlanIssue[] = [];
  const kinds = parts.map((p) => p.kind);
  if (new Set(kinds).size !== kinds.length)
    found.push(issue('error', 'send-unit', at, '同じ種別のファイルが1つの送信単位に2つあります。'));
  const unit = UNITS.find((u) => kinds.every((k) => u.includes(k)));
  if (!unit) {
    found.push(
      issue(
        'error',
        'send-unit',
        at,
        `この組み合わせ（${kinds.join('・')}）は1つの送信単位にできません（第1〜3表と第6・7表、削除ファイルは別々に送ります）。`,
      ),
    );
    return found;
  }
  // UPHOSOKU alone belongs to either unit; its members are not required then.
  const missing = kinds.some((k) => k !== 'UPHOSOKU') ? unit.filter((k) => !kinds.includes(k)) : [];
  if (missing.length > 0)
    found.push(
      issue(
        'warning',
        'send-unit',
        at,
        `送信単位に${missing.map((k) => UNIT_NAMES[k] ?? k).join('・')}がありません（必須のファイルです）。`,
      ),
    );
  const months = new Set(parts.filter((p) => p.month !== undefined && p.month !== '000000').map((p) => p.month));
  if (months.size > 1)
    found.push(
      issue(
        'error',
        'send-unit',
        at,
        `送信単位の中で対象年月が混ざっています（${[...months].join('・')}）。月ごとに送ってください。`,
      ),
    );

  const persons = (kind: ModelledKind, relation: (e: never) => string) =>
    new Set(
      parts
        .filter((p) => p.kind === kind)
        .flatMap((p) =>
          (p.content as unknown as (PersonRef & Record<string, unknown>)[]).map((e) => key(e, relation(e as never))),
        ),
    );
  const bySupplement = (month: boolean) =>
    persons('UPHOSOKU', (s: { month: string; planDate: string }) => (month ? s.month : s.planDate));
  const tie = (from: ModelledKind, to: ModelledKind, a: Set<string>, b: Set<string>) => {
    if (!kinds.includes(from) || !kinds.includes(to)) return;
    const loose = [...a].filter((k) => !b.has(k)).length;
    if (loose > 0)
      found.push(
        issue(
          'warning',
          'send-unit',
          at,
          `${UNIT_NAMES[from]}の${loose}人分に対応する${UNIT_NAMES[to]}がありません（保険者番号・被保険者番号・${from === 'UPPLAN' || from === 'UPSIKYU' ? '対象年月' : '計画作成（変更）日'}で対応づけます）。`,
        ),
      );
  };
  const sixth = persons('UPPLAN', (t: { month: string }) => t.month);
  const seventh = persons('UPSIKYU', (t: { month: string }) => t.month);
  tie('UPPLAN', 'UPSIKYU', sixth, seventh);
  tie('UPSIKYU', 'UPPLAN', seventh, sixth);
  tie('UPPLAN', 'UPHOSOKU', sixth, bySupplement(true));
  const first = persons('UP1KYO', (t: { planDate: string }) => t.planDate);
  tie(
    'UP2KYO',
    'UP1KYO',
    persons('UP2KYO', (t: { planDate: string }) => t.planDate),
    first,
  );
  tie(
    'UP3KYO',
    'UP1KYO',
    persons('UP3KYO', (t: { planDate: string }) => t.planDate),
    first,
  );
  tie('UP1KYO', 'UPHOSOKU', first, bySupplement(false));
  return found;
}
