import Database from 'better-sqlite3-multiple-ciphers';

// Encrypted SQLite (SQLite3 Multiple Ciphers, SQLCipher scheme) behind one small typed interface. The key is a raw
// 32-byte key passed as x'…' so no passphrase KDF runs on open (MACHINE.md "SQLite": a wrong or missing key shows
// as SQLITE_NOTADB on the first statement, so open() runs one at once).

export type SqlValue = string | number | bigint | Buffer | null;
export type SqlParams = SqlValue[] | [Record<string, SqlValue>];

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface Statement<Row> {
  run(...params: SqlParams): RunResult;
  get(...params: SqlParams): Row | undefined;
  all(...params: SqlParams): Row[];
  iterate(...params: SqlParams): IterableIterator<Row>;
}

export interface SqliteDb {
  readonly file: string;
  exec(sql: string): void;
  /** Prepared statements are cached per SQL text; prepare in a loop freely. */
  prepare<Row = Record<string, unknown>>(sql: string): Statement<Row>;
  run(sql: string, ...params: SqlParams): RunResult;
  get<Row = Record<string, unknown>>(sql: string, ...params: SqlParams): Row | undefined;
  all<Row = Record<string, unknown>>(sql: string, ...params: SqlParams): Row[];
  /** Runs fn in one transaction (BEGIN IMMEDIATE); nested calls become savepoints; a throw rolls back. */
  transaction<T>(fn: () => T): T;
  userVersion(): number;
  setUserVersion(version: number): void;
  /** `PRAGMA integrity_check` rows; ['ok'] when healthy. */
  integrityCheck(): string[];
  close(): void;
  readonly open: boolean;
}

export type SqliteFailure = 'not-a-database' | 'corrupt' | 'cannot-open' | 'busy';

/** An open that failed for a reason the caller must handle (wrong key, damaged file…). Never carries the key. */
export class SqliteOpenError extends Error {
  constructor(
    readonly failure: SqliteFailure,
    readonly sqliteCode: string,
  ) {
    super(`sqlite open failed: ${failure} (${sqliteCode})`);
    this.name = 'SqliteOpenError';
  }
}

export interface OpenOptions {
  /** 32 raw key bytes. The buffer is not kept; the caller may zero it after open. */
  key: Buffer;
  /** FULL for data that must survive a power cut (records); NORMAL is safe against app crashes in WAL mode. */
  synchronous: 'FULL' | 'NORMAL';
  /** Refuse to create the file when it does not exist. */
  mustExist?: boolean;
  /** Page cache in KiB (SQLite's default is 2,000 KiB). Every page read from disk is decrypted, so misses cost. */
  cacheKiB?: number;
  /** WAL pages before an automatic checkpoint (default 1,000); more means fewer, larger checkpoints. */
  walAutocheckpointPages?: number;
}

function classify(err: unknown): SqliteOpenError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_NOTADB') return new SqliteOpenError('not-a-database', code);
  if (code.startsWith('SQLITE_CORRUPT')) return new SqliteOpenError('corrupt', code);
  if (code.startsWith('SQLITE_CANTOPEN')) return new SqliteOpenError('cannot-open', code);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new SqliteOpenError('busy', code);
  return null;
}

export function openEncryptedDb(file: string, options: OpenOptions): SqliteDb {
  if (options.key.length !== 32) throw new RangeError('database key must be 32 bytes');
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: options.mustExist ?? false });
  } catch (err) {
    throw classify(err) ?? err;
  }
  const rawKey = Buffer.from(`x'${options.key.toString('hex')}'`, 'latin1');
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.key(rawKey);
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // a wrong key fails here, not on open
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous}`);
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY'); // no plain temp files next to the encrypted database
    db.pragma('busy_timeout = 5000');
    if (options.cacheKiB) db.pragma(`cache_size = -${Math.trunc(options.cacheKiB)}`);
    if (options.walAutocheckpointPages) db.pragma(`wal_autocheckpoint = ${Math.trunc(options.walAutocheckpointPages)}`);
  } catch (err) {
    db.close();
    throw classify(err) ?? err;
  } finally {
    rawKey.fill(0);
  }
  return wrap(file, db);
}

function wrap(file: string, db: Database.Database): SqliteDb {
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string): Database.Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const adapt = <Row>(s: Database.Statement): Statement<Row> => ({
    run: (...p) => s.run(...p) as RunResult,
    get: (...p) => s.get(...p) as Row | undefined,
    all: (...p) => s.all(...p) as Row[],
    iterate: (...p) => s.iterate(...p) as IterableIterator<Row>,
  });
  return {
    file,
    exec: (sql) => void db.exec(sql),
    prepare: <Row>(sql: string) => adapt<Row>(stmt(sql)),
    run: (sql, ...p) => stmt(sql).run(...p) as RunResult,
    get: <Row>(sql: string, ...p: SqlParams) => stmt(sql).get(...p) as Row | undefined,
    all: <Row>(sql: string, ...p: SqlParams) => stmt(sql).all(...p) as Row[],
    transaction: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    userVersion: () => Number(db.pragma('user_version', { simple: true })),
    setUserVersion(version) {
      if (!Number.isInteger(version) || version < 0) throw new RangeError('bad user_version');
      db.pragma(`user_version = ${version}`);
    },
    integrityCheck: () => (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check),
    close() {
      cache.clear();
      if (db.open) db.close();
    },
    get open() {
      return db.open;
    },
  };
}
