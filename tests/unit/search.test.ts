import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { personsRepository } from '../../electron/services/cache';
import { searchMode, searchPersons } from '../../electron/services/cache';
import { CACHE_MIGRATIONS, migrate } from '../../electron/services/store';
import { generateTrainingData } from '../../electron/training/data';
import { tempDir } from '../support/temp';

// Search over a real encrypted cache file filled with 2,000 synthetic persons.
let dir: ReturnType<typeof tempDir>;
let db: SqliteDb;
const data = generateTrainingData({ seed: 7, persons: 2000, today: { year: 2026, month: 11, day: 26 } });

beforeAll(() => {
  dir = tempDir('kd-search-');
  db = openEncryptedDb(path.join(dir.path, 'cache.db'), { key: randomBytes(32), synchronous: 'NORMAL' });
  migrate(db, CACHE_MIGRATIONS);
  personsRepository(() => db).upsertManyFromCards(
    data.persons.map((p) => p.insuredCard),
    new Date('2026-11-26T01:00:00Z'),
  );
});
afterAll(() => {
  db.close();
  dir.remove();
});

const plan = (sql: string, ...params: unknown[]) =>
  db
    .all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, ...(params as never[]))
    .map((r) => r.detail)
    .join(' | ');

describe('person search', () => {
  it('chooses the mode from the query', () => {
    expect(searchMode('1000000013')).toBe('insured-number');
    expect(searchMode('１０００００００１３')).toBe('insured-number');
    expect(searchMode('H123456789')).toBe('insured-number');
    expect(searchMode('さとう')).toBe('kana-prefix');
    expect(searchMode('ｻﾄｳ ﾊﾅｺ')).toBe('kana-prefix');
    expect(searchMode('佐藤')).toBe('name-fragment');
    expect(searchMode('  ')).toBe('empty');
  });

  it('finds a person by exact insured number', () => {
    const target = data.persons[1234]!;
    const result = searchPersons(db, target.insuredCard.insuredNumber);
    expect(result.rows.map((r) => r.personKey)).toEqual([target.personKey]);
    expect(searchPersons(db, target.insuredCard.insuredNumber.slice(0, 9)).rows).toHaveLength(0);
  });

  it('finds by kana prefix in any script and width, in reading order, paged', () => {
    const expected = data.persons
      .filter((p) => p.insuredCard.nameKana!.replace(' ', '').startsWith('サトウ'))
      .map((p) => p.personKey);
    expect(expected.length).toBeGreaterThan(10);
    for (const query of ['さとう', 'サトウ', 'ｻﾄｳ', 'さ と う']) {
      const all = searchPersons(db, query, { limit: 500 });
      expect(all.mode).toBe('kana-prefix');
      expect(new Set(all.rows.map((r) => r.personKey))).toEqual(new Set(expected));
    }
    const first = searchPersons(db, 'さとう', { limit: 5 });
    const second = searchPersons(db, 'さとう', { limit: 5, offset: 5 });
    expect(first.hasMore).toBe(true);
    expect(first.rows).toHaveLength(5);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.personKey)).size).toBe(10);
    const kana = [...first.rows, ...second.rows].map((r) => r.nameKana.replace(' ', ''));
    expect([...kana].sort()).toEqual(kana);
  });

  it('finds by a kanji fragment, ignoring spaces, and never treats input as a pattern', () => {
    const result = searchPersons(db, '藤花', { limit: 500 });
    for (const row of result.rows) expect(row.name.replace(/\s/g, '')).toContain('藤花');
    expect(searchPersons(db, '%', { limit: 5 }).rows).toHaveLength(0);
    expect(searchPersons(db, '_', { limit: 5 }).rows).toHaveLength(0);
  });

  it('applies the viewing scope inside the query, so pages stay exact', () => {
    const all = searchPersons(db, 'さ', { limit: 500 }).rows.map((r) => r.personKey);
    const scope = new Set(all.filter((_, i) => i % 3 === 0));
    const page1 = searchPersons(db, 'さ', { limit: 4, scope });
    const page2 = searchPersons(db, 'さ', { limit: 4, offset: 4, scope });
    for (const row of [...page1.rows, ...page2.rows]) expect(scope.has(row.personKey)).toBe(true);
    expect(page1.rows).toHaveLength(4);
    expect(page2.rows.map((r) => r.personKey)).toEqual([...scope].slice(4, 8));
  });

  it('uses the indexes (EXPLAIN QUERY PLAN)', () => {
    expect(plan('SELECT * FROM persons WHERE insured_number = ?', '1')).toContain('persons_insured_number');
    expect(
      plan('SELECT * FROM persons WHERE kana_key >= ? AND kana_key < ? ORDER BY kana_key LIMIT 5', 'サ', 'サ\uffff'),
    ).toContain('persons_kana');
  });
});
