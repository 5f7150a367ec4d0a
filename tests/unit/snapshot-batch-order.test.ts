import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { snapshotRepository, type SnapshotInput } from '../../electron/services/cache';
import { CACHE_MIGRATIONS, migrate } from '../../electron/services/store';
import { generateTrainingData } from '../../electron/training/data';
import { tempDir } from '../support/temp';

// putSnapshots inserts in person-key order for speed; it must still behave as if inserted in input order.
let dir: ReturnType<typeof tempDir>;
let db: SqliteDb;
beforeEach(() => {
  dir = tempDir('kd-batch-');
  db = openEncryptedDb(path.join(dir.path, 'cache.db'), { key: randomBytes(32), synchronous: 'NORMAL' });
  migrate(db, CACHE_MIGRATIONS);
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('snapshot batch insert', () => {
  it('returns ids in input order and lets a later input win for the same person, kind and time', () => {
    const [a, b] = generateTrainingData({ seed: 2, persons: 2, today: { year: 2026, month: 11, day: 26 } }).persons;
    const fetchedAt = new Date('2026-11-26T01:00:00Z');
    const input = (p: typeof a, ratio: '10' | '20'): SnapshotInput => ({
      personKey: p!.personKey,
      kind: 'burden-ratio',
      fetchedAt,
      source: 'training',
      validFrom: null,
      validTo: null,
      viewingDeadline: null,
      body: { ...p!.burdenRatio, ratio },
    });
    // Keys deliberately out of order: b's key sorts first when its insurer number is smaller, else a's.
    const batch = [input(b, '10'), input(a, '10'), input(b, '20'), input(a, '20')];
    const ids = snapshotRepository(db).putSnapshots(batch);
    expect(new Set(ids).size).toBe(4);
    expect(ids[2]!).toBeGreaterThan(ids[0]!);
    expect(ids[3]!).toBeGreaterThan(ids[1]!);
    expect(snapshotRepository(db).latest(a!.personKey, 'burden-ratio')!.body.ratio).toBe('20');
    expect(snapshotRepository(db).latest(b!.personKey, 'burden-ratio')!.body.ratio).toBe('20');
  });
});
