import { z } from 'zod';
import { AUDIT_ACTIONS, SUBJECT_KINDS, type AuditDetail, type AuditRecordInput } from './types';

// Boundary validation for audit entries. The log must never carry personal data in clear (DESIGN.md §4), so
// details are restricted to counts and short upper-case codes: no free text, no long digit runs (a 10-digit
// 被保険者番号, DOMAIN.md §2.16, or a certificate serial could otherwise be smuggled in as a "code" or "count").

/** Staff login IDs are short ASCII identifiers; 'system' is used for actions the app takes by itself. */
const staffId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/);

/** Codes: upper-case ASCII, at most 3 digits in a row. */
const code = z
  .string()
  .regex(/^[A-Z][A-Z0-9_.-]{0,31}$/)
  .refine((s) => !/\d{4}/.test(s), 'digit run');

/** Counts stay below 10^6 so that no identifier fits in a count. */
const count = z.number().int().min(0).max(999_999);

const detailKey = z.string().regex(/^[a-z][a-zA-Z0-9]{0,31}$/);

const detail = z
  .record(detailKey, z.union([count, code, z.boolean()]))
  .refine((d) => Object.keys(d).length <= 8, 'too many keys');

export const auditEntrySchema = z
  .object({
    staffId,
    action: z.enum(AUDIT_ACTIONS),
    subject: z
      .object({ kind: z.enum(SUBJECT_KINDS), value: z.string().min(1).max(256) })
      .strict()
      .optional(),
    detail: detail.optional(),
  })
  .strict();

/** Parses an entry; returns null when it is not acceptable (the caller raises AUDIT_INVALID_ENTRY). */
export function parseAuditEntry(input: unknown): AuditRecordInput | null {
  const parsed = auditEntrySchema.safeParse(input);
  return parsed.success ? (parsed.data as AuditRecordInput) : null;
}

/** Canonical JSON of a detail object: keys sorted, so the same detail always chains to the same bytes. */
export function canonicalDetail(d: AuditDetail | undefined): string | null {
  if (!d || Object.keys(d).length === 0) return null;
  const sorted: AuditDetail = {};
  for (const key of Object.keys(d).sort()) sorted[key] = d[key]!;
  return JSON.stringify(sorted);
}
