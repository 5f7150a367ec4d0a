import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { snapshotRepository } from '../../electron/services/cache';
import { personsRepository } from '../../electron/services/cache';
import { purgePastViewingDeadline, purgePersons } from '../../electron/services/cache';
import { CACHE_MIGRATIONS, migrate } from '../../electron/services/store';
import { generateTrainingData } from '../../electron/training/data';
import { cacheInsuredCard } from '../support/cache-card';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let db: SqliteDb;
const [a, b, c] = generateTrainingData({ seed: 3, persons: 3, today: { year: 2026, month: 11, day: 26 } }).persons;

beforeEach(() => {
  dir = tempDir('kd-purge-');
  db = openEncryptedDb(path.join(dir.path, 'cache.db'), { key: randomBytes(32), synchronous: 'NORMAL' });
  migrate(db, CACHE_MIGRATIONS);
  const at = new Date('2026-11-01T00:00:00Z');
  for (const [p, deadline] of [
    [a!, '2026-11-25'],
    [b!, '2026-11-26'],
    [c!, null],
  ] as const) {
    cacheInsuredCard(db, { personKey: p.personKey, card: p.insuredCard }, at, deadline);
  }
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('cache purge', () => {
  it('removes data past its viewing deadline (the deadline day itself still counts) and orphaned persons', () => {
    expect(purgePastViewingDeadline(db, '2026-11-26')).toEqual({ snapshots: 1, persons: 1 });
    expect(personsRepository(() => db).get(a!.personKey)).toBeNull();
    expect(personsRepository(() => db).get(b!.personKey)).not.toBeNull();
    expect(purgePastViewingDeadline(db, '2026-11-26')).toEqual({ snapshots: 0, persons: 0 });
  });

  it('removes everything about persons who withdrew consent or are no longer served', () => {
    expect(purgePersons(db, [c!.personKey])).toEqual({ snapshots: 1, persons: 1 });
    expect(snapshotRepository(db).latest(c!.personKey, 'insured-card')).toBeNull();
    expect(purgePersons(db, [])).toEqual({ snapshots: 0, persons: 0 });
  });
});
