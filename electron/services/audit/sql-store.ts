import type { SqliteDb } from '../../../native/sqlite';
import type { AuditRowStore, TimeRange } from './store';
import type { AuditRow } from './types';

// The audit rows in the records database (table audit_log, records migration 1). seq is INTEGER PRIMARY KEY
// AUTOINCREMENT, so sqlite_sequence remembers the highest seq ever used even after rows are deleted: that is the
// high-water mark which tells a deleted tail from an older copy of the file (verify.ts).

interface DbRow {
  seq: number;
  at: string;
  staff_id: string | null;
  action: string;
  subject_hash: string | null;
  detail: string | null;
  mac: Buffer;
}

const COLUMNS = 'seq, at, staff_id, action, subject_hash, detail, mac';

function toRow(r: DbRow): AuditRow {
  return {
    seq: r.seq,
    time: r.at,
    staffId: r.staff_id ?? '',
    action: r.action,
    subject: r.subject_hash,
    detail: r.detail,
    mac: Buffer.isBuffer(r.mac) ? r.mac : Buffer.alloc(0),
  };
}

/**
 * Rows as a generator: the statement starts only when iteration starts, and for-of closes it on an early exit.
 * (A better-sqlite3 iterator left open keeps the connection busy for every later statement.)
 */
function* iterateRows(db: SqliteDb, range?: TimeRange): Generator<AuditRow> {
  const rows =
    range?.fromIso || range?.toIso
      ? // ISO strings from Date.toISOString() share one fixed format, so text order is time order.
        db
          .prepare<DbRow>(`SELECT ${COLUMNS} FROM audit_log WHERE at >= ? AND at < ? ORDER BY seq`)
          .iterate(range.fromIso ?? '', range.toIso ?? '\uffff')
      : db.prepare<DbRow>(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`).iterate();
  for (const r of rows) yield toRow(r);
}

export function sqlAuditStore(db: SqliteDb): AuditRowStore {
  return {
    transaction: (fn) => db.transaction(fn),
    last() {
      const r = db.get<DbRow>(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1`);
      return r ? toRow(r) : null;
    },
    at(seq) {
      const r = db.get<DbRow>(`SELECT ${COLUMNS} FROM audit_log WHERE seq = ?`, seq);
      return r ? toRow(r) : null;
    },
    insert(row) {
      db.run(
        `INSERT INTO audit_log (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        row.seq,
        row.time,
        row.staffId,
        row.action,
        row.subject,
        row.detail,
        row.mac,
      );
    },
    rows: (range?: TimeRange) => iterateRows(db, range),
    highWater() {
      const r = db.get<{ seq: number }>(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`);
      return r ? Number(r.seq) : 0;
    },
  };
}
