import { GENESIS_MAC, macEquals, rowMac } from './chain';
import type { AuditHead, AuditRow, VerifyResult } from './types';

export interface ChainState {
  /** Rows in ascending seq order. */
  rows: Iterable<AuditRow>;
  /** The sealed head, or null when none was ever sealed. */
  head: AuditHead | null;
  /**
   * The highest sequence number this file ever handed out (SQLite keeps it for AUTOINCREMENT keys even after
   * rows are deleted), or null when unknown. It tells a deleted tail (same file, rows removed) apart from an
   * older copy of the file (which never knew the later numbers).
   */
  highWater: number | null;
}

/** Verifies the chain and compares it with the sealed head. Reports the first problem found. */
export function verifyChain(auditKey: Buffer, state: ChainState): VerifyResult {
  let prev: Buffer = GENESIS_MAC;
  let expected = 1;
  let headMac: Buffer | null = null;
  for (const row of state.rows) {
    if (row.seq !== expected) return { kind: 'bad-row', seq: expected, reason: 'missing' };
    if (!macEquals(rowMac(auditKey, prev, row), row.mac)) return { kind: 'bad-row', seq: row.seq, reason: 'mac' };
    if (state.head && row.seq === state.head.seq) headMac = row.mac;
    prev = row.mac;
    expected++;
  }
  const fileSeq = expected - 1;
  const head = state.head;
  if (!head) {
    // Nothing was ever recorded only if the file never handed out a seq either.
    const untouched = fileSeq === 0 && !state.highWater;
    return untouched ? { kind: 'ok', count: 0, unsealed: 0 } : { kind: 'head-missing', fileSeq };
  }
  if (head.seq > fileSeq) {
    return state.highWater !== null && state.highWater >= head.seq
      ? { kind: 'tail-deleted', headSeq: head.seq, fileSeq }
      : { kind: 'older-file', headSeq: head.seq, fileSeq };
  }
  if (head.seq > 0 && (!headMac || !macEquals(headMac, head.mac))) return { kind: 'head-mismatch', seq: head.seq };
  // Rows after the head carry valid keyed MACs: the process ended between commit and sealing the head.
  return { kind: 'ok', count: fileSeq, unsealed: fileSeq - head.seq };
}
