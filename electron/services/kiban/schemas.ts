import { z } from 'zod';
import { burdenLimitSchema, burdenRatioSchema, certificationSchema, insuredCardSchema } from '../cache';

// The shapes of the 介護WEBサービス API as Kaigo Desk reads them. The official API specification is not public
// (DOMAIN.md §3.4, §8): these match the training backend, and this folder is the only place that changes when the
// specification arrives. Every response is parsed with these before anything is stored.

const isoInstant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const personKey = z.string().regex(/^\d{6}-(\d{10}|H\d{9})$/);

export const eligibilityResponse = z.discriminatedUnion('status', [
  z.strictObject({
    ok: z.literal(true),
    status: z.literal('found'),
    personKey,
    viewingDeadline: isoDate,
    fetchedAt: isoInstant,
    records: z.strictObject({
      insuredCard: insuredCardSchema,
      burdenRatio: burdenRatioSchema,
      burdenLimit: burdenLimitSchema.nullable(),
      certification: certificationSchema,
    }),
  }),
  ...(['not-found', 'invalid', 'insurer-not-live'] as const).map((status) =>
    z.strictObject({
      ok: z.literal(true),
      status: z.literal(status),
      personKey,
      viewingDeadline: isoDate,
      fetchedAt: isoInstant,
    }),
  ),
]);
export type EligibilityResponse = z.infer<typeof eligibilityResponse>;

export const progressResponse = z.strictObject({
  ok: z.literal(true),
  progress: z
    .strictObject({
      applicationKind: z.enum(['新規', '更新', '区分変更']),
      stages: z
        .array(
          z.strictObject({
            stage: z.enum(['申請受付', '認定調査', '主治医意見書', '一次判定', '審査会', '結果通知']),
            date: isoDate,
          }),
        )
        .max(6),
    })
    .nullable(),
});

const allowance = z.strictObject({
  usedYen: z.number().int().min(0),
  capYen: z.number().int().min(0),
  remainingYen: z.number().int(),
});
export const allowancesResponse = z.strictObject({
  ok: z.literal(true),
  homeModification: allowance,
  welfareEquipment: allowance.extend({ fiscalYear: z.number().int().min(2000).max(2100) }),
});

export const servedResponse = z.strictObject({
  ok: z.literal(true),
  persons: z.array(z.strictObject({ personKey, viewingDeadline: isoDate })).max(100_000),
});

export const consentResponse = z.strictObject({ ok: z.literal(true), consent: z.enum(['obtained', 'withdrawn']) });

export const certificationDocumentsResponse = z.strictObject({
  ok: z.literal(true),
  documents: z.strictObject({
    surveyDate: isoDate.nullable(),
    physicianOpinionDate: isoDate.nullable(),
    summary: z.string().max(2000),
  }),
});

export const cardNonceResponse = z.strictObject({
  ok: z.literal(true),
  nonceId: z.string().max(64),
  nonce: z.base64().max(256),
  expiresAt: isoInstant,
});

export const cardCheckResponse = z.strictObject({
  ok: z.literal(true),
  personKey,
  mode: z.enum(['pin', 'visual']),
  viewingDeadline: isoDate,
});
