import { formatWareki, parseCalendarDate } from '../../contract/time';
import {
  BURDEN_RATIO_LABELS,
  BURDEN_STAGE_LABELS,
  CARE_LEVEL_LABELS,
  CERTIFICATION_STATUS_LABELS,
  SEX_LABELS,
} from '../../contract/codes';
import type { SnapshotBodies, SnapshotKind } from './schemas';

// What changed between two snapshots of the same person and kind, in the words printed on the 証: 要介護2 → 要介護3
// (DOMAIN.md §2.3), 1割 → 2割 (§2.5). Only the fields a counter clerk acts on are compared, each with its label.

export interface SnapshotChange {
  /** Stable field name, e.g. "careLevel". */
  field: string;
  /** Japanese label, e.g. "要介護状態区分". */
  label: string;
  /** Display text before/after (null = not stated), e.g. "要介護2". */
  before: string | null;
  after: string | null;
}

/** A formatter for one field's value; `never` lets each spec pass a formatter typed for its own value. */
type Text = (value: never) => string;
interface FieldSpec<B> {
  field: string;
  label: string;
  get: (body: B) => unknown;
  text: Text;
}

const wareki = (iso: string): string => {
  const d = parseCalendarDate(iso);
  return d ? formatWareki(d) : iso;
};
const units = (n: number): string => `${n.toLocaleString('ja-JP')}単位`;

const codeText =
  (table: Record<string, string>): Text =>
  (code: string) =>
    table[code] ?? `不明なコード（${code}）`;
const dateText: Text = wareki;
const periodText: Text = (p: { from: string; to: string }) => `${wareki(p.from)}〜${wareki(p.to)}`;
const unitsText: Text = units;
const yenText: Text = (n: number) => `${n.toLocaleString('ja-JP')}円/日`;
const plainText: Text = (s: string) => s;
const listText =
  <T>(one: (item: T) => string): Text =>
  (items: T[]) =>
    items.length === 0 ? 'なし' : items.map(one).join('、');

type Specs = { [K in SnapshotKind]: FieldSpec<SnapshotBodies[K]>[] };

