import { z } from 'zod';
import { BURDEN_RATIO_CODES, CARE_LEVEL_CODES, SEX_CODES } from './codes';
import { input, text } from './limits';
import { PersonKey } from './persons';

// 障害時受付 (outage reception, UX.md rule 9) and the outbox list. The form schema carries the Japanese message of
// each field, so the screen shows the same validation the main process applies (receptionFormProblems).

const date = (message: string) =>
  z.iso.date({ error: message }).refine((d) => d >= '1900-01-01' && d <= '2199-12-31', { error: message });

export const ReceptionForm = input({
  name: text(100).trim().min(1, { error: '氏名を入力してください。' }),
  sex: z.enum(SEX_CODES, { error: '性別を選んでください。' }),
  birthDate: date('生年月日を正しい日付で入力してください（例: 1940-04-01）。'),
  address: text(200).trim().min(1, { error: '住所を入力してください。' }),
  insurerNumber: z.string().regex(/^\d{6}$/, { error: '保険者番号は6桁の数字です。' }),
  insuredNumber: z.string().regex(/^(\d{10}|H\d{9})$/, { error: '被保険者番号は10桁の数字です。' }),
  careLevel: z.enum(CARE_LEVEL_CODES, { error: '要介護度を選んでください。' }),
  certificationFrom: date('有効期間の開始日を正しい日付で入力してください。'),
  certificationTo: date('有効期間の終了日を正しい日付で入力してください。'),
  burdenRatio: z.enum(BURDEN_RATIO_CODES, { error: '負担割合を選んでください。' }),
}).refine((f) => f.certificationFrom <= f.certificationTo, {
  path: ['certificationTo'],
  error: '有効期間の終了日は開始日より後にしてください。',
});
export type ReceptionForm = z.infer<typeof ReceptionForm>;
export type ReceptionField = keyof ReceptionForm;

/** Field → first Japanese message, for the form (empty only when valid); `form` for a problem of no one field. */
export function receptionFormProblems(value: unknown): Partial<Record<ReceptionField | 'form', string>> {
  const r = ReceptionForm.safeParse(value);
  if (r.success) return {};
  const problems: Partial<Record<ReceptionField | 'form', string>> = {};
  for (const issue of r.error.issues) {
    const field = (issue.path[0] as ReceptionField | undefined) ?? 'form';
    problems[field] ??=
      field === 'form' ? '入力内容の形式が正しくありません。画面を開き直してください。' : issue.message;
  }
  return problems;
}

export const ReceptionState = z.enum(['queued', 'awaiting-approval', 'recheck-refused', 'approved', 'rejected']);
export type ReceptionState = z.infer<typeof ReceptionState>;

export const ReceptionDifference = z.strictObject({
  field: z.string(),
  label: z.string(),
  /** What was received at the counter / what the service says (display text; null = not stated). */
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ReceptionDifference = z.infer<typeof ReceptionDifference>;

export const ReceptionRecheck = z.strictObject({
  at: z.string(),
  serviceStatus: z.enum(['found', 'not-found', 'invalid', 'insurer-not-live']).nullable(),
  /** The service refused the re-run (e.g. KIBAN_NOT_SERVED: a card check is needed first). */
  refusalCode: z.string().nullable(),
  differences: z.array(ReceptionDifference).max(50),
});
export type ReceptionRecheck = z.infer<typeof ReceptionRecheck>;

export const ReceptionEntry = z.strictObject({
  id: z.number().int(),
  personKey: PersonKey,
  receivedAt: z.string(),
  receivedBy: z.string(),
  state: ReceptionState,
  form: ReceptionForm,
  recheck: ReceptionRecheck.nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
});
export type ReceptionEntry = z.infer<typeof ReceptionEntry>;

export const ReceptionIdInput = input({ id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

export const OutboxItem = z.strictObject({
  id: z.number().int(),
  kind: z.string(),
  state: z.enum(['pending', 'sending', 'sent', 'failed', 'ambiguous']),
  attempts: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  lastErrorCode: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const OutboxList = z.strictObject({
  /** Newest first, no payloads (no personal data). */
  jobs: z.array(OutboxItem).max(500),
  /** Jobs not yet delivered (pending, sending, ambiguous). */
  queued: z.number().int(),
  /** Since when the service cannot be used (ISO instant), null while it can. */
  unavailableSince: z.string().nullable(),
});
export type OutboxList = z.infer<typeof OutboxList>;

export const OutboxChanged = z.strictObject({ queued: z.number().int() });
