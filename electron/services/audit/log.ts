import { KaigoError } from '../errors';
import { silentLogger, type Logger } from '../log';
import { GENESIS_MAC, hashSubject, macEquals, rowMac, subjectKey } from './chain';
import { auditCsv } from './csv';
import { canonicalDetail, parseAuditEntry } from './entry';
import type { HeadStore } from './head';
import type { AuditRowStore, TimeRange } from './store';
import type { AuditHead, AuditRecordInput, AuditRow, AuditSubject, VerifyResult } from './types';
import { verifyChain } from './verify';

export interface AuditLogOptions {
  store: AuditRowStore;
  head: HeadStore;
  /** The vault's 'audit-mac' subkey (32 bytes). */
  auditKey: Buffer;
  clock?: () => Date;
  log?: Logger;
}

export interface AuditLog {
  /** Appends one row and seals the new head. Throws KaigoError('AUDIT_INVALID_ENTRY') for a refused entry. */
  record(entry: AuditRecordInput): number;
  verify(): VerifyResult;
  /** Rows in ascending seq order, optionally in a time range. */
  rows(range?: TimeRange): AuditRow[];
  /** CSV for Excel (csv.ts); `notice` becomes a first line (the training-mode banner). */
  exportCsv(range?: TimeRange, notice?: string): { csv: string; count: number };
  /** The stored form of a subject, so callers can find a person's rows without storing the person. */
  subjectHash(subject: AuditSubject): string;
}

export function createAuditLog(options: AuditLogOptions): AuditLog {
  const { store, head, auditKey } = options;
  if (auditKey.length !== 32) throw new RangeError('audit key must be 32 bytes');
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? silentLogger;
  const subjects = subjectKey(auditKey);

  /**
   * Whether sealing a new head would keep the evidence of an earlier tampering. A head is only moved forward
   * from a file that still contains the sealed head row unchanged; otherwise the old head stays, so `verify`
   * keeps reporting the deleted tail, the older file or the replaced chain.
   */
  const headFollowsFile = (sealed: AuditHead | null, last: AuditRow | null): boolean => {
    if (!sealed) return last === null;
    if (sealed.seq === 0) return true; // the empty head: every chain starts from it
    if (!last || last.seq < sealed.seq) return false;
    const row = store.at(sealed.seq);
    return row !== null && macEquals(row.mac, sealed.mac);
  };

  return {
    record(entry) {
      const parsed = parseAuditEntry(entry);
      if (!parsed) throw new KaigoError('AUDIT_INVALID_ENTRY', 'entry refused by schema');
      let sealed = head.read();
      if (!sealed && !store.last() && !store.highWater()) {
        // A brand-new log: seal the empty head first, so a crash right after the first commit leaves a row past
        // the head (which verifies) rather than rows with no head at all (which reads as a removed head).
        sealed = { seq: 0, mac: GENESIS_MAC };
        head.write(sealed);
      }
      const row = store.transaction(() => {
        const last = store.last();
        const seq = Math.max(last?.seq ?? 0, store.highWater() ?? 0) + 1;
        const body = {
          seq,
          time: clock().toISOString(),
          staffId: parsed.staffId,
          action: parsed.action,
          subject: parsed.subject ? hashSubject(subjects, parsed.subject) : null,
          detail: canonicalDetail(parsed.detail),
        };
        const full: AuditRow = { ...body, mac: rowMac(auditKey, last?.mac ?? GENESIS_MAC, body) };
        const follows = headFollowsFile(sealed, last);
        store.insert(full);
        return { full, follows };
      });
      // Sealed after the commit: a crash in between leaves a row past the head, which still verifies (keyed MAC).
      if (row.follows) head.write({ seq: row.full.seq, mac: row.full.mac });
      else log.warn('audit.head-kept', { seq: row.full.seq });
      return row.full.seq;
    },
    verify() {
      return store.transaction(() => {
        const sealed = head.read();
        const highWater = store.highWater();
        return verifyChain(auditKey, { rows: store.rows(), head: sealed, highWater });
      });
    },
    rows: (range) => [...store.rows(range)],
    exportCsv(range, notice) {
      const rows = [...store.rows(range)];
      return { csv: auditCsv(rows, notice), count: rows.length };
    },
    subjectHash: (subject) => hashSubject(subjects, subject),
  };
}
