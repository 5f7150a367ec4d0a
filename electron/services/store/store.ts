import fs from 'node:fs';
import path from 'node:path';
import { openEncryptedDb, SqliteOpenError, type SqliteDb } from '../../../native/sqlite';
import type { ErrorCode } from '../../contract/errors';
import { KaigoError } from '../errors';
import { silentLogger, type Logger } from '../log';
import type { SubkeyPurpose, Vault } from '../vault';
import { migrate, type Migration } from './migration';
import { CACHE_MIGRATIONS } from './migrations/cache';
import { RECORDS_MIGRATIONS } from './migrations/records';

export type DatabaseName = 'cache' | 'records';

export interface StoreOptions {
  /** The app data dir of the current mode (training has its own). Created on first open, mode 0700. */
  dataDir: string;
  vault: Vault;
  log?: Logger;
}

/**
 * The two encrypted databases (DESIGN.md §4 "Two kinds of stored data"). Each opens on first use, keyed from the
 * vault and migrated to the newest schema.
 * - cache (`cache.db`): a copy of what the service returned; unreadable → STORE_CACHE_UNREADABLE, and
 *   `rebuildCache()` deletes and recreates it (the UI offers "rebuild from the service").
 * - records (`records.db`): outbox, audit log, paper 証, notes; unreadable → STORE_RECORDS_UNREADABLE and the file
 *   is never touched.
 * A database newer than this app → STORE_NEWER_VERSION, file untouched.
 */
export interface Store {
  cache(): SqliteDb;
  records(): SqliteDb;
  /**
   * Runs fn in one write transaction on the named database (BEGIN IMMEDIATE; a throw rolls back). A damaged file
   * found mid-way surfaces as that database's *_UNREADABLE code.
   */
  transaction<T>(name: DatabaseName, fn: (db: SqliteDb) => T): T;
  /** Deletes cache.db (and its WAL files) and opens an empty, migrated one. Never touches records. */
  rebuildCache(): SqliteDb;
  close(): void;
}

interface Spec {
  file: string;
  purpose: SubkeyPurpose;
  migrations: readonly Migration[];
  synchronous: 'FULL' | 'NORMAL';
  unreadable: ErrorCode;
  tuning?: { cacheKiB: number; walAutocheckpointPages: number };
}

const SPECS: Record<DatabaseName, Spec> = {
  // NORMAL in WAL mode survives app crashes; a power cut may lose the last syncs, which the service can resend.
  cache: {
    file: 'cache.db',
    purpose: 'database-cache',
    migrations: CACHE_MIGRATIONS,
    synchronous: 'NORMAL',
    unreadable: 'STORE_CACHE_UNREADABLE',
    // A sync writes 100,000s of rows in scattered key order: a larger page cache and fewer checkpoints keep index
    // pages from being decrypted and re-encrypted over and over (tests/bench/groups/store.mjs).
    tuning: { cacheKiB: 16_384, walAutocheckpointPages: 10_000 },
  },
  records: {
    file: 'records.db',
    purpose: 'database-records',
    migrations: RECORDS_MIGRATIONS,
    synchronous: 'FULL',
    unreadable: 'STORE_RECORDS_UNREADABLE',
  },
};

export const DATABASE_FILES: Record<DatabaseName, string> = { cache: 'cache.db', records: 'records.db' };

function isDamage(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export function openStore(options: StoreOptions): Store {
  const log = options.log ?? silentLogger;
  const open: Partial<Record<DatabaseName, SqliteDb>> = {};

  const openDb = (name: DatabaseName): SqliteDb => {
    const spec = SPECS[name];
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const key = options.vault.subkey(spec.purpose);
    let db: SqliteDb;
    try {
      db = openEncryptedDb(path.join(options.dataDir, spec.file), {
        key,
        synchronous: spec.synchronous,
        ...spec.tuning,
      });
    } catch (err) {
      if (err instanceof SqliteOpenError && err.failure !== 'busy') {
        log.error('store.open-failed', { db: name, failure: err.failure });
        throw new KaigoError(spec.unreadable, err.failure);
      }
      throw err;
    } finally {
      key.fill(0);
    }
    try {
      const { from, to } = migrate(db, spec.migrations);
      if (from !== to) log.info('store.migrated', { db: name, from, to });
    } catch (err) {
      db.close();
      if (err instanceof KaigoError) {
        log.error('store.refused', { db: name, code: err.code });
        throw err;
      }
      if (isDamage(err)) throw new KaigoError(spec.unreadable, 'damaged');
      throw err;
    }
    return db;
  };

  const get = (name: DatabaseName): SqliteDb => {
    const db = open[name];
    if (db?.open) return db;
    return (open[name] = openDb(name));
  };

  return {
    cache: () => get('cache'),
    records: () => get('records'),
    transaction: (name, fn) => {
      const db = get(name);
      try {
        return db.transaction(() => fn(db));
      } catch (err) {
        // Damage found after open (a bad page deep in the file) gets the same code as damage found on open.
        if (isDamage(err)) {
          log.error('store.damaged', { db: name });
          throw new KaigoError(SPECS[name].unreadable, 'damaged');
        }
        throw err;
      }
    },
    rebuildCache() {
      open.cache?.close();
      delete open.cache;
      const file = path.join(options.dataDir, SPECS.cache.file);
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
      log.warn('store.cache-rebuilt');
      return get('cache');
    },
    close() {
      for (const name of Object.keys(open) as DatabaseName[]) open[name]?.close();
    },
  };
}
