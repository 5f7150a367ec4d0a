import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { KaigoError } from '../../electron/services/errors';
import {
  CACHE_MIGRATIONS,
  checkMigrationList,
  migrate,
  RECORDS_MIGRATIONS,
  type Migration,
} from '../../electron/services/store';
import { tempDir } from '../support/temp';

// Each migration on a real encrypted SQLite file: build the schema at N−1, fill rows, migrate to N, check the rows
// and that the intended index serves the query (EXPLAIN QUERY PLAN).

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function freshDb(): SqliteDb {
  const dir = tempDir('kd-mig-');
  const db = openEncryptedDb(path.join(dir.path, 'test.db'), { key: crypto.randomBytes(32), synchronous: 'FULL' });
  cleanups.push(() => {
    db.close();
    dir.remove();
  });
  return db;
}

function plan(db: SqliteDb, sql: string, ...params: (string | number)[]): string {
  return db
    .all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, ...params)
    .map((r) => r.detail)
    .join(' | ');
}

describe('migration runner', () => {
  const m1: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)') };
  const m2: Migration = {
    version: 2,
    name: 'two',
    up: (db) => db.exec(`ALTER TABLE t ADD COLUMN label TEXT NOT NULL DEFAULT 'none'`),
  };

  it('keeps rows written at N−1 when migrating to N', () => {
    const db = freshDb();
    expect(migrate(db, [m1, m2], 1)).toEqual({ from: 0, to: 1 });
    db.run('INSERT INTO t (id) VALUES (1), (2)');
    expect(migrate(db, [m1, m2])).toEqual({ from: 1, to: 2 });
    expect(db.userVersion()).toBe(2);
    expect(db.all('SELECT id, label FROM t ORDER BY id')).toEqual([
      { id: 1, label: 'none' },
      { id: 2, label: 'none' },
    ]);
    expect(migrate(db, [m1, m2])).toEqual({ from: 2, to: 2 });
  });

  it('rolls a failing migration back whole: no half-made schema, version unchanged', () => {
    const db = freshDb();
    migrate(db, [m1]);
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (x)');
        d.exec('THIS IS NOT SQL');
      },
    };
    expect(() => migrate(db, [m1, broken])).toThrow();
    expect(db.userVersion()).toBe(1);
    expect(db.get(`SELECT name FROM sqlite_master WHERE name = 'half'`)).toBeUndefined();
  });

  it('refuses a database newer than the list with STORE_NEWER_VERSION and leaves it untouched', () => {
    const db = freshDb();
    migrate(db, [m1, m2]);
    db.setUserVersion(7);
    const err = (() => {
      try {
        migrate(db, [m1, m2]);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(KaigoError);
    expect((err as KaigoError).code).toBe('STORE_NEWER_VERSION');
    expect(db.userVersion()).toBe(7);
  });

  it('refuses a list with gaps', () => {
    expect(() => checkMigrationList([m2])).toThrow('out of order');
    expect(() => checkMigrationList(CACHE_MIGRATIONS)).not.toThrow();
    expect(() => checkMigrationList(RECORDS_MIGRATIONS)).not.toThrow();
  });
});

describe('cache migration 1 (snapshots, persons)', () => {
  it('creates the tables; latest-per-person, kana prefix and insured-number lookups use their indexes', () => {
    const db = freshDb();
    migrate(db, CACHE_MIGRATIONS, 0); // N−1: empty file, nothing to keep
    expect(db.userVersion()).toBe(0);
    migrate(db, CACHE_MIGRATIONS, 1);
    expect(db.userVersion()).toBe(1);
    const insert = db.prepare(
      `INSERT INTO snapshots (person_key, kind, fetched_at, source, valid_from, valid_to, viewing_deadline, body)
       VALUES (?, ?, ?, 'api', NULL, NULL, NULL, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < 300; i++) {
        insert.run(
          `131016${String(i % 30).padStart(10, '0')}`,
          i % 2 ? 'certificate' : 'burden',
          `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00Z`,
          `{"n":${i}}`,
        );
      }
    });
    const latest = `SELECT body FROM snapshots WHERE person_key = ? AND kind = ? ORDER BY fetched_at DESC, id DESC LIMIT 1`;
    expect(plan(db, latest, '1310160000000001', 'certificate')).toMatch(/USING (COVERING )?INDEX snapshots_latest\b/);
    expect(plan(db, latest, '1310160000000001', 'certificate')).not.toContain('TEMP B-TREE');
    const row = db.get<{ body: string }>(latest, '1310160000000001', 'certificate');
    expect(row?.body).toBe('{"n":271}');

    db.run(
      `INSERT INTO persons VALUES ('1310160000000001', '131016', '0000000001', '山田 花子', 'ヤマダ ハナコ', 'ヤマダハナコ', '1940-04-01', '2', '2026-11-01T00:00:00Z'),
                                  ('1310160000000002', '131016', '0000000002', '山本 一郎', 'ヤマモト イチロウ', 'ヤマモトイチロウ', NULL, '1', '2026-11-01T00:00:00Z')`,
    );
    const prefix = `SELECT person_key FROM persons WHERE kana_key >= ? AND kana_key < ? || '\uffff' ORDER BY kana_key LIMIT 50`;
    expect(plan(db, prefix, 'ヤマ', 'ヤマ')).toMatch(/USING (COVERING )?INDEX persons_kana\b/);
    expect(db.all(prefix, 'ヤマダ', 'ヤマダ')).toEqual([{ person_key: '1310160000000001' }]);
    expect(db.all(prefix, 'ヤマ', 'ヤマ')).toHaveLength(2);
    const byNumber = `SELECT person_key FROM persons WHERE insured_number = ?`;
    expect(plan(db, byNumber, '0000000002')).toMatch(/USING (COVERING )?INDEX persons_insured_number\b/);
    expect(plan(db, `SELECT name FROM persons WHERE person_key = ?`, 'x')).toContain('USING PRIMARY KEY');
  });
});

describe('records migration 1 (outbox, paper 証, notes, audit log)', () => {
  it('creates the tables with their constraints and indexes', () => {
    const db = freshDb();
    migrate(db, RECORDS_MIGRATIONS, 0);
    migrate(db, RECORDS_MIGRATIONS, 1);
    const now = '2026-11-26T00:00:00Z';
    const outbox = db.prepare(
      `INSERT INTO outbox (idempotency_key, kind, payload, state, created_at, updated_at, next_attempt_at)
       VALUES (?, 'careplan', '{}', ?, ?, ?, ?)`,
    );
    outbox.run('k1', 'pending', now, now, now);
    outbox.run('k2', 'sent', now, now, null);
    expect(() => outbox.run('k1', 'pending', now, now, now)).toThrow(/UNIQUE/);
    expect(() => outbox.run('k3', 'lost', now, now, now)).toThrow(/CHECK/);
    expect(db.get(`SELECT attempts FROM outbox WHERE idempotency_key = 'k1'`)).toEqual({ attempts: 0 });
    const due = `SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at`;
    expect(plan(db, due, now)).toMatch(/USING (COVERING )?INDEX outbox_due\b/);
    expect(plan(db, `SELECT id FROM outbox WHERE idempotency_key = ?`, 'k1')).toMatch(
      /USING (COVERING )?INDEX sqlite_autoindex_outbox/,
    );

    db.run(
      `INSERT INTO paper_certificates (person_key, kind, entered_at, entered_by, body) VALUES ('p', 'burden', ?, 's1', '{}')`,
      now,
    );
    expect(
      plan(
        db,
        `SELECT body FROM paper_certificates WHERE person_key = ? AND kind = ? ORDER BY entered_at DESC`,
        'p',
        'burden',
      ),
    ).toMatch(/USING (COVERING )?INDEX paper_certificates_person\b/);
    db.run(
      `INSERT INTO office_notes (person_key, staff_id, created_at, updated_at, body) VALUES ('p', 's1', ?, ?, 'メモ')`,
      now,
      now,
    );
    expect(plan(db, `SELECT body FROM office_notes WHERE person_key = ? ORDER BY created_at DESC`, 'p')).toContain(
      'USING INDEX office_notes_person',
    );

    // The audit log: caller-chosen seq, MAC required, time-range export by index, and a high-water mark that
    // survives deleting the tail (the audit verifier relies on it).
    const audit = db.prepare(
      `INSERT INTO audit_log (seq, at, staff_id, action, subject_hash, detail, mac) VALUES (?, ?, 's1', 'view', NULL, NULL, ?)`,
    );
    for (let seq = 1; seq <= 5; seq++) audit.run(seq, now, crypto.randomBytes(32));
    expect(() => db.run(`INSERT INTO audit_log (seq, at, action) VALUES (6, ?, 'view')`, now)).toThrow(/NOT NULL/);
    db.run('DELETE FROM audit_log WHERE seq > 2');
    expect(db.get(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`)).toEqual({ seq: 5 });
    expect(plan(db, `SELECT seq FROM audit_log WHERE at >= ? AND at < ? ORDER BY seq`, now, now)).toContain(
      'audit_log_at',
    );
  });
});

