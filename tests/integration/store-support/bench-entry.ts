import crypto from 'node:crypto';
import path from 'node:path';
import { CACHE_MIGRATIONS, migrate, RECORDS_MIGRATIONS } from '../../../electron/services/store';
import { openEncryptedDb } from '../../../native/sqlite';
import { tempDir } from '../../support/temp';

// Raw figures for the encrypted databases (tests/bench/groups/store.mjs bundles and calls this). No keychain: the
// key is random; what is measured is SQLite + cipher + our schema and indexes.

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)]!;
}

const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';

export function benchStore(log: (l: string) => void): Record<string, number> {
  const dir = tempDir('kd-bench-store-');
  try {
    const cache = openEncryptedDb(path.join(dir.path, 'cache.db'), {
      key: crypto.randomBytes(32),
      synchronous: 'NORMAL',
      cacheKiB: 16_384, // as services/store opens the cache
      walAutocheckpointPages: 10_000,
    });
    migrate(cache, CACHE_MIGRATIONS);
    const rows = 100_000;
    const body = JSON.stringify({
      要介護状態区分: '22',
      負担割合: '10',
      有効期間: ['2026-04-01', '2027-03-31'],
      pad: 'x'.repeat(400),
    });
    const insert = cache.prepare(
      `INSERT INTO snapshots (person_key, kind, fetched_at, source, valid_from, valid_to, viewing_deadline, body)
       VALUES (?, 'certificate', ?, 'api', '2026-04-01', '2027-03-31', '2027-03-31', ?)`,
    );
    const person = cache.prepare(
      `INSERT INTO persons (person_key, insurer_number, insured_number, name, name_kana, kana_key, birth_date, sex,
         updated_at) VALUES (?, '131016', ?, '氏名', ?, ?, '1940-01-01', '1', ?)`,
    );
    const kanaOf = (i: number) =>
      Array.from({ length: 6 }, (_, k) => KANA[(i * 7 + k * 13 + Math.floor(i / (k + 1))) % KANA.length]).join('');
    const now = new Date().toISOString();
    // The DESIGN.md §7 figure: snapshots alone, 1,000 per transaction as a sync writes them.
    let started = performance.now();
    for (let batch = 0; batch < rows; batch += 1000) {
      cache.transaction(() => {
        for (let i = batch; i < batch + 1000; i++) insert.run('131016' + String(i).padStart(10, '0'), now, body);
      });
    }
    let seconds = (performance.now() - started) / 1000;
    const syncPerSecond = Math.round(rows / seconds);
    log(`${rows} snapshots in ${seconds.toFixed(2)} s (${syncPerSecond}/s)`);
    started = performance.now();
    for (let batch = 0; batch < rows; batch += 1000) {
      cache.transaction(() => {
        for (let i = batch; i < batch + 1000; i++) {
          const insured = String(i).padStart(10, '0');
          person.run('131016' + insured, insured, kanaOf(i), kanaOf(i), now);
        }
      });
    }
    seconds = (performance.now() - started) / 1000;
    const personsPerSecond = Math.round(rows / seconds);
    log(`${rows} persons in ${seconds.toFixed(2)} s (${personsPerSecond}/s)`);

    const lookup = cache.prepare(`SELECT person_key FROM persons WHERE insured_number = ?`);
    const prefix = cache.prepare(
      `SELECT person_key FROM persons WHERE kana_key >= ? AND kana_key < ? || '\uffff' ORDER BY kana_key LIMIT 50`,
    );
    const latest = cache.prepare(
      `SELECT body FROM snapshots WHERE person_key = ? AND kind = 'certificate' ORDER BY fetched_at DESC, id DESC LIMIT 1`,
    );
    const lookups: number[] = [];
    const prefixes: number[] = [];
    const latests: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const n = (i * 7919) % rows;
      const insured = String(n).padStart(10, '0');
      let t = performance.now();
      lookup.get(insured);
      lookups.push(performance.now() - t);
      const p = kanaOf(n).slice(0, 2);
      t = performance.now();
      prefix.all(p, p);
      prefixes.push(performance.now() - t);
      t = performance.now();
      latest.get('131016' + insured);
      latests.push(performance.now() - t);
    }
    cache.close();

    // The same sync with person keys in scattered order (a real sync is not sorted): index pages churn more.
    const scattered = openEncryptedDb(path.join(dir.path, 'scattered.db'), {
      key: crypto.randomBytes(32),
      synchronous: 'NORMAL',
      cacheKiB: 16_384, // as services/store opens the cache
      walAutocheckpointPages: 10_000,
    });
    migrate(scattered, CACHE_MIGRATIONS);
    const insertScattered = scattered.prepare(
      `INSERT INTO snapshots (person_key, kind, fetched_at, source, valid_from, valid_to, viewing_deadline, body)
       VALUES (?, 'certificate', ?, 'api', '2026-04-01', '2027-03-31', '2027-03-31', ?)`,
    );
    started = performance.now();
    for (let batch = 0; batch < rows; batch += 1000) {
      scattered.transaction(() => {
        for (let i = batch; i < batch + 1000; i++) {
          insertScattered.run('131016' + String((i * 7919) % rows).padStart(10, '0'), now, body);
        }
      });
    }
    const scatteredPerSecond = Math.round(rows / ((performance.now() - started) / 1000));
    log(`${rows} snapshots, scattered keys: ${scatteredPerSecond}/s`);
    scattered.close();

    const records = openEncryptedDb(path.join(dir.path, 'records.db'), {
      key: crypto.randomBytes(32),
      synchronous: 'FULL',
    });
    migrate(records, RECORDS_MIGRATIONS);
    const outbox = records.prepare(
      `INSERT INTO outbox (idempotency_key, kind, payload, state, created_at, updated_at)
       VALUES (?, 'careplan', '{}', 'pending', ?, ?)`,
    );
    const commits = 300;
    started = performance.now();
    for (let i = 0; i < commits; i++) records.transaction(() => outbox.run(`k${i}`, now, now));
    const commitsPerSecond = Math.round(commits / ((performance.now() - started) / 1000));
    records.close();
    return {
      'cache.syncSnapshotsPerSecond': syncPerSecond,
      'cache.syncSnapshotsScatteredKeysPerSecond': scatteredPerSecond,
      'cache.personsInsertPerSecond': personsPerSecond,
      'cache.insuredLookupP95Ms': Number(p95(lookups).toFixed(3)),
      'cache.kanaPrefixP95Ms': Number(p95(prefixes).toFixed(3)),
      'cache.latestSnapshotP95Ms': Number(p95(latests).toFixed(3)),
      'records.fullSyncCommitsPerSecond': commitsPerSecond,
    };
  } finally {
    dir.remove();
  }
}
