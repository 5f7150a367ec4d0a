import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { markServed, searchPersons } from '../../electron/services/cache';
import { CACHE_MIGRATIONS, migrate } from '../../electron/services/store';
import { tempDir } from '../support/temp';

// Cache migration 2 (served_persons) on a real encrypted file built at version 1: rows survive, persons cached
// before it are outside every office's scope until the office confirms them again, and the scope is an index lookup.
let db: SqliteDb;
let dir: ReturnType<typeof tempDir>;
afterEach(() => {
  db.close();
  dir.remove();
});

it('adds the viewing scope without touching cached persons; scoped search uses the primary key', () => {
  dir = tempDir('kd-mig2-');
  db = openEncryptedDb(path.join(dir.path, 'cache.db'), { key: randomBytes(32), synchronous: 'NORMAL' });
  expect(migrate(db, CACHE_MIGRATIONS, 1)).toEqual({ from: 0, to: 1 });
  db.run(
    `INSERT INTO persons (person_key, insurer_number, insured_number, name, name_kana, kana_key, updated_at)
     VALUES ('131016-1000000013', '131016', '1000000013', '練習 花子', 'レンシュウ ハナコ', 'レンシュウハナコ', '2026-11-01')`,
  );
  expect(migrate(db, CACHE_MIGRATIONS, 2)).toEqual({ from: 1, to: 2 });
  expect(searchPersons(db, 'れんしゅう').rows).toHaveLength(1);
  expect(searchPersons(db, 'れんしゅう', { servedBy: '1370100016' }).rows).toHaveLength(0);
  markServed(db, '1370100016', '131016-1000000013', null, new Date('2026-11-26T00:00:00Z'));
  expect(searchPersons(db, 'れんしゅう', { servedBy: '1370100016' }).rows).toHaveLength(1);
  const plan = db
    .all<{ detail: string }>(
      `EXPLAIN QUERY PLAN SELECT person_key FROM served_persons WHERE office_number = ? AND person_key = ?`,
      '1370100016',
      'x',
    )
    .map((r) => r.detail)
    .join(' | ');
  expect(plan).toMatch(/USING PRIMARY KEY/);
});
