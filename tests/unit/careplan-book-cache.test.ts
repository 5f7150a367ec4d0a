import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { createBookCache } from '../../electron/handlers/careplan/book-cache';
import { CarePlanBook, fileToModel, parseCarePlanFile, subjectsOf } from '../../electron/services/careplan';
import { createLedger, type Ledger } from '../../electron/services/ledger';
import { migrate, RECORDS_MIGRATIONS } from '../../electron/services/store';
import { tempDir } from '../support/temp';

// The cached care-plan book on a real encrypted records database with the real ledger: a second view reads no file,
// a file recorded after a view shows in the next one (read alone), a late file with an older ファイル連番 rebuilds
// the book to what applying every file in order gives, and another records database or office starts afresh.
// Reads are counted through the ledger's body() (the seam every file read goes through).

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan', 'canonical');
const PLAN = 'UPPLAN_202412_1310100019_43_1310200017_11_20241125093000.CSV';
const SUPPLEMENT = 'UPHOSOKU_202412_1310100019_43_1310200017_11_20241125093000.CSV';
const SEVENTH = 'UPSIKYU_202412_1310100019_43_1310200017_11_20241125093000.CSV';
const DELETE_PLAN = 'DLTPLAN_202412_1310100019_43_1310200017_11_20241126100000.CSV';
const ACTUALS = 'UPJSK_202412_1310200017_11_1310100019_43_20250105180000.CSV';
const PERSON = { insurer: '131016', insured: '0000012345' };
const now = () => new Date('2025-01-10T01:00:00Z');

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function recordsDb(): SqliteDb {
  const dir = tempDir('kd-book-');
  const db = openEncryptedDb(path.join(dir.path, 'records.db'), { key: crypto.randomBytes(32), synchronous: 'FULL' });
  cleanups.push(() => {
    db.close();
    dir.remove();
  });
  migrate(db, RECORDS_MIGRATIONS);
  return db;
}

/** The real ledger, with every file body read counted. */
function countingLedger(db: SqliteDb): { ledger: Ledger; reads: () => number } {
  const real = createLedger({ db: () => db, clock: now });
  let reads = 0;
  return {
    ledger: {
      ...real,
      body: (id) => {
        reads++;
        return real.body(id);
      },
    },
    reads: () => reads,
  };
}

/** Records a file as received and imported; `as` renames it (a different ファイル連番, same content). */
function receive(ledger: Ledger, fixture: string, as = fixture): void {
  const bytes = fs.readFileSync(path.join(FIXTURES, fixture));
  const read = parseCarePlanFile(as, bytes, { now: now() });
  const model = fileToModel(read);
  if (!model.ok || !read.name) throw new Error(`fixture ${as} does not read`);
  const e = ledger.record({
    direction: 'received',
    partner: read.name.sender,
    fileName: as,
    kind: read.kind!,
    month: read.name.month ?? null,
    sequence: read.name.sequence,
    body: bytes,
    state: 'received',
    subjects: subjectsOf(model.value),
  });
  ledger.setState(e.id, 'imported');
}

/** What a from-scratch build gives: every file applied in ascending ファイル連番. */
function fromScratch(files: readonly string[][]): CarePlanBook {
  const book = new CarePlanBook();
  book.applyAll(
    files.map(([fixture, as]) => {
      const m = fileToModel(parseCarePlanFile(as ?? fixture!, fs.readFileSync(path.join(FIXTURES, fixture!))));
      if (!m.ok) throw new Error(m.reason);
      return m.value;
    }),
  );
  return book;
}

