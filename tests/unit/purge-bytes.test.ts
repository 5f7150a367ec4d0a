import { createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { purgePersons, secureDeleteOn, snapshotRepository } from '../../electron/services/cache';
import { CACHE_MIGRATIONS, migrate } from '../../electron/services/store';
import { generateTrainingData } from '../../electron/training/data';
import { cacheInsuredCard } from '../support/cache-card';
import { tempDir } from '../support/temp';

// After a purge the person's data must be gone from the FILES, not only from queries (issue 7: "secure_delete is on
// so freed pages are overwritten"). The files are encrypted, so this test decrypts every page of the database and
// every frame of the WAL itself (SQLCipher 4 layout as used by SQLite3 Multiple Ciphers with a raw key: AES-256-CBC
// per 4,096-byte page, the IV in the first 16 bytes of the 80-byte reserve at the page end, page 1 after its 16-byte
// salt) and looks for the purged person's address. A control run without secure_delete shows the check can fail.

const PAGE = 4096;
const RESERVE = 80;
const MARKER = 'PURGE-CHECK-ADDRESS-7Q';

function decryptPage(page: Buffer, key: Buffer, first: boolean): Buffer {
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(first ? 16 : 0, PAGE - RESERVE)), decipher.final()]);
}

/** Whether `needle` appears in any decrypted page of the database file or frame of its WAL. */
function filesContain(file: string, key: Buffer, needle: string): boolean {
  const pages: Array<[Buffer, boolean]> = [];
  const main = fs.readFileSync(file);
  for (let off = 0; off + PAGE <= main.length; off += PAGE) pages.push([main.subarray(off, off + PAGE), off === 0]);
  if (fs.existsSync(`${file}-wal`)) {
    const wal = fs.readFileSync(`${file}-wal`);
    for (let off = 32; off + 24 + PAGE <= wal.length; off += 24 + PAGE) {
      const pgno = wal.readUInt32BE(off);
      pages.push([wal.subarray(off + 24, off + 24 + PAGE), pgno === 1]);
    }
  }
  return pages.some(([page, first]) => decryptPage(page, key, first).includes(needle));
}

let dir: ReturnType<typeof tempDir>;
let db: SqliteDb;
let file: string;
const key = randomBytes(32);
const persons = generateTrainingData({ seed: 5, persons: 40, today: { year: 2026, month: 11, day: 26 } }).persons;
const target = persons[17]!;

beforeEach(() => {
  dir = tempDir('kd-purge-bytes-');
  file = path.join(dir.path, 'cache.db');
  db = openEncryptedDb(file, { key, synchronous: 'NORMAL' });
  migrate(db, CACHE_MIGRATIONS);
  const at = new Date('2026-11-01T00:00:00Z');
  for (const p of persons) {
    const card = p === target ? { ...p.insuredCard, address: MARKER } : p.insuredCard;
    cacheInsuredCard(db, { personKey: p.personKey, card }, at);
  }
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('purge leaves no trace in the files', () => {
  it('finds the address before the purge and nowhere in the database or WAL after it', () => {
    expect(filesContain(file, key, MARKER)).toBe(true); // the decryption works: the check can see the data
    expect(purgePersons(db, [target.personKey])).toEqual({ snapshots: 1, persons: 1 });
    expect(secureDeleteOn(db)).toBe(true);
    expect(filesContain(file, key, MARKER)).toBe(false);
    expect(snapshotRepository(db).latest(target.personKey, 'insured-card')).toBeNull();
  });

  it('control: a plain delete without secure_delete leaves the address in the file', () => {
    db.exec('PRAGMA secure_delete = OFF');
    db.run('DELETE FROM snapshots WHERE person_key = ?', target.personKey);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(filesContain(file, key, MARKER)).toBe(true);
  });
});
