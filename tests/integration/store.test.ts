import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../electron/contract/errors';
import { KaigoError } from '../../electron/services/errors';
import { CACHE_MIGRATIONS, openStore, RECORDS_MIGRATIONS } from '../../electron/services/store';
import { openVault } from '../../electron/services/vault';
import { osKeychain } from '../../native/keychain';
import { openEncryptedDb, SqliteOpenError } from '../../native/sqlite';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir } from '../support/temp';

// The two encrypted databases keyed from the vault, on real files, with the real OS keychain.

let keyring: KeyringSession;
beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
});
afterAll(async () => keyring?.stop());

function setup() {
  const dir = tempDir('kd-store-');
  const dataDir = path.join(dir.path, 'data');
  const vault = openVault({ dataDir, mode: 'training', keychain: osKeychain() });
  const store = openStore({ dataDir, vault });
  return {
    dataDir,
    vault,
    store,
    done() {
      store.close();
      vault.close();
      dir.remove();
    },
  };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof KaigoError) return err.code;
    throw err;
  }
  throw new Error('expected a KaigoError');
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function addNote(s: ReturnType<typeof setup>, body: string) {
  s.store.transaction('records', (db) =>
    db.run(
      `INSERT INTO office_notes (person_key, staff_id, created_at, updated_at, body) VALUES ('p', 's', 'now', 'now', ?)`,
      body,
    ),
  );
}

