import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { createLedger, ledgerStateLabel } from '../../electron/services/ledger';
import { migrate, RECORDS_MIGRATIONS } from '../../electron/services/store';
import { tempDir } from '../support/temp';

// Records migration 5 (ledger state 'awaiting-upload') on real encrypted SQLite files: a database at version 4 holding
// the old アップロード待ち rows ('queued' without an outbox key) is rebuilt with the widened CHECK; rows, subjects and
// supersession survive, foreign keys still hold, the indexes are back, and the schema equals a fresh database's.

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function freshDb(): SqliteDb {
  const dir = tempDir('kd-mig5-');
  const db = openEncryptedDb(path.join(dir.path, 'records.db'), {
    key: crypto.randomBytes(32),
    synchronous: 'FULL',
  });
  cleanups.push(() => {
    db.close();
    dir.remove();
  });
  return db;
}

const plan = (db: SqliteDb, sql: string, ...params: (string | number)[]) =>
  db
    .all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, ...params)
    .map((r) => r.detail)
    .join(' | ');

/** Tables and indexes with their SQL, the way sqlite_master holds them. */
const schema = (db: SqliteDb) =>
  db.all(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name`);

const NOW = '2026-11-20T01:00:00.000Z';

/** One ledger row as migration 4's schema takes it. */
function insertV4(db: SqliteDb, id: number, state: string, outboxKey: string | null, sequence: string): void {
  db.run(
    `INSERT INTO careplan_ledger (id, direction, partner_office, partner_service, file_name, kind, month, sequence,
       sha256, bytes, state, created_at, updated_at, staff_id, outbox_key, body)
     VALUES (?, 'sent', '1310200017', '11', ?, 'UPPLAN', '202612', ?, ?, 3, ?, ?, ?, 'S001', ?, ?)`,
    id,
    `UPPLAN_202612_1310100019_43_1310200017_11_${sequence}.CSV`,
    sequence,
    crypto.createHash('sha256').update(String(id)).digest('hex'),
    state,
    NOW,
    NOW,
    outboxKey,
    Buffer.from('abc'),
  );
}

/** A database at version 4 with: two old アップロード待ち rows (one superseded by the other), an outbox row, a paper row. */
function databaseAt4(): SqliteDb {
  const db = freshDb();
  expect(migrate(db, RECORDS_MIGRATIONS, 4)).toEqual({ from: 0, to: 4 });
  insertV4(db, 1, 'queued', null, '20261120100000');
  insertV4(db, 2, 'queued', 'careplan-20261120100500-1310200017.0', '20261120100500');
  insertV4(db, 3, 'queued', null, '20261120101000');
  insertV4(db, 4, 'paper', null, '20261120101500');
  insertV4(db, 5, 'sent', null, '20261120102000');
  const slot = 'sent|1310200017|6|131016-1000000013|202612';
  db.run('INSERT INTO careplan_ledger_subjects (ledger_id, slot, superseded_by) VALUES (1, ?, 3)', slot);
  db.run('INSERT INTO careplan_ledger_subjects (ledger_id, slot) VALUES (3, ?)', slot);
  return db;
}

describe('records migration 5 (ledger state awaiting-upload)', () => {
  it('turns queued rows without an outbox job into awaiting-upload and keeps every row, subject and mark', () => {
    const db = databaseAt4();
    expect(() => insertV4(db, 9, 'awaiting-upload', null, '20261120109000')).toThrow(/CHECK/);

    expect(migrate(db, RECORDS_MIGRATIONS)).toEqual({ from: 4, to: 5 });
    expect(db.userVersion()).toBe(5);
    expect(db.all('SELECT id, state, outbox_key FROM careplan_ledger ORDER BY id')).toEqual([
      { id: 1, state: 'awaiting-upload', outbox_key: null },
      { id: 2, state: 'queued', outbox_key: 'careplan-20261120100500-1310200017.0' },
      { id: 3, state: 'awaiting-upload', outbox_key: null },
      { id: 4, state: 'paper', outbox_key: null },
      { id: 5, state: 'sent', outbox_key: null },
    ]);
    expect(db.get<{ body: Buffer }>('SELECT body FROM careplan_ledger WHERE id = 1')?.body.toString()).toBe('abc');
    expect(db.all('SELECT ledger_id, superseded_by FROM careplan_ledger_subjects ORDER BY ledger_id')).toEqual([
      { ledger_id: 1, superseded_by: 3 },
      { ledger_id: 3, superseded_by: null },
    ]);

    // Read back through the ledger service: the state, its label and the 差替済 mark.
    const ledger = createLedger({ db: () => db, clock: () => new Date(NOW) });
    const [e1, e2, e3] = [ledger.get(1)!, ledger.get(2)!, ledger.get(3)!];
    expect([e1.state, e1.awaitingUpload, ledgerStateLabel(e1), e1.superseded]).toEqual([
      'awaiting-upload',
      true,
      'アップロード待ち',
      true,
    ]);
    expect([e2.state, e2.awaitingUpload, ledgerStateLabel(e2)]).toEqual(['queued', false, '送信待ち']);
    expect([e3.awaitingUpload, e3.superseded]).toEqual([true, false]);
    expect(ledger.list({ state: 'awaiting-upload' }).map((e) => e.id)).toEqual([3, 1]);
    expect(ledger.markUploaded([1, 3]).map((e) => [e.id, e.state])).toEqual([
      [1, 'sent'],
      [3, 'sent'],
    ]);

    // The widened CHECK, the foreign keys (now naming the rebuilt table) and the indexes.
    expect(() => insertV4(db, 10, 'awaiting-upload', null, '20261120110000')).not.toThrow();
    expect(() => insertV4(db, 11, 'lost', null, '20261120110500')).toThrow(/CHECK/);
    expect(() => db.run(`INSERT INTO careplan_ledger_subjects (ledger_id, slot) VALUES (99, 'x')`)).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => db.run('DELETE FROM careplan_ledger WHERE id = 3')).toThrow(/FOREIGN KEY/);
    expect(db.all('PRAGMA foreign_key_check')).toEqual([]);
    expect(db.integrityCheck()).toEqual(['ok']);
    const subjectsSql = db.get<{ sql: string }>(
      `SELECT sql FROM sqlite_master WHERE name = 'careplan_ledger_subjects'`,
    )!.sql;
    expect(subjectsSql).toMatch(/REFERENCES "?careplan_ledger"? \(id\)/);
    expect(subjectsSql).not.toContain('_new');
    expect(
      plan(db, 'SELECT id FROM careplan_ledger WHERE direction = ? AND file_name = ? AND sha256 = ?', 'sent', 'f', 'h'),
    ).toMatch(/careplan_ledger_file\b/);
    expect(plan(db, 'SELECT id FROM careplan_ledger WHERE outbox_key = ?', 'k')).toMatch(
      /sqlite_autoindex_careplan_ledger_\d/,
    );
    expect(plan(db, 'SELECT ledger_id FROM careplan_ledger_subjects WHERE slot = ?', 's')).toMatch(
      /careplan_ledger_subjects_slot\b/,
    );
    expect(() => insertV4(db, 12, 'queued', 'careplan-20261120100500-1310200017.0', '20261120111000')).toThrow(
      /UNIQUE/,
    );

    // Running the list again is a no-op.
    expect(migrate(db, RECORDS_MIGRATIONS)).toEqual({ from: 5, to: 5 });
  });

  it('gives a fresh database the same schema as a migrated one', () => {
    const migrated = databaseAt4();
    migrate(migrated, RECORDS_MIGRATIONS);
    const fresh = freshDb();
    expect(migrate(fresh, RECORDS_MIGRATIONS)).toEqual({ from: 0, to: RECORDS_MIGRATIONS.length });
    expect(schema(fresh)).toEqual(schema(migrated));
    expect(schema(fresh).map((r) => (r as { name: string }).name)).toEqual(
      expect.arrayContaining([
        'careplan_ledger',
        'careplan_ledger_subjects',
        'careplan_ledger_created',
        'careplan_ledger_file',
        'careplan_ledger_subjects_slot',
      ]),
    );
  });

  it('leaves behind subject rows that point at no ledger row instead of refusing to open', () => {
    const db = databaseAt4();
    // Possible only if written with foreign keys off (e.g. by a damaged tool).
    db.exec('PRAGMA foreign_keys = OFF');
    db.run(`INSERT INTO careplan_ledger_subjects (ledger_id, slot) VALUES (77, 'orphan')`);
    db.run(`INSERT INTO careplan_ledger_subjects (ledger_id, slot, superseded_by) VALUES (5, 'late', 88)`);
    db.exec('PRAGMA foreign_keys = ON');
    expect(db.all('PRAGMA foreign_key_check')).toHaveLength(2);
    expect(migrate(db, RECORDS_MIGRATIONS)).toEqual({ from: 4, to: 5 });
    expect(db.all('SELECT ledger_id, slot, superseded_by FROM careplan_ledger_subjects ORDER BY ledger_id')).toEqual([
      { ledger_id: 1, slot: 'sent|1310200017|6|131016-1000000013|202612', superseded_by: 3 },
      { ledger_id: 3, slot: 'sent|1310200017|6|131016-1000000013|202612', superseded_by: null },
      { ledger_id: 5, slot: 'late', superseded_by: null },
    ]);
    expect(db.all('PRAGMA foreign_key_check')).toEqual([]);
  });
});
