import { z } from 'zod';
import { BURDEN_RATIO_LABELS, BURDEN_STAGE_LABELS, CARE_LEVEL_LABELS, SEX_LABELS } from './codes';
import { input, text } from './limits';
import { CachedItem, PersonDetail, PersonKey } from './persons';

// Hand entry of a paper 被保険者証, 負担割合証 or 負担限度額認定証 (UX.md rule 6). The form's fields are defined here
// once, so the screen builds its inputs from the same list the main process validates; the main process turns the
// typed text into the same record shape the service sends (electron/services/cache/schemas.ts) and checks it with
// the same schema. Problems come back per field, each with a code and a Japanese message.

export const PAPER_KIND_LABELS = {
  'insured-card': '介護保険被保険者証',
  'burden-ratio': '負担割合証',
  'burden-limit': '負担限度額認定証',
} as const;
export type PaperFormKind = keyof typeof PAPER_KIND_LABELS;
export const PAPER_FORM_KINDS = Object.keys(PAPER_KIND_LABELS) as [PaperFormKind, ...PaperFormKind[]];

export type PaperFieldType = 'insurer-number' | 'insured-number' | 'text' | 'kana' | 'date' | 'select' | 'amount';

export interface PaperField {
  name: string;
  label: string;
  type: PaperFieldType;
  required: boolean;
  /** Code → label, for selects (codes from DOMAIN.md §2.3, §2.5, §2.6). */
  options?: Readonly<Record<string, string>>;
  /** Unit shown after an amount. */
  unit?: string;
}

const numbers: PaperField[] = [
  { name: 'insurerNumber', label: '保険者番号', type: 'insurer-number', required: true },
  { name: 'insuredNumber', label: '被保険者番号', type: 'insured-number', required: true },
];
const issued: PaperField = { name: 'issuedOn', label: '交付年月日', type: 'date', required: false };
const period = (label: string, required: boolean): PaperField[] => [
  { name: 'periodFrom', label: `${label}（開始）`, type: 'date', required },
  { name: 'periodTo', label: `${label}（終了）`, type: 'date', required },
];
const yen = (name: string, label: string): PaperField => ({
  name,
  label,
  type: 'amount',
  required: true,
  unit: '円/日',
});

export const PAPER_FIELDS: Record<PaperFormKind, readonly PaperField[]> = {
  // DOMAIN.md §2.2 (様式第一号), the items a counter needs.
  'insured-card': [
    ...numbers,
    { name: 'name', label: '氏名', type: 'text', required: true },
    { name: 'nameKana', label: 'フリガナ', type: 'kana', required: false },
    { name: 'birthDate', label: '生年月日', type: 'date', required: true },
    { name: 'sex', label: '性別', type: 'select', required: false, options: SEX_LABELS },
    { name: 'address', label: '住所', type: 'text', required: false },
    issued,
    { name: 'careLevel', label: '要介護状態区分等', type: 'select', required: false, options: CARE_LEVEL_LABELS },
    { name: 'certifiedOn', label: '認定年月日', type: 'date', required: false },
    { name: 'certificationFrom', label: '認定の有効期間（開始）', type: 'date', required: false },
    { name: 'certificationTo', label: '認定の有効期間（終了）', type: 'date', required: false },
    { name: 'benefitLimitUnits', label: '区分支給限度基準額', type: 'amount', required: false, unit: '単位/月' },
    { name: 'restrictionContent', label: '給付制限（内容）', type: 'text', required: false },
    { name: 'restrictionFrom', label: '給付制限（開始）', type: 'date', required: false },
    { name: 'restrictionTo', label: '給付制限（終了）', type: 'date', required: false },
    { name: 'carePlanOfficeName', label: '居宅介護支援事業者の名称', type: 'text', required: false },
    { name: 'carePlanNotifiedOn', label: '届出年月日', type: 'date', required: false },
  ],
  // DOMAIN.md §2.5.
  'burden-ratio': [
    ...numbers,
    issued,
    { name: 'ratio', label: '利用者負担の割合', type: 'select', required: true, options: BURDEN_RATIO_LABELS },
    ...period('適用期間', true),
  ],
  // DOMAIN.md §2.6.
  'burden-limit': [
    ...numbers,
    issued,
    { name: 'stage', label: '利用者負担段階', type: 'select', required: true, options: BURDEN_STAGE_LABELS },
    yen('food', '食費の負担限度額'),
    yen('roomUnitPrivate', '居住費（ユニット型個室）'),
    yen('roomUnitSemiPrivate', '居住費（ユニット型個室的多床室）'),
    yen('roomConventionalPrivateTokuyo', '居住費（従来型個室・特養等）'),
    yen('roomConventionalPrivateOther', '居住費（従来型個室・老健・医療院等）'),
    yen('roomMultiBed', '居住費（多床室）'),
    ...period('適用期間', true),
  ],
};

