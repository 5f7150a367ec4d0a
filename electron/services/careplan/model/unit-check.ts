import { issue, type CarePlanIssue } from '../issues';
import type { ModelledKind } from './columns';
import type { UnitPart } from './files';
import type { PersonRef } from './types';

// Send units and relation keys (DOMAIN.md §4.6) of a unit about to be written: the parts must form one of the
// defined units (mixing two is an error, a missing member a warning), a 第6/7表 unit is one month, and the rows are
// tied by their relation keys — 6表/7表/補足 by person + 対象年月, 1表/2表/3表/補足 by person + 計画作成（変更）日.
// 介護予防 files (§4.3) are not among §4.6's units, so each family is its own unit: 利用者基本情報 with its 別表1/2
// (tied by person + 相談日), the 支援計画書 with its 別表 (person + 計画作成(変更)日), and each deletion alone. Only
// their 本体 is required, as in the layouts (a 別表 without its 本体 is the incomplete case).

interface UnitDef {
  members: readonly ModelledKind[];
  /** Members whose absence is warned about. */
  required: readonly ModelledKind[];
}

const all = (...members: ModelledKind[]): UnitDef => ({ members, required: members });

const UNITS: readonly UnitDef[] = [
  all('UP1KYO', 'UP2KYO', 'UP3KYO', 'UPHOSOKU'),
  all('UPPLAN', 'UPSIKYU', 'UPHOSOKU'),
  all('DLT1KYO'),
  all('DLTPLAN'),
  all('UPJSK'),
  all('DLTJSK'),
  { members: ['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2'], required: ['UPKIHON'] },
  { members: ['UPYOBO', 'UPYOBO_SUB'], required: ['UPYOBO'] },
  all('DLTKIHON'),
  all('DLTYOBO'),
];

const UNIT_NAMES: Record<string, string> = {
  UP1KYO: '第1表',
  UP2KYO: '第2表',
  UP3KYO: '第3表',
  UPHOSOKU: '利用者補足情報',
  UPPLAN: '第6表',
  UPSIKYU: '第7表',
  UPKIHON: '利用者基本情報',
  UPKIHON_SUB1: '利用者基本情報（別表1）',
  UPKIHON_SUB2: '利用者基本情報（別表2）',
  UPYOBO: '介護予防サービス・支援計画書',
  UPYOBO_SUB: '支援計画書（別表）',
};

const key = (p: PersonRef, k: string) => `${p.insurer}-${p.insured}|${k}`;
const at = { file: '送信単位' };

export function checkUnit(parts: readonly UnitPart[]): CarePlanIssue[] {
  const found: CarePlanIssue[] = [];
  const kinds = parts.map((p) => p.kind);
  if (new Set(kinds).size !== kinds.length)
    found.push(issue('error', 'send-unit', at, '同じ種別のファイルが1つの送信単位に2つあります。'));
  const unit = UNITS.find((u) => kinds.every((k) => u.members.includes(k)));
  if (!unit) {
    found.push(
      issue(
        'error',
        'send-unit',
        at,
        `この組み合わせ（${kinds.join('・')}）は1つの送信単位にできません（第1〜3表、第6・7表、介護予防の利用者基本情報、介護予防サービス・支援計画書、削除ファイルは別々に送ります）。`,
      ),
    );
    return found;
  }
  // UPHOSOKU alone belongs to either unit; its members are not required then.
  const missing = kinds.some((k) => k !== 'UPHOSOKU') ? unit.required.filter((k) => !kinds.includes(k)) : [];
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
  /** Warns when rows of `from` have no counterpart in `to` under the relation key named `keyName`. */
  const tie = (from: ModelledKind, to: ModelledKind, a: Set<string>, b: Set<string>, keyName: string) => {
    if (!kinds.includes(from) || !kinds.includes(to)) return;
    const loose = [...a].filter((k) => !b.has(k)).length;
    if (loose > 0)
      found.push(
        issue(
          'warning',
          'send-unit',
          at,
          `${UNIT_NAMES[from]}の${loose}人分に対応する${UNIT_NAMES[to]}がありません（保険者番号・被保険者番号・${keyName}で対応づけます）。`,
        ),
      );
  };
  const MONTH = '対象年月';
  const PLAN_DATE = '計画作成（変更）日';
  const sixth = persons('UPPLAN', (t: { month: string }) => t.month);
  const seventh = persons('UPSIKYU', (t: { month: string }) => t.month);
  tie('UPPLAN', 'UPSIKYU', sixth, seventh, MONTH);
  tie('UPSIKYU', 'UPPLAN', seventh, sixth, MONTH);
  tie('UPPLAN', 'UPHOSOKU', sixth, bySupplement(true), MONTH);
  const byPlanDate = (kind: ModelledKind) => persons(kind, (t: { planDate: string }) => t.planDate);
  const first = byPlanDate('UP1KYO');
  tie('UP2KYO', 'UP1KYO', byPlanDate('UP2KYO'), first, PLAN_DATE);
  tie('UP3KYO', 'UP1KYO', byPlanDate('UP3KYO'), first, PLAN_DATE);
  tie('UP1KYO', 'UPHOSOKU', first, bySupplement(false), PLAN_DATE);
  const byConsultation = (kind: ModelledKind) => persons(kind, (t: { consultedOn: string }) => t.consultedOn);
  const basic = byConsultation('UPKIHON');
  tie('UPKIHON_SUB1', 'UPKIHON', byConsultation('UPKIHON_SUB1'), basic, '相談日');
  tie('UPKIHON_SUB2', 'UPKIHON', byConsultation('UPKIHON_SUB2'), basic, '相談日');
  tie('UPYOBO_SUB', 'UPYOBO', byPlanDate('UPYOBO_SUB'), byPlanDate('UPYOBO'), '計画作成(変更)日');
  return found;
}
