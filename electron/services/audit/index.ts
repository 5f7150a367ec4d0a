// The tamper-evident audit log (DESIGN.md §4 "Audit integrity"). Other services call `audit.record(...)`.
export { openAuditLog, type OpenAuditLogOptions } from './open';
export { createAuditLog, type AuditLog, type AuditLogOptions } from './log';
export { sqlAuditStore } from './sql-store';
export { sealedHeadStore, HEAD_BLOB, type BlobSealer, type HeadStore } from './head';
export type { AuditRowStore, TimeRange } from './store';
export { verifyChain, type ChainState } from './verify';
export { rowMac, canonicalRow, hashSubject, subjectKey, GENESIS_MAC } from './chain';
export { auditCsv, neutraliseCell, japanTimestamp } from './csv';
export { parseAuditEntry, auditEntrySchema } from './entry';
export { ACTION_LABELS, actionLabel, describeVerifyResult } from './labels';
export { japanDayRange } from './range';
export {
  AUDIT_ACTIONS,
  SUBJECT_KINDS,
  type AuditAction,
  type AuditDetail,
  type AuditHead,
  type AuditRecordInput,
  type AuditRow,
  type AuditSubject,
  type SubjectKind,
  type VerifyResult,
} from './types';
