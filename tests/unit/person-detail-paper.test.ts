import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { personsRepository, snapshotRepository } from '../../electron/services/cache';
import { paperRecords, type PaperRecords } from '../../electron/services/paper';
import { CACHE_MIGRATIONS, migrate, RECORDS_MIGRATIONS } from '../../electron/services/store';
import { personDetail } from '../../electron/services/views';
import { KaigoError } from '../../electron/services/errors';
import { tempDir } from '../support/temp';

// The person view merges hand-entered paper 証 with online snapshots: per kind the most recent confirmation wins and
// says where it came from (UX.md rules 6, 10); a person known only from paper still has a view.

let dir: ReturnType<typeof tempDir>;
let cache: SqliteDb;
let records: SqliteDb;
let t = Date.parse('2026-11-26T01:00:00Z');
let paper: PaperRecords;
beforeEach(() => {
  dir = tempDir('kd-detail-paper-');
  cache = openEncryptedDb(path.join(dir.path, 'cache.db'), { key: randomBytes(32), synchronous: 'FULL' });
  records = openEncryptedDb(path.join(dir.path, 'records.db'), { key: randomBytes(32), synchronous: 'FULL' });
  migrate(cache, CACHE_MIGRATIONS);
  migrate(records, RECORDS_MIGRATIONS);
  paper = paperRecords(
    () => records,
    () => new Date(t),
  );
});
afterEach(() => {
  cache.close();
  records.close();
  dir.remove();
});

const KEY = '131201-1000000013';
const card = {
  insurerNumber: '131201',
  insuredNumber: '1000000013',
  name: '練習 花子',
  nameKana: 'レンシュウ ハナコ',
  birthDate: '1940-03-02',
  careLevel: '22' as const,
  certificationPeriod: { from: '2026-04-01', to: '2027-03-31' },
};

function putOnline(at: number, body: object = card) {
  snapshotRepository(cache).putSnapshot({
    personKey: KEY,
    kind: 'insured-card',
    fetchedAt: new Date(at),
    source: 'training',
    validFrom: '2026-04-01',
    validTo: '2027-03-31',
    viewingDeadline: '2027-03-31',
    body,
  });
  personsRepository(() => cache).upsertFromCard(card as never, new Date(at));
}

describe('person detail with paper entries', () => {
  it('shows the newer paper 被保険者証 as 紙, and the online one when it is newer again', () => {
    putOnline(t);
    t += 60_000;
    paper.enter({ kind: 'insured-card', body: { ...card, careLevel: '23' }, source: 'paper', staffId: 'cm01' });
    const withPaper = personDetail(cache, KEY, new Date(t), 24, 'found', paper);
    expect(withPaper.items).toEqual([expect.objectContaining({ kind: 'insured-card', source: 'paper' })]);
    expect(withPaper.items[0]!.body.careLevel).toBe('23');
    // Without the records the view is what it was: online only.
    expect(personDetail(cache, KEY, new Date(t), 24).items[0]!.source).toBe('training');
    t += 60_000;
    putOnline(t);
    expect(personDetail(cache, KEY, new Date(t), 24, 'found', paper).items[0]!.source).toBe('training');
  });

  it('builds the view of a person known only from paper, and refuses a person known nowhere', () => {
    paper.enter({ kind: 'insured-card', body: card, source: 'paper', staffId: 'cm01' });
    paper.enter({
      kind: 'burden-ratio',
      body: {
        insurerNumber: '131201',
        insuredNumber: '1000000013',
        ratio: '10',
        period: { from: '2026-08-01', to: '2027-07-31' },
      },
      source: 'declaration',
      staffId: 'cm01',
    });
    const detail = personDetail(cache, KEY, new Date(t), 24, 'found', paper);
    expect(detail.person).toMatchObject({ personKey: KEY, name: '練習 花子', birthDate: '1940-03-02' });
    expect(detail.items.map((i) => [i.kind, i.source])).toEqual([
      ['insured-card', 'paper'],
      ['burden-ratio', 'declaration'],
    ]);
    expect(detail.eligibility.state).toBe('valid');
    expect(() => personDetail(cache, '131201-2000000013', new Date(t), 24, 'found', paper)).toThrow(KaigoError);
  });
});
