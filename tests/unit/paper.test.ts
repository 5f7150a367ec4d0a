import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { paperRecords } from '../../electron/services/paper';
import { migrate, RECORDS_MIGRATIONS } from '../../electron/services/store';
import { KaigoError } from '../../electron/services/errors';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let db: SqliteDb;
beforeEach(() => {
  dir = tempDir('kd-paper-');
  db = openEncryptedDb(path.join(dir.path, 'records.db'), { key: randomBytes(32), synchronous: 'FULL' });
  migrate(db, RECORDS_MIGRATIONS);
});
afterEach(() => {
  db.close();
  dir.remove();
});

const ratio = {
  insuredNumber: '1000000013',
  insurerNumber: '131201',
  ratio: '20',
  period: { from: '2026-08-01', to: '2027-07-31' },
};

describe('hand-entered paper 証', () => {
  it('stores a valid 負担割合証 with its source and period, keyed by insurer + insured number', () => {
    let t = Date.parse('2026-11-26T01:00:00Z');
    const paper = paperRecords(
      () => db,
      () => new Date(t),
    );
    paper.enter({ kind: 'burden-ratio', body: { ...ratio, ratio: '10' }, source: 'declaration', staffId: 'staff01' });
    t += 1000;
    const entry = paper.enter({ kind: 'burden-ratio', body: ratio, source: 'paper', staffId: 'staff01' });
    expect(entry).toMatchObject({
      personKey: '131201-1000000013',
      source: 'paper',
      validFrom: '2026-08-01',
      validTo: '2027-07-31',
      enteredBy: 'staff01',
    });
    expect(paper.latest('131201-1000000013', 'burden-ratio')!.body.ratio).toBe('20');
    expect(paper.list('131201-1000000013').map((e) => e.source)).toEqual(['paper', 'declaration']);
  });

  it.each([
    ['a 9-digit insured number', { ...ratio, insuredNumber: '100000001' }],
    ['an unknown ratio code', { ...ratio, ratio: '40' }],
    ['an impossible date', { ...ratio, period: { from: '2026-02-30', to: '2027-07-31' } }],
    ['an unknown field', { ...ratio, note: 'x' }],
    ['not an object', 'ratio 2割'],
  ])('refuses %s with PAPER_INVALID and stores nothing', (_label, body) => {
    const paper = paperRecords(
      () => db,
      () => new Date(),
    );
    expect(() => paper.enter({ kind: 'burden-ratio', body, source: 'paper', staffId: 'staff01' })).toThrowError(
      expect.objectContaining({ code: 'PAPER_INVALID' }) as KaigoError,
    );
    expect(db.get<{ n: number }>('SELECT count(*) AS n FROM paper_certificates')!.n).toBe(0);
  });
});
