import { z } from 'zod';
import {
  BURDEN_RATIO_CODES,
  BURDEN_STAGE_CODES,
  CARE_LEVEL_CODES,
  CERTIFICATION_STATUS_CODES,
  SEX_CODES,
} from '../../contract/codes';

// The bodies of cached snapshots, one schema per kind, all in this file. Field names follow the printed 証
// (DOMAIN.md §2.2 被保険者証, §2.5 負担割合証, §2.6 負担限度額認定証, §2.3 要介護認定). Dates are ISO calendar
// dates ("2026-04-01"); amounts are integers (単位 or 円/日).

/** YYYY-MM-DD naming a real day (zod's ISO date checks month lengths and leap years). */
const date = z.iso.date();
/** 被保険者番号: 10 digits, or H + 9 digits for 生保単独 (DOMAIN.md §2.16). */
const insuredNumber = z.string().regex(/^(\d{10}|H\d{9})$/);
/** 保険者番号: 6 digits (DOMAIN.md §2.2). */
const insurerNumber = z.string().regex(/^\d{6}$/);
const units = z.number().int().min(0).max(9_999_999); // CSV field is 7 digits (DOMAIN.md §2.4)
const yenPerDay = z.number().int().min(0).max(99_999);
const shortText = z.string().min(1).max(200);
const period = z.object({ from: date, to: date }).strict();

export const insuredCardSchema = z
  .object({
    insuredNumber,
    insurerNumber,
    insurerName: shortText.optional(),
    name: shortText.optional(),
    nameKana: shortText.optional(),
    birthDate: date.optional(),
    sex: z.enum(SEX_CODES).optional(),
    address: shortText.optional(),
    issuedOn: date.optional(),
    /** 有効期限 (資格者証 only). */
    expiresOn: date.optional(),
    careLevel: z.enum(CARE_LEVEL_CODES).optional(),
    certifiedOn: date.optional(),
    certificationPeriod: period.optional(),
    /** 区分支給限度基準額: period + units per month. */
    benefitLimit: z.object({ period, units }).strict().optional(),
    /** うち種類支給限度基準額. */
    serviceTypeLimits: z
      .array(z.object({ serviceType: z.string().regex(/^[0-9A-Z]{2}$/), units }).strict())
      .max(9)
      .default([]),
    /** 認定審査会の意見及びサービスの種類の指定 (free text as printed). */
    reviewOpinion: z.string().max(1000).optional(),
    benefitRestrictions: z
      .array(z.object({ content: shortText, from: date, to: date.optional() }).strict())
      .max(5)
      .default([]),
    carePlanOffices: z
      .array(z.object({ officeName: shortText, notifiedOn: date }).strict())
      .max(5)
      .default([]),
    facilities: z
      .array(
        z
          .object({ kind: shortText, name: shortText, admittedOn: date.optional(), dischargedOn: date.optional() })
          .strict(),
      )
      .max(2)
      .default([]),
  })
  .strict();

export const burdenRatioSchema = z
  .object({
    insuredNumber,
    insurerNumber,
    issuedOn: date.optional(),
    /** 利用者負担の割合 (負担割合区分). */
    ratio: z.enum(BURDEN_RATIO_CODES),
    /** 適用期間. */
    period,
  })
  .strict();

export const burdenLimitSchema = z
  .object({
    insuredNumber,
    insurerNumber,
    issuedOn: date.optional(),
    /** 利用者負担段階. */
    stage: z.enum(BURDEN_STAGE_CODES),
    /** 食費負担限度額 (円/日). */
    food: yenPerDay,
    /** 居住費の負担限度額 (円/日) by room type (DOMAIN.md §2.6). */
    room: z
      .object({
        unitPrivate: yenPerDay,
        unitSemiPrivate: yenPerDay,
        conventionalPrivateTokuyo: yenPerDay,
        conventionalPrivateOther: yenPerDay,
        multiBed: yenPerDay,
      })
      .strict(),
    /** 負担限度額適用開始/終了年月日. */
    period,
  })
  .strict();

export const certificationSchema = z
  .object({
    insuredNumber,
    insurerNumber,
    /** 認定状況区分. */
    status: z.enum(CERTIFICATION_STATUS_CODES),
    appliedOn: date.optional(),
    careLevel: z.enum(CARE_LEVEL_CODES).optional(),
    certifiedOn: date.optional(),
    period: period.optional(),
  })
  .strict();

// The person tabs (issue 6): 審査会進捗 (DOMAIN.md §2.11), 住宅改修・福祉用具 allowances (§2.1 menu 4) and the
// 認定調査票・主治医意見書 summary (§2.12), cached so they show offline with their 「最終確認」.
const PROGRESS_STAGES = ['申請受付', '認定調査', '主治医意見書', '一次判定', '審査会', '結果通知'] as const;
export const progressSchema = z
  .object({
    /** null: no application in progress. */
    application: z
      .object({
        applicationKind: z.enum(['新規', '更新', '区分変更']),
        stages: z.array(z.object({ stage: z.enum(PROGRESS_STAGES), date }).strict()).max(6),
      })
      .strict()
      .nullable(),
  })
  .strict();

const yen = z.number().int().min(0).max(99_999_999);
const allowance = z.object({ usedYen: yen, capYen: yen, remainingYen: z.number().int() }).strict();
export const allowancesSchema = z
  .object({
    homeModification: allowance,
    welfareEquipment: allowance.extend({ fiscalYear: z.number().int().min(2000).max(2100) }).strict(),
  })
  .strict();

export const certificationDocumentsSchema = z
  .object({ surveyDate: date.nullable(), physicianOpinionDate: date.nullable(), summary: z.string().max(2000) })
  .strict();

export const SNAPSHOT_SCHEMAS = {
  'insured-card': insuredCardSchema,
  'burden-ratio': burdenRatioSchema,
  'burden-limit': burdenLimitSchema,
  certification: certificationSchema,
  progress: progressSchema,
  allowances: allowancesSchema,
  'certification-documents': certificationDocumentsSchema,
} as const;

export type SnapshotKind = keyof typeof SNAPSHOT_SCHEMAS;
export const SNAPSHOT_KINDS = Object.keys(SNAPSHOT_SCHEMAS) as [SnapshotKind, ...SnapshotKind[]];

export interface SnapshotBodies {
  'insured-card': z.infer<typeof insuredCardSchema>;
  'burden-ratio': z.infer<typeof burdenRatioSchema>;
  'burden-limit': z.infer<typeof burdenLimitSchema>;
  certification: z.infer<typeof certificationSchema>;
  progress: z.infer<typeof progressSchema>;
  allowances: z.infer<typeof allowancesSchema>;
  'certification-documents': z.infer<typeof certificationDocumentsSchema>;
}

/** Parses a body for its kind; null when it does not match (the repository raises SNAPSHOT_INVALID). */
export function parseSnapshotBody<K extends SnapshotKind>(kind: K, body: unknown): SnapshotBodies[K] | null {
  const parsed = SNAPSHOT_SCHEMAS[kind].safeParse(body);
  return parsed.success ? (parsed.data as SnapshotBodies[K]) : null;
}