const SPECS: Specs = {
  'insured-card': [
    { field: 'insuredNumber', label: '被保険者番号', get: (b) => b.insuredNumber, text: plainText },
    { field: 'insurerNumber', label: '保険者番号', get: (b) => b.insurerNumber, text: plainText },
    { field: 'name', label: '氏名', get: (b) => b.name, text: plainText },
    { field: 'nameKana', label: 'フリガナ', get: (b) => b.nameKana, text: plainText },
    { field: 'birthDate', label: '生年月日', get: (b) => b.birthDate, text: dateText },
    { field: 'sex', label: '性別', get: (b) => b.sex, text: codeText(SEX_LABELS) },
    { field: 'address', label: '住所', get: (b) => b.address, text: plainText },
    { field: 'expiresOn', label: '有効期限', get: (b) => b.expiresOn, text: dateText },
    { field: 'careLevel', label: '要介護状態区分等', get: (b) => b.careLevel, text: codeText(CARE_LEVEL_LABELS) },
    { field: 'certifiedOn', label: '認定年月日', get: (b) => b.certifiedOn, text: dateText },
    { field: 'certificationPeriod', label: '認定の有効期間', get: (b) => b.certificationPeriod, text: periodText },
    { field: 'benefitLimitUnits', label: '区分支給限度基準額', get: (b) => b.benefitLimit?.units, text: unitsText },
    {
      field: 'benefitLimitPeriod',
      label: '区分支給限度基準額の期間',
      get: (b) => b.benefitLimit?.period,
      text: periodText,
    },
    {
      field: 'serviceTypeLimits',
      label: '種類支給限度基準額',
      get: (b) => b.serviceTypeLimits,
      text: listText((l: { serviceType: string; units: number }) => `${l.serviceType}: ${units(l.units)}`),
    },
    { field: 'reviewOpinion', label: '認定審査会の意見', get: (b) => b.reviewOpinion, text: plainText },
    {
      field: 'benefitRestrictions',
      label: '給付制限',
      get: (b) => b.benefitRestrictions,
      text: listText(
        (r: { content: string; from: string; to?: string }) =>
          `${r.content}（${wareki(r.from)}〜${r.to ? wareki(r.to) : ''}）`,
      ),
    },
    {
      field: 'carePlanOffices',
      label: '居宅介護支援事業者',
      get: (b) => b.carePlanOffices,
      text: listText(
        (o: { officeName: string; notifiedOn: string }) => `${o.officeName}（届出 ${wareki(o.notifiedOn)}）`,
      ),
    },
    {
      field: 'facilities',
      label: '介護保険施設等',
      get: (b) => b.facilities,
      text: listText((f: { kind: string; name: string }) => `${f.kind} ${f.name}`),
    },
  ],
  'burden-ratio': [
    { field: 'ratio', label: '利用者負担の割合', get: (b) => b.ratio, text: codeText(BURDEN_RATIO_LABELS) },
    { field: 'period', label: '適用期間', get: (b) => b.period, text: periodText },
  ],
  'burden-limit': [
    { field: 'stage', label: '利用者負担段階', get: (b) => b.stage, text: codeText(BURDEN_STAGE_LABELS) },
    { field: 'food', label: '食費の負担限度額', get: (b) => b.food, text: yenText },
    { field: 'room.unitPrivate', label: '居住費（ユニット型個室）', get: (b) => b.room.unitPrivate, text: yenText },
    {
      field: 'room.unitSemiPrivate',
      label: '居住費（ユニット型個室的多床室）',
      get: (b) => b.room.unitSemiPrivate,
      text: yenText,
    },
    {
      field: 'room.conventionalPrivateTokuyo',
      label: '居住費（従来型個室・特養等）',
      get: (b) => b.room.conventionalPrivateTokuyo,
      text: yenText,
    },
    {
      field: 'room.conventionalPrivateOther',
      label: '居住費（従来型個室・老健・医療院等）',
      get: (b) => b.room.conventionalPrivateOther,
      text: yenText,
    },
    { field: 'room.multiBed', label: '居住費（多床室）', get: (b) => b.room.multiBed, text: yenText },
    { field: 'period', label: '適用期間', get: (b) => b.period, text: periodText },
  ],
  certification: [
    { field: 'status', label: '認定状況', get: (b) => b.status, text: codeText(CERTIFICATION_STATUS_LABELS) },
    { field: 'appliedOn', label: '申請日', get: (b) => b.appliedOn, text: dateText },
    { field: 'careLevel', label: '要介護状態区分', get: (b) => b.careLevel, text: codeText(CARE_LEVEL_LABELS) },
    { field: 'certifiedOn', label: '認定年月日', get: (b) => b.certifiedOn, text: dateText },
    { field: 'period', label: '認定の有効期間', get: (b) => b.period, text: periodText },
  ],
  // The person tabs (issue 6): only what a clerk acts on.
  progress: [
    {
      field: 'application',
      label: '申請の進捗',
      get: (b) => b.application?.stages.at(-1)?.stage,
      text: plainText,
    },
  ],
  allowances: [
    {
      field: 'homeModification.remainingYen',
      label: '住宅改修費の残額',
      get: (b) => b.homeModification.remainingYen,
      text: (n: number) => `${n.toLocaleString('ja-JP')}円`,
    },
    {
      field: 'welfareEquipment.remainingYen',
      label: '福祉用具購入費の残額',
      get: (b) => b.welfareEquipment.remainingYen,
      text: (n: number) => `${n.toLocaleString('ja-JP')}円`,
    },
  ],
  'certification-documents': [
    { field: 'surveyDate', label: '認定調査日', get: (b) => b.surveyDate ?? undefined, text: dateText },
    {
      field: 'physicianOpinionDate',
      label: '主治医意見書の記載日',
      get: (b) => b.physicianOpinionDate ?? undefined,
      text: dateText,
    },
  ],
};

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Changes from `before` to `after` (same kind), in field order. An empty list means nothing that matters changed. */
export function diffBodies<K extends SnapshotKind>(
  kind: K,
  before: SnapshotBodies[K],
  after: SnapshotBodies[K],
): SnapshotChange[] {
  const specs = SPECS[kind] as FieldSpec<SnapshotBodies[K]>[];
  const changes: SnapshotChange[] = [];
  for (const spec of specs) {
    const a = spec.get(before);
    const b = spec.get(after);
    if (same(a, b)) continue;
    changes.push({
      field: spec.field,
      label: spec.label,
      before: a === undefined ? null : spec.text(a as never),
      after: b === undefined ? null : spec.text(b as never),
    });
  }
  return changes;
}

/** "要介護状態区分等: 要介護2 → 要介護3" */
export function describeChange(change: SnapshotChange): string {
  return `${change.label}: ${change.before ?? '記載なし'} → ${change.after ?? '記載なし'}`;
}