/** Per-field problem codes; the code is shown beside the message so support can help. */
export const PAPER_FIELD_MESSAGES = {
  PAPER_FIELD_REQUIRED: '必須の項目です。証の記載どおりに入力してください。',
  PAPER_FIELD_INSURER_NUMBER: '保険者番号は6桁の数字です。',
  PAPER_FIELD_INSURED_NUMBER: '被保険者番号は10桁の数字です（生活保護単独の方は H と9桁の数字）。',
  PAPER_FIELD_DATE: '日付として読めません。令和8年4月1日・R8.4.1・2026-04-01 のように入力してください。',
  PAPER_FIELD_PERIOD_ORDER: '終了日が開始日より前になっています。証の記載を確かめてください。',
  PAPER_FIELD_PERIOD_INCOMPLETE: '期間は開始と終了の両方を入力してください。',
  PAPER_FIELD_CODE: '一覧にない区分です。一覧から選んでください。',
  PAPER_FIELD_AMOUNT: '0以上の整数（半角・全角の数字、カンマ可）で入力してください。',
  PAPER_FIELD_TEXT: '長すぎます（200文字まで）。',
  PAPER_FIELD_KANA: 'フリガナはカタカナで入力してください。',
  PAPER_FIELD_DEPENDS: 'この項目を入力するときは、関連する項目（内容・期間など）も入力してください。',
  PAPER_FIELD_SCHEMA: '証の項目として受け付けられない値です。証の記載を確かめてください。',
} as const;
export type PaperFieldCode = keyof typeof PAPER_FIELD_MESSAGES;
const PAPER_FIELD_CODES = Object.keys(PAPER_FIELD_MESSAGES) as [PaperFieldCode, ...PaperFieldCode[]];

export const PaperProblem = z.strictObject({
  field: z.string(),
  code: z.enum(PAPER_FIELD_CODES),
  message: z.string(),
});
export type PaperProblem = z.infer<typeof PaperProblem>;

const fieldName = z.string().regex(/^[a-zA-Z]{1,40}$/);

export const PaperSaveInput = input({
  kind: z.enum(PAPER_FORM_KINDS),
  fields: z.record(fieldName, text(200)),
}).superRefine((value, ctx) => {
  const known = new Set(PAPER_FIELDS[value.kind].map((f) => f.name));
  for (const key of Object.keys(value.fields)) {
    if (!known.has(key)) ctx.addIssue({ code: 'custom', path: ['fields', key], message: 'unknown field' });
  }
});

export const PaperSaveOutput = z.discriminatedUnion('saved', [
  z.strictObject({ saved: z.literal(true), personKey: PersonKey, enteredAt: z.string(), detail: PersonDetail }),
  z.strictObject({ saved: z.literal(false), problems: z.array(PaperProblem).max(40) }),
]);
export type PaperSaveOutput = z.infer<typeof PaperSaveOutput>;

export const PaperListInput = input({ personKey: PersonKey.optional() });

export const PaperEntryView = z.strictObject({
  id: z.number().int(),
  personKey: PersonKey,
  kind: z.enum(PAPER_FORM_KINDS),
  /** 「紙で確認」 or 「申立（未確認）」. */
  source: z.enum(['paper', 'declaration']),
  enteredAt: z.string(),
  enteredBy: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** Amber / red as for online items (UX.md rule 10). */
  freshness: CachedItem.shape.freshness,
  /** The record as entered (shapes of electron/services/cache/schemas.ts), for display beside online items. */
  body: z.record(z.string(), z.unknown()),
});
export type PaperEntryView = z.infer<typeof PaperEntryView>;

export const PaperListOutput = z.array(PaperEntryView).max(200);
