import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { markServed, personsRepository, snapshotRepository, type SnapshotInput } from '../../electron/services/cache';
import { outageLists, outageListCsv, type PlannedVisitSource } from '../../electron/services/outage-lists';
import { CACHE_MIGRATIONS, migrate } from '../../electron/services/store';
import { generateTrainingData } from '../../electron/training/data';
import { tempDir } from '../support/temp';

// The outage lists over a real encrypted cache, at a fixed instant that is still 11-25 in UTC but already 11-26 in
// Japan (00:30 JST): "today" and "this month" must be Japan dates under TZ=UTC and TZ=Asia/Tokyo alike.
const NOW = new Date('2026-11-25T15:30:00Z');
const OFFICE = '1370100016';
const OTHER_OFFICE = '1370100024';

let dir: ReturnType<typeof tempDir>;
let db: SqliteDb;
const [a, b, c, d] = generateTrainingData({ seed: 11, persons: 4, today: { year: 2026, month: 11, day: 26 } }).persons;

function put(personKey: string, inputs: Array<Omit<SnapshotInput, 'personKey' | 'source' | 'viewingDeadline'>>) {
  snapshotRepository(db).putSnapshots(
    inputs.map((i) => ({ ...i, personKey, source: 'training', viewingDeadline: '2027-05-01' })),
  );
}

function seed(p: NonNullable<typeof a>, o: { certTo: string; ratios: Array<[string, string, string]>; name?: string }) {
  const card = { ...p.insuredCard, ...(o.name ? { name: o.name } : {}) };
  personsRepository(() => db).upsertFromCard(card, new Date('2026-11-01T00:00:00Z'));
  put(p.personKey, [
    { kind: 'insured-card', fetchedAt: new Date('2026-11-01T00:00:00Z'), validFrom: null, validTo: null, body: card },
    {
      kind: 'certification',
      fetchedAt: new Date('2026-11-02T00:00:00Z'),
      validFrom: '2026-06-01',
      validTo: o.certTo,
      body: { ...p.certification, status: '2', careLevel: '22', period: { from: '2026-06-01', to: o.certTo } },
    },
    ...o.ratios.map(([ratio, to, fetchedAt]) => ({
      kind: 'burden-ratio' as const,
      fetchedAt: new Date(fetchedAt),
      validFrom: '2026-08-01',
      validTo: to,
      body: { ...p.burdenRatio, ratio: ratio as '10', period: { from: '2026-08-01', to } },
    })),
  ]);
}

beforeAll(() => {
  dir = tempDir('kd-outage-');
  db = openEncryptedDb(path.join(dir.path, 'cache.db'), { key: randomBytes(32), synchronous: 'NORMAL' });
  migrate(db, CACHE_MIGRATIONS);
  seed(a!, {
    name: '=1+2 試験',
    certTo: '2026-11-30',
    ratios: [
      ['10', '2027-07-31', '2026-10-01T00:00:00Z'],
      ['20', '2027-07-31', '2026-11-20T03:00:00Z'],
    ],
  });
  seed(b!, { certTo: '2026-12-01', ratios: [['10', '2027-07-31', '2026-11-03T00:00:00Z']] });
  seed(c!, { certTo: '2026-11-15', ratios: [['10', '2026-12-01', '2026-11-03T00:00:00Z']] });
  seed(d!, { certTo: '2026-11-01', ratios: [['30', '2026-12-20', '2026-11-04T00:00:00Z']] });
  markServed(db, OFFICE, a!.personKey, '2027-05-01', new Date('2026-11-25T15:10:00Z')); // 11-26 00:10 JST: today
  markServed(db, OFFICE, b!.personKey, '2027-05-01', new Date('2026-11-25T14:50:00Z')); // 11-25 23:50 JST: yesterday
  markServed(db, OTHER_OFFICE, c!.personKey, '2027-05-01', new Date('2026-11-25T15:20:00Z')); // another office
  markServed(db, OFFICE, d!.personKey, '2027-05-01', new Date('2026-11-20T01:00:00Z'));
});
afterAll(() => {
  db.close();
  dir.remove();
});

const planned: PlannedVisitSource = {
  plannedOn: (office, date) =>
    office === OFFICE && date === '2026-11-26'
      ? [
          { personKey: b!.personKey, time: '10:00' },
          { personKey: c!.personKey, time: '11:00' }, // not this office's person: never listed
          { personKey: a!.personKey, time: '09:00' }, // already checked today: listed once
        ]
      : [],
};

const byId = () =>
  Object.fromEntries(outageLists(db, { officeNumber: OFFICE, now: NOW, planned }).map((l) => [l.id, l]));

describe('outage lists', () => {
  it("today's visitors: this office's checks on the Japan day, then planned visits not yet checked", () => {
    const list = byId()['today-visitors']!;
    expect(list.rows.map((r) => [r.personKey, r.source, r.date])).toEqual([
      [a!.personKey, 'training', '2026-11-25T15:10:00.000Z'],
      [b!.personKey, 'planned', '10:00'],
    ]);
    // 時点 = the newest 最終確認 among the rows: a's burden ratio fetched 11-20.
    expect(list.asOf).toBe('2026-11-20T03:00:00.000Z');
  });

  it('certifications ending in this Japan month, first and last day included, in scope only', () => {
    const list = byId()['certifications-ending']!;
    expect(list.rows.map((r) => [r.personKey, r.date, r.detail])).toEqual([
      [d!.personKey, '2026-11-01', '要介護2・認定済'],
      [a!.personKey, '2026-11-30', '要介護2・認定済'],
    ]);
    expect(list.asOf).toBe('2026-11-02T00:00:00.000Z');
  });

  it('負担割合: a cached change between snapshots, and a 証 ending within a month (the 8/1 boundary)', () => {
    const rows = byId()['burden-ratio-changes']!.rows;
    const a1 = rows.find((r) => r.personKey === a!.personKey);
    const d1 = rows.find((r) => r.personKey === d!.personKey);
    expect(a1).toMatchObject({ date: '2026-08-01', detail: '1割 → 2割' });
    expect(d1).toMatchObject({ date: '2026-12-21' });
    expect(d1!.detail).toContain('3割（2026-12-20まで）');
    expect(rows.map((r) => r.personKey)).not.toContain(b!.personKey); // no change, period far away
    expect(rows.map((r) => r.personKey)).not.toContain(c!.personKey); // another office's person
  });

  it('a day later in Japan time the visitors list is empty and has no 時点', () => {
    const list = outageLists(db, { officeNumber: OFFICE, now: new Date('2026-11-26T15:00:00Z') })[0]!;
    expect(list).toMatchObject({ id: 'today-visitors', rows: [], asOf: null });
  });

  it('CSV: BOM, CRLF, 時点 line, header, formula-safe cells, training notice first', () => {
    const csv = outageListCsv(byId()['today-visitors']!, '練習モード — 実在の利用者ではありません');
    expect(csv.startsWith('\uFEFF"練習モード — 実在の利用者ではありません"\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('"本日の来所・訪問予定","2026-11-20 12:00 時点"');
    expect(lines[2]).toBe('"氏名","フリガナ","被保険者番号","確認・予定時刻","内容","最終確認"');
    expect(lines[3]).toContain(`"'=1+2 試験"`);
    expect(lines[3]).toContain('"2026-11-26 00:10"');
    expect(csv.split('\n').every((l, i, all) => i === all.length - 1 || l.endsWith('\r'))).toBe(true);
    expect(lines.some((l) => /(^|,)"[=+\-@]/.test(l))).toBe(false);
  });
});
