import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, SqliteOpenError } from '../../native/sqlite';
import { tempDir } from '../support/temp';

// native/sqlite.ts on real files: keyed open, failures as typed errors (never a crash), transactions.

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function file(): string {
  const dir = tempDir('kd-sqlite-');
  dirs.push(dir);
  return path.join(dir.path, 'test.db');
}

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof SqliteOpenError) return err.failure;
    throw err;
  }
  return 'opened';
}

describe('openEncryptedDb', () => {
  it('opens with the key it was created with and refuses any other as not-a-database', () => {
    const f = file();
    const key = crypto.randomBytes(32);
    const db = openEncryptedDb(f, { key, synchronous: 'FULL' });
    db.exec('CREATE TABLE t (x TEXT)');
    db.run('INSERT INTO t VALUES (?)', 'secret-marker');
    db.close();
    db.close(); // idempotent
    expect(fs.readFileSync(f).includes('secret-marker')).toBe(false);
    expect(failure(() => openEncryptedDb(f, { key: crypto.randomBytes(32), synchronous: 'FULL' }))).toBe(
      'not-a-database',
    );
    const again = openEncryptedDb(f, { key, synchronous: 'FULL' });
    expect(again.all('SELECT x FROM t')).toEqual([{ x: 'secret-marker' }]);
    expect(again.integrityCheck()).toEqual(['ok']);
    again.close();
  });

  it('does not keep the caller key: zeroing it after open changes nothing', () => {
    const f = file();
    const key = crypto.randomBytes(32);
    const copy = Buffer.from(key);
    const db = openEncryptedDb(f, { key, synchronous: 'NORMAL' });
    key.fill(0);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(failure(() => openEncryptedDb(f, { key: copy, synchronous: 'NORMAL' }).close())).toBe('opened');
  });

  it('reports garbage, a missing file and a bad key length as typed failures', () => {
    const f = file();
    fs.writeFileSync(f, crypto.randomBytes(8192));
    expect(failure(() => openEncryptedDb(f, { key: crypto.randomBytes(32), synchronous: 'FULL' }))).toBe(
      'not-a-database',
    );
    const missing = path.join(path.dirname(f), 'missing.db');
    expect(
      failure(() => openEncryptedDb(missing, { key: crypto.randomBytes(32), synchronous: 'FULL', mustExist: true })),
    ).toBe('cannot-open');
    expect(fs.existsSync(missing)).toBe(false);
    expect(() => openEncryptedDb(f, { key: crypto.randomBytes(16), synchronous: 'FULL' })).toThrow(RangeError);
  });

  it('nests transactions as savepoints and rolls back on a throw', () => {
    const db = openEncryptedDb(file(), { key: crypto.randomBytes(32), synchronous: 'FULL' });
    try {
      db.exec('CREATE TABLE t (x INTEGER)');
      db.transaction(() => {
        db.run('INSERT INTO t VALUES (1)');
        expect(() =>
          db.transaction(() => {
            db.run('INSERT INTO t VALUES (2)');
            throw new Error('inner');
          }),
        ).toThrow('inner');
        db.run('INSERT INTO t VALUES (3)');
      });
      expect(db.all('SELECT x FROM t ORDER BY x')).toEqual([{ x: 1 }, { x: 3 }]);
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
      db.setUserVersion(4);
      expect(db.userVersion()).toBe(4);
      expect(() => db.setUserVersion(-1)).toThrow(RangeError);
    } finally {
      db.close();
    }
  });
});
