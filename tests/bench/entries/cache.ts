import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEncryptedDb } from '../../../native/sqlite';
import { personsRepository } from '../../../electron/services/cache/persons';
import { searchPersons } from '../../../electron/services/cache/search';
import { snapshotRepository, type SnapshotInput } from '../../../electron/services/cache';
import { CACHE_MIGRATIONS, migrate } from '../../../electron/services/store';
import { generateTrainingData } from '../../../electron/training/data';

// Cache at 100,000 persons (DESIGN.md §7): insured-number lookup and kana prefix search p95 ≤ 5 ms each;
// sync throughput ≥ 20,000 snapshots/s; RSS with the cache open after a search and a list page ≤ 200 MB.
export function benchCache(log: (line: string) => void, persons = 100_000) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-bench-cache-'));
  try {
    const key = randomBytes(32);
    const file = path.join(dir, 'cache.db');
    const db = openEncryptedDb(file, { key, synchronous: 'NORMAL' });
    migrate(db, CACHE_MIGRATIONS);
    const t0 = performance.now();
    const data = generateTrainingData({ seed: 1, persons, today: { year: 2026, month: 11, day: 26 } });
    log(`generated ${persons} persons in ${(performance.now() - t0).toFixed(0)} ms`);

    const fetchedAt = new Date('2026-11-26T01:00:00Z');
    const inputs: SnapshotInput[] = data.persons.map((p) => ({
      personKey: p.personKey,
      kind: 'insured-card',
      fetchedAt,
      source: 'training',
      validFrom: p.insuredCard.certificationPeriod?.from ?? null,
      validTo: p.insuredCard.certificationPeriod?.to ?? null,
      viewingDeadline: null,
      body: p.insuredCard,
    }));
    const repo = snapshotRepository(db);
    const t1 = performance.now();
    repo.putSnapshots(inputs);
    const syncSeconds = (performance.now() - t1) / 1000;
    personsRepository(() => db).upsertManyFromCards(
      data.persons.map((p) => p.insuredCard),
      fetchedAt,
    );
    log(`synced ${persons} snapshots in ${syncSeconds.toFixed(2)} s`);

    const time = (fn: () => void, n: number) => {
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        fn();
        samples.push(performance.now() - s);
      }
      samples.sort((a, b) => a - b);
      return { p50: samples[Math.floor(n * 0.5)]!, p95: samples[Math.floor(n * 0.95)]! };
    };
    let i = 0;
    const lookup = time(() => {
      const p = data.persons[(i = (i * 7919 + 13) % persons)]!;
      searchPersons(db, p.insuredCard.insuredNumber);
    }, 2000);
    const prefixes = ['さ', 'やま', 'たかは', 'ｽｽﾞｷ', 'いとう', 'わたなべ', 'こば', 'まつもと'];
    let j = 0;
    const kana = time(() => searchPersons(db, prefixes[j++ % prefixes.length]!, { limit: 50 }), 2000);
    db.close();
    return {
      persons,
      syncSnapshotsPerSecond: Math.round(persons / syncSeconds),
      insuredNumberLookupP50Ms: round(lookup.p50),
      insuredNumberLookupP95Ms: round(lookup.p95),
      kanaPrefixSearchP50Ms: round(kana.p50),
      kanaPrefixSearchP95Ms: round(kana.p95),
      file,
      keyHex: key.toString('hex'),
    };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Run in a fresh process: open the filled cache, search and page, and report the process's RSS. */
export function rssWithCacheOpen(file: string, keyHex: string): number {
  const db = openEncryptedDb(file, { key: Buffer.from(keyHex, 'hex'), synchronous: 'NORMAL' });
  searchPersons(db, 'やま', { limit: 50 });
  searchPersons(db, 'やま', { limit: 50, offset: 50 });
  searchPersons(db, '1000000013');
  const rss = process.memoryUsage().rss;
  db.close();
  return Math.round(rss / 1024 / 1024);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
