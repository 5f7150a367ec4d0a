import { z } from 'zod';
import { input, text } from './limits';

// Persons and their cached records, as the screens show them. Personal data crosses IPC only to be displayed; the
// renderer never stores it (DESIGN.md §4).

export const PersonKey = z.string().regex(/^\d{6}-(\d{10}|H\d{9})$/);

export const PersonSummary = z.strictObject({
  personKey: PersonKey,
  insurerNumber: z.string(),
  insuredNumber: z.string(),
  name: z.string(),
  nameKana: z.string(),
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const SearchInput = input({
  query: text(100),
  offset: z.number().int().min(0).max(100_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const SearchOutput = z.strictObject({
  mode: z.enum(['insured-number', 'kana-prefix', 'name-fragment', 'empty']),
  rows: z.array(PersonSummary).max(200),
  hasMore: z.boolean(),
});

const Freshness = z.strictObject({
  level: z.enum(['fresh', 'stale', 'expired']),
  reasons: z.array(z.enum(['older-than-limit', 'crossed-august-boundary', 'past-expiry'])),
});

/** One cached item with where it came from and when it was last confirmed (UX.md rule 10). */
export const CachedItem = z.strictObject({
  kind: z.enum(['insured-card', 'burden-ratio', 'burden-limit', 'certification']),
  /** 「オンライン確認」 (api / training) or 「紙で確認」. */
  source: z.enum(['api', 'training', 'paper', 'declaration']),
  confirmedAt: z.string(),
  validTo: z.string().nullable(),
  freshness: Freshness,
  /** The record's fields as fetched (shapes of electron/services/cache/schemas.ts). */
  body: z.record(z.string(), z.unknown()),
});
export type CachedItem = z.infer<typeof CachedItem>;

export const EligibilityResult = z.strictObject({
  state: z.enum(['valid', 'invalid', 'pending-data', 'card-cert-expiring', 'expired', 'applying', 'insurer-not-live']),
  label: z.string(),
  action: z.string(),
  documents: z.array(z.string()),
  warnings: z.array(z.strictObject({ code: z.string(), message: z.string() })),
  recheckInDays: z.number().nullable(),
});
export type EligibilityResult = z.infer<typeof EligibilityResult>;

export const PersonDetail = z.strictObject({
  person: PersonSummary,
  items: z.array(CachedItem),
  eligibility: EligibilityResult,
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const PersonInput = input({ personKey: PersonKey });

export const DeadlineRow = z.strictObject({
  kind: z.enum([
    'certification-end',
    'burden-ratio-end',
    'burden-limit-end',
    'office-certificate',
    'pending-before-billing',
  ]),
  personKey: PersonKey.nullable(),
  name: z.string().nullable(),
  dueDate: z.string(),
  daysLeft: z.number(),
  urgency: z.enum(['overdue', 'urgent', 'soon', 'info']),
  action: z.string(),
});
export type DeadlineRow = z.infer<typeof DeadlineRow>;
