import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { isServed, purgePastViewingDeadline, replaceServedList } from '../../electron/services/cache';
import { CACHE_MIGRATIONS, migrate } from '../../electron/services/store';
import { tempDir } from '../support/temp';

// Cache migration 3 (served_persons.at_counter) on a real encrypted file built at version 2: the scope rows the
// counter wrote before it (no 閲覧期限, no online check) are marked, so the next served-list refresh keeps them.
let db: SqliteDb;
let dir: ReturnType<typeof tempDir>;
afterEach(() => {
  db.close();
  dir.remove();
});

const OFFICE = '1370100016';
const person = (n: number) => `131016-100000001${n}`;

it('marks the rows the counter added, and only those; a refresh and the purge then keep them', () => {
  dir = tempDir('kd-mig3-');
  db = openEncryptedDb(path.join(dir.path, 'cache.db'), { key: randomBytes(32), synchronous: 'NORMAL' });
  expect(migrate(db, CACHE_MIGRATIONS, 2)).toEqual({ from: 0, to: 2 });
  for (const n of [1, 2, 3]) {
    db.run(
      `INSERT INTO persons (person_key, insurer_number, insured_number, name, name_kana, kana_key, updated_at)
       VALUES (?, '131016', ?, '練習 花子', 'レンシュウ ハナコ', 'レンシュウハナコ', '2026-11-01')`,
      person(n),
      `100000001${n}`,
    );
  }
  // As version 2 wrote them: at the counter (paper), by an online check, from the service's list.
  const insert = 'INSERT INTO served_persons (office_number, person_key, viewing_deadline, last_checked_at) VALUES';
  db.run(`${insert} (?, ?, NULL, NULL)`, OFFICE, person(1));
  db.run(`${insert} (?, ?, NULL, '2026-11-20T01:00:00.000Z')`, OFFICE, person(2));
  db.run(`${insert} (?, ?, '2027-05-01', NULL)`, OFFICE, person(3));

  expect(migrate(db, CACHE_MIGRATIONS)).toEqual({ from: 2, to: 3 });
  const marks = db.all<{ person_key: string; at_counter: number }>(
    'SELECT person_key, at_counter FROM served_persons ORDER BY person_key',
  );
  expect(marks).toEqual([
    { person_key: person(1), at_counter: 1 },
    { person_key: person(2), at_counter: 0 },
    { person_key: person(3), at_counter: 0 },
  ]);
  replaceServedList(db, OFFICE, []);
  purgePastViewingDeadline(db, '2026-11-26');
  expect([1, 2, 3].map((n) => isServed(db, OFFICE, person(n)))).toEqual([true, false, false]);
  expect(db.get<{ n: number }>('SELECT count(*) AS n FROM persons')!.n).toBe(1);
  expect(() => db.run('UPDATE served_persons SET at_counter = 2')).toThrow(/CHECK/);
});