describe('cached care-plan book', () => {
  it('reads no file on a second view and only the new file after an import', () => {
    const db = recordsDb();
    const { ledger, reads } = countingLedger(db);
    const cache = createBookCache({ ledger: () => ledger, scope: () => ({ db, office: '1310100019' }), clock: now });
    receive(ledger, PLAN);
    receive(ledger, SUPPLEMENT);

    const first = cache.book();
    expect(reads()).toBe(2);
    expect(first.book.month(PERSON, '202412')?.plan).toBeDefined();
    expect(first.book.month(PERSON, '202412')?.actuals.size).toBe(0);

    const second = cache.book();
    expect(reads()).toBe(2);
    expect(second.book).toBe(first.book);

    receive(ledger, ACTUALS);
    const third = cache.book();
    expect(reads()).toBe(3);
    expect(third.book).toBe(first.book);
    expect(third.book.month(PERSON, '202412')?.actuals.size).toBe(1);
    expect(third.files.map((f) => f.file)).toEqual([PLAN, SUPPLEMENT, ACTUALS]);
    expect(cache.stats()).toEqual({ builds: 1, updates: 1, filesRead: 3 });

    // A 紙で送付 row holds no plan data: recorded, but nothing is read for it.
    ledger.record({
      direction: 'sent',
      partner: { office: '1310200017', service: '11' },
      fileName: '紙で送付_202412_1310200017_20250110100000.html',
      kind: 'UPPLAN',
      month: '202412',
      sequence: '20250110100000',
      body: Buffer.from('<html></html>'),
      state: 'paper',
      subjects: [],
    });
    cache.book();
    expect(reads()).toBe(3);
  });

  it('rebuilds when a file older than the newest applied arrives, matching a build of every file in order', () => {
    const db = recordsDb();
    const { ledger, reads } = countingLedger(db);
    const cache = createBookCache({ ledger: () => ledger, scope: () => ({ db, office: '1310100019' }), clock: now });
    // A plan, then its deletion (6表削除, 2024-11-26 10:00).
    receive(ledger, PLAN);
    receive(ledger, SEVENTH);
    receive(ledger, DELETE_PLAN);
    const before = cache.book();
    expect(before.book.month(PERSON, '202412')?.plan).toBeUndefined();
    expect(reads()).toBe(3);

    // A re-sent 第6表 made before the deletion (2024-11-25 12:00) arrives late. Applied on top it would bring the
    // plan back; in ファイル連番 order the deletion still removes it.
    const LATE = PLAN.replace('20241125093000', '20241125120000');
    receive(ledger, PLAN, LATE);
    const after = cache.book();
    expect(cache.stats()).toMatchObject({ builds: 2, updates: 0 });
    expect(reads()).toBe(3 + 1 + 4); // the late file read once to see its 連番, then all four in the rebuild
    expect(after.book).not.toBe(before.book);
    expect(after.book.month(PERSON, '202412')?.plan).toBeUndefined();
    const expected = fromScratch([[PLAN], [SEVENTH], [DELETE_PLAN], [PLAN, LATE]]);
    expect(after.book.allMonths()).toEqual(expected.allMonths());

    // Newer than everything applied again: back to reading the new file alone.
    receive(ledger, ACTUALS);
    cache.book();
    expect(cache.stats()).toMatchObject({ builds: 2, updates: 1 });
    expect(reads()).toBe(9);
  });

  it('starts afresh for another records database, another office, and after invalidate()', () => {
    const dbA = recordsDb();
    const dbB = recordsDb();
    const a = countingLedger(dbA);
    const b = countingLedger(dbB);
    receive(a.ledger, PLAN);
    let scope = { db: dbA as object, office: '1310100019', ledger: a.ledger };
    const cache = createBookCache({ ledger: () => scope.ledger, scope: () => scope, clock: now });
    expect(cache.book().book.month(PERSON, '202412')?.plan).toBeDefined();

    scope = { db: dbB, office: '1310100019', ledger: b.ledger };
    expect(cache.book().book.allMonths()).toEqual([]);
    expect(cache.stats().builds).toBe(2);

    scope = { db: dbB, office: '1310200017', ledger: b.ledger };
    cache.book();
    expect(cache.stats().builds).toBe(3);
    cache.book();
    expect(cache.stats().builds).toBe(3);
    cache.invalidate();
    cache.book();
    expect(cache.stats().builds).toBe(4);
  });
});
