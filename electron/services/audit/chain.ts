import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditRow, AuditSubject } from './types';

// The keyed hash chain: mac(n) = HMAC-SHA256(auditKey, mac(n-1) || canonical(row n)), mac(0) = 32 zero bytes.
// Without the audit key (a vault subkey), nobody can produce a chain that verifies, so recomputing an unkeyed
// SHA-256 chain over edited rows is detected at the first edited row.

export const GENESIS_MAC = Buffer.alloc(32);
const ENCODING_VERSION = 'kd-audit-v1';

/** The bytes a row's MAC covers: a JSON array of primitives, which JSON.stringify encodes deterministically. */
export function canonicalRow(row: Omit<AuditRow, 'mac'>): Buffer {
  return Buffer.from(
    JSON.stringify([ENCODING_VERSION, row.seq, row.time, row.staffId, row.action, row.subject, row.detail]),
    'utf8',
  );
}

export function rowMac(auditKey: Buffer, prevMac: Buffer, row: Omit<AuditRow, 'mac'>): Buffer {
  return createHmac('sha256', auditKey).update(prevMac).update(canonicalRow(row)).digest();
}

export function macEquals(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A separate key for subject hashes, so a subject hash is never usable as (or against) a row MAC. */
export function subjectKey(auditKey: Buffer): Buffer {
  return createHmac('sha256', auditKey).update('kaigo-desk/audit/subject-hash/v1').digest();
}

/** "person:<64 hex>": the same person always hashes the same way (so inspectors can group), but not reversibly. */
export function hashSubject(key: Buffer, subject: AuditSubject): string {
  const mac = createHmac('sha256', key).update(subject.kind).update('\0').update(subject.value, 'utf8').digest('hex');
  return `${subject.kind}:${mac}`;
}
