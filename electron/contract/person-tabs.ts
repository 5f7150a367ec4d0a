import { z } from 'zod';
import { input } from './limits';
import { PersonKey } from './persons';

// The 利用者 detail tabs beyond the 証 (issue 6): 申請進捗, 住宅改修・福祉用具, 認定調査票・主治医意見書. Each is fetched
// online when the service can answer and cached, so it shows offline with its 「最終確認」 (UX.md rule 10).

export const PersonTabInput = input({ personKey: PersonKey });

const shown = {
  /** When the service last answered (instant, ISO). */
  confirmedAt: z.string(),
  source: z.enum(['api', 'training']),
  /** True when the service could not be asked now and the cached answer is shown. */
  fromCache: z.boolean(),
};

export const PROGRESS_STAGES = ['申請受付', '認定調査', '主治医意見書', '一次判定', '審査会', '結果通知'] as const;

export const ProgressTab = z.strictObject({
  ...shown,
  /** null: no application in progress. */
  application: z
    .strictObject({
      applicationKind: z.enum(['新規', '更新', '区分変更']),
      stages: z.array(z.strictObject({ stage: z.enum(PROGRESS_STAGES), date: z.string() })).max(6),
    })
    .nullable(),
});
export type ProgressTab = z.infer<typeof ProgressTab>;

const allowance = z.strictObject({ usedYen: z.number(), capYen: z.number(), remainingYen: z.number() });
export const AllowancesTab = z.strictObject({
  ...shown,
  homeModification: allowance,
  welfareEquipment: allowance.extend({ fiscalYear: z.number() }),
});
export type AllowancesTab = z.infer<typeof AllowancesTab>;

export const DocumentsTab = z.strictObject({
  ...shown,
  surveyDate: z.string().nullable(),
  physicianOpinionDate: z.string().nullable(),
  summary: z.string(),
});
export type DocumentsTab = z.infer<typeof DocumentsTab>;

/** Printing a person's summary is audited; the answer names who printed it and when, for the footer. */
export const PrintedOutput = z.strictObject({ printedBy: z.string(), printedAt: z.string() });
export type PrintedOutput = z.infer<typeof PrintedOutput>;