describe('records migration 2 (check timings)', () => {
  it('keeps the rows of migration 1 and serves the weekly query from its index', () => {
    const db = freshDb();
    migrate(db, RECORDS_MIGRATIONS, 1);
    const now = '2026-11-26T00:00:00Z';
    db.run(
      `INSERT INTO outbox (idempotency_key, kind, payload, state, created_at, updated_at) VALUES ('k', 'x', '{}', 'pending', ?, ?)`,
      now,
      now,
    );
    expect(migrate(db, RECORDS_MIGRATIONS, 2)).toEqual({ from: 1, to: 2 });
    expect(db.all('SELECT idempotency_key FROM outbox')).toEqual([{ idempotency_key: 'k' }]);
    db.run(`INSERT INTO check_timings (at, phase, ms) VALUES (?, 'card', 120.5)`, now);
    expect(() => db.run(`INSERT INTO check_timings (at, phase, ms) VALUES (?, 'other', 1)`, now)).toThrow();
    expect(() => db.run(`INSERT INTO check_timings (at, phase, ms) VALUES (?, 'pin', -1)`, now)).toThrow();
    expect(plan(db, 'SELECT ms FROM check_timings WHERE phase = ? AND at >= ? ORDER BY ms', 'card', now)).toContain(
      'check_timings_phase_at',
    );
  });
});
