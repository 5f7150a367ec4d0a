// Types of the tamper-evident audit log (DESIGN.md §4 "Audit integrity").

/** The closed list of audited actions. Add one here (with its label in labels.ts) before recording it. */
export const AUDIT_ACTIONS = [
  'view',
  'print',
  'export',
  'send',
  'card-check',
  'login',
  'offline-unlock',
  'purge',
  'config-change',
  /** A 証 entered by hand from paper (UX.md rule 6), or the counter's declaration when a reception is rejected. */
  'paper-entry',
  /** 障害時受付 (UX.md rule 9): an entry written down while the service could not answer, and the decision on it. */
  'reception',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a subject is; the value itself is only ever stored as a keyed hash. */
export const SUBJECT_KINDS = ['person', 'certificate', 'office', 'file'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface AuditSubject {
  kind: SubjectKind;
  /** e.g. the insured number or a certificate serial: hashed with the subject key, never stored in clear. */
  value: string;
}

/** Counts and codes only (schema in entry.ts refuses anything else). */
export type AuditDetail = Record<string, number | string | boolean>;

/** What other services pass to `audit.record()`. */
export interface AuditRecordInput {
  staffId: string;
  action: AuditAction;
  subject?: AuditSubject;
  detail?: AuditDetail;
}

/** A row as stored and chained. `subject` is "<kind>:<hex HMAC>", `detail` canonical JSON or null. */
export interface AuditRow {
  seq: number;
  time: string;
  staffId: string;
  action: string;
  subject: string | null;
  detail: string | null;
  /** HMAC-SHA256(auditKey, prevMac || canonical(row)), 32 bytes. */
  mac: Buffer;
}

/** The chain head sealed by the vault after each append. */
export interface AuditHead {
  seq: number;
  mac: Buffer;
}

export type VerifyResult =
  | {
      kind: 'ok';
      count: number;
      /** rows appended after the last sealed head (crash before sealing) */ unsealed: number;
    }
  /** The first row whose MAC does not verify, or which is missing from the sequence. */
  | { kind: 'bad-row'; seq: number; reason: 'mac' | 'missing' }
  /** Rows were deleted from the end of this file (the file still remembers higher sequence numbers). */
  | { kind: 'tail-deleted'; headSeq: number; fileSeq: number }
  /** The file is consistent in itself but older than the sealed head: an older copy was put back. */
  | { kind: 'older-file'; headSeq: number; fileSeq: number }
  /** The row at the sealed head's sequence has a different MAC: the file was replaced by another chain. */
  | { kind: 'head-mismatch'; seq: number }
  /** Rows exist but no sealed head does: the head was removed or the file comes from elsewhere. */
  | { kind: 'head-missing'; fileSeq: number };