describe('store', () => {
  it('creates both databases migrated, in WAL mode, and reopens them with the vault key', () => {
    const s = setup();
    try {
      expect(s.store.cache().userVersion()).toBe(CACHE_MIGRATIONS.length);
      expect(s.store.records().userVersion()).toBe(RECORDS_MIGRATIONS.length);
      expect(s.store.records().get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(s.store.records().get('PRAGMA synchronous')).toEqual({ synchronous: 2 }); // FULL
      expect(s.store.cache().get('PRAGMA synchronous')).toEqual({ synchronous: 1 }); // NORMAL
      expect(s.store.cache().get('PRAGMA cache_size')).toEqual({ cache_size: -16384 });
      expect(s.store.cache().get('PRAGMA wal_autocheckpoint')).toEqual({ wal_autocheckpoint: 10000 });
      expect(s.store.records().get('PRAGMA temp_store')).toEqual({ temp_store: 2 }); // MEMORY: no plain temp files
      addNote(s, 'メモ');
      s.store.close();
      const again = openStore({ dataDir: s.dataDir, vault: s.vault });
      expect(again.records().all('SELECT body FROM office_notes')).toEqual([{ body: 'メモ' }]);
      again.close();
      // The file is not a plain SQLite database.
      const head = fs.readFileSync(path.join(s.dataDir, 'records.db')).subarray(0, 16).toString('latin1');
      expect(head).not.toContain('SQLite format 3');
    } finally {
      s.done();
    }
  });

  it('a transaction that throws leaves nothing behind', () => {
    const s = setup();
    try {
      expect(() =>
        s.store.transaction('records', (db) => {
          db.run(
            `INSERT INTO office_notes (person_key, staff_id, created_at, updated_at, body) VALUES ('p','s','n','n','x')`,
          );
          throw new Error('abort');
        }),
      ).toThrow('abort');
      expect(s.store.records().get('SELECT count(*) AS n FROM office_notes')).toEqual({ n: 0 });
    } finally {
      s.done();
    }
  });

  it('a wrong or missing key is a clear error, never a crash', () => {
    const s = setup();
    try {
      addNote(s, 'x');
      s.store.cache();
      s.store.close();
      const file = path.join(s.dataDir, 'records.db');
      const tryOpen = (key: Buffer) => {
        try {
          openEncryptedDb(file, { key, synchronous: 'FULL' }).close();
          return 'opened';
        } catch (err) {
          return err instanceof SqliteOpenError ? err.failure : String(err);
        }
      };
      expect(tryOpen(crypto.randomBytes(32))).toBe('not-a-database');
      expect(tryOpen(s.vault.subkey('database-cache'))).toBe('not-a-database'); // the other database's key
      expect(tryOpen(s.vault.subkey('database-records'))).toBe('opened');
      // Missing key: the vault's root secret is gone, so the vault derives different keys.
      fs.rmSync(path.join(s.dataDir, 'vault', 'vault-root.sealed'));
      const lost = openVault({ dataDir: s.dataDir, mode: 'training', keychain: osKeychain() });
      const store = openStore({ dataDir: s.dataDir, vault: lost });
      expect(codeOf(() => store.records())).toBe('STORE_RECORDS_UNREADABLE');
      expect(codeOf(() => store.cache())).toBe('STORE_CACHE_UNREADABLE');
      lost.close();
    } finally {
      s.done();
    }
  });

  it('an unreadable cache can be rebuilt; an unreadable records file is kept byte for byte', () => {
    const s = setup();
    try {
      addNote(s, 'keep');
      s.store
        .cache()
        .run(
          `INSERT INTO snapshots (person_key, kind, fetched_at, source, body) VALUES ('p', 'k', 'now', 'api', '{}')`,
        );
      s.store.close();
      const records = path.join(s.dataDir, 'records.db');
      const cache = path.join(s.dataDir, 'cache.db');
      // Damage both files (a disk error, a bad copy): garbage over the first pages.
      for (const file of [records, cache]) {
        const fd = fs.openSync(file, 'r+');
        fs.writeSync(fd, crypto.randomBytes(8192), 0, 8192, 0);
        fs.closeSync(fd);
      }
      const before = sha(records);
      const store = openStore({ dataDir: s.dataDir, vault: s.vault });
      expect(codeOf(() => store.records())).toBe('STORE_RECORDS_UNREADABLE');
      expect(codeOf(() => store.records())).toBe('STORE_RECORDS_UNREADABLE');
      expect(codeOf(() => store.cache())).toBe('STORE_CACHE_UNREADABLE');
      expect(ERROR_MESSAGES.STORE_RECORDS_UNREADABLE).toContain('削除せずに残しています');
      expect(ERROR_MESSAGES.STORE_CACHE_UNREADABLE).toContain('サービスから再取得');
      const rebuilt = store.rebuildCache();
      expect(rebuilt.userVersion()).toBe(CACHE_MIGRATIONS.length);
      expect(rebuilt.get('SELECT count(*) AS n FROM snapshots')).toEqual({ n: 0 });
      expect(rebuilt.integrityCheck()).toEqual(['ok']);
      expect(sha(records)).toBe(before);
      expect(fs.existsSync(records)).toBe(true);
      store.close();
    } finally {
      s.done();
    }
  });

  it('damage deep in the cache file, found after open, surfaces as STORE_CACHE_UNREADABLE in a transaction', () => {
    const s = setup();
    try {
      s.store.transaction('cache', (db) => {
        for (let i = 0; i < 300; i++)
          db.run(
            `INSERT INTO snapshots (person_key, kind, fetched_at, source, body) VALUES (?, 'k', 'now', 'api', ?)`,
            `p${i}`,
            'x'.repeat(2000),
          );
      });
      s.store.close();
      const file = path.join(s.dataDir, 'cache.db');
      expect(fs.statSync(file).size).toBeGreaterThan(200_000);
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, crypto.randomBytes(16384), 0, 16384, 65536);
      fs.closeSync(fd);
      const store = openStore({ dataDir: s.dataDir, vault: s.vault });
      expect(store.cache().userVersion()).toBe(CACHE_MIGRATIONS.length); // page 1 is intact: open succeeds
      expect(codeOf(() => store.transaction('cache', (db) => db.all('SELECT body FROM snapshots')))).toBe(
        'STORE_CACHE_UNREADABLE',
      );
      expect(store.rebuildCache().get('SELECT count(*) AS n FROM snapshots')).toEqual({ n: 0 });
      store.close();
    } finally {
      s.done();
    }
  });

  it('refuses a database from a newer app version with its message and leaves it untouched', () => {
    const s = setup();
    try {
      s.store.records().setUserVersion(99);
      s.store.cache().setUserVersion(42);
      s.store.close();
      const file = path.join(s.dataDir, 'records.db');
      const before = sha(file);
      const store = openStore({ dataDir: s.dataDir, vault: s.vault });
      expect(codeOf(() => store.records())).toBe('STORE_NEWER_VERSION');
      expect(codeOf(() => store.cache())).toBe('STORE_NEWER_VERSION');
      expect(ERROR_MESSAGES.STORE_NEWER_VERSION).toContain('最新版に更新');
      expect(sha(file)).toBe(before);
      store.close();
    } finally {
      s.done();
    }
  });

  it('survives a master-key rotation: both databases still open', () => {
    const s = setup();
    try {
      addNote(s, 'before rotation');
      s.store.close();
      s.vault.rotateMasterKey();
      const store = openStore({ dataDir: s.dataDir, vault: s.vault });
      expect(store.records().all('SELECT body FROM office_notes')).toEqual([{ body: 'before rotation' }]);
      expect(store.cache().userVersion()).toBe(CACHE_MIGRATIONS.length);
      store.close();
    } finally {
      s.done();
    }
  });
});
