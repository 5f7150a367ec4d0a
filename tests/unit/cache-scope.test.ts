import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import {
  createPurgeSchedule,
  isServed,
  markServed,
  markServedAtCounter,
  personKeyOf,
  personsRepository,
  purgePastViewingDeadline,
  replaceServedList,
  searchPersons,
  snapshotRepository,
  unservePerson,
  visibleItems,
  type PurgeTimer,
} from '../../electron/services/cache';
import { buildDeadlines } from '../../electron/services/deadlines';
import { deadlineRows } from '../../electron/services/views';
import { CACHE_MIGRATIONS, migrate } from '../../electron/services/store';
import { generateTrainingData } from '../../electron/training/data';
import { tempDir } from '../support/temp';

// The viewing scope (cache migration 2) on a real encrypted cache: which office serves whom decides what search,
// the tracker and the purge see; plus the job-type filter and the purge schedule.
const OFFICE = '1370100016';
const OTHER = '1370100024';
const NOW = new Date('2026-11-26T01:00:00Z');
const data = generateTrainingData({ seed: 9, persons: 60, today: { year: 2026, month: 11, day: 26 } });

let dir: ReturnType<typeof tempDir>;
let db: SqliteDb;

beforeEach(() => {
  dir = tempDir('kd-scope-');
  db = openEncryptedDb(path.join(dir.path, 'cache.db'), { key: randomBytes(32), synchronous: 'NORMAL' });
  migrate(db, CACHE_MIGRATIONS);
  const repo = snapshotRepository(db);
  for (const [i, p] of data.persons.entries()) {
    const at = new Date(Date.UTC(2026, 10, 1 + (i % 20)));
    const common = {
      personKey: p.personKey,
      fetchedAt: at,
      source: 'training' as const,
      viewingDeadline: '2027-05-01',
    };
    repo.putSnapshots([
      { ...common, kind: 'insured-card', validFrom: null, validTo: null, body: p.insuredCard },
      {
        ...common,
        kind: 'certification',
        validFrom: null,
        validTo: p.certification.period?.to ?? null,
        body: p.certification,
      },
      { ...common, kind: 'burden-ratio', validFrom: null, validTo: p.burdenRatio.period.to, body: p.burdenRatio },
      ...(p.burdenLimit
        ? [
            {
              ...common,
              kind: 'burden-limit' as const,
              validFrom: null,
              validTo: p.burdenLimit.period.to,
              body: p.burdenLimit,
            },
          ]
        : []),
    ]);
    personsRepository(() => db).upsertFromCard(p.insuredCard, at);
    // Even persons are this office's, every third also the other office's.
    if (i % 2 === 0) markServed(db, OFFICE, p.personKey, '2027-05-01', at);
    if (i % 3 === 0) markServed(db, OTHER, p.personKey, '2027-05-01', at);
  }
});
afterEach(() => {
  db.close();
  dir.remove();
});

const ours = data.persons.filter((_, i) => i % 2 === 0).map((p) => p.personKey);

describe('viewing scope', () => {
  it('search finds only persons the office serves, with exact paging', () => {
    const all =
      searchPersons(db, 'ア', { limit: 500 }).rows.length + searchPersons(db, 'カ', { limit: 500 }).rows.length;
    expect(all).toBeGreaterThan(0);
    for (const prefix of ['あ', 'か', 'さ', 'た', 'な', 'は', 'ま', 'や', 'ら', 'わ']) {
      const scoped = searchPersons(db, prefix, { limit: 500, servedBy: OFFICE }).rows.map((r) => r.personKey);
      expect(scoped.every((k) => ours.includes(k))).toBe(true);
      const unscoped = searchPersons(db, prefix, { limit: 500 }).rows.map((r) => r.personKey);
      expect(scoped).toEqual(unscoped.filter((k) => ours.includes(k)));
    }
    const target = data.persons[1]!; // odd: another office's person only
    expect(searchPersons(db, target.insuredCard.insuredNumber).rows).toHaveLength(1);
    expect(searchPersons(db, target.insuredCard.insuredNumber, { servedBy: OFFICE }).rows).toHaveLength(0);
    expect(searchPersons(db, data.persons[0]!.insuredCard.insuredNumber, { servedBy: OFFICE }).rows).toHaveLength(1);
  });

  it('the tracker in one query equals the per-person reads, and is scoped', () => {
    const snapshots = snapshotRepository(db);
    const expected = buildDeadlines(
      data.persons
        .filter((p) => ours.includes(p.personKey))
        .map((p) => {
          const cert = snapshots.latest(p.personKey, 'certification')?.body ?? null;
          return {
            personKey: p.personKey,
            certificationEnd: cert?.period?.to ?? null,
            applying: cert?.status === '1',
            burdenRatioEnd: snapshots.latest(p.personKey, 'burden-ratio')?.body.period.to ?? null,
            burdenLimitEnd: snapshots.latest(p.personKey, 'burden-limit')?.body.period.to ?? null,
          };
        }),
      { certificateNotAfter: null },
      { year: 2026, month: 11, day: 26 },
    );
    const rows = deadlineRows(db, NOW, null, { servedBy: OFFICE });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map(({ name: _n, ...item }) => item)).toEqual(expected);
    expect(rows.every((r) => r.personKey && ours.includes(r.personKey))).toBe(true);
    expect(deadlineRows(db, NOW, null).length).toBeGreaterThan(rows.length);
  });

  it('a served-list refresh purges persons no office serves any more, keeps those another office serves', () => {
    const keep = data.persons[0]!.personKey; // ours and the other's
    const dropOurs = data.persons[2]!.personKey; // ours only
    const sharedDrop = data.persons[6]!.personKey; // ours and the other's: stays for the other office
    const list = ours
      .filter((k) => k !== dropOurs && k !== sharedDrop)
      .map((k) => ({ personKey: k, viewingDeadline: '2027-05-01' }));
    // Persons cached before any office was recorded (here: neither office's) go too: no office serves them.
    const gone = [dropOurs, ...data.persons.filter((_, i) => i % 2 !== 0 && i % 3 !== 0).map((p) => p.personKey)];
    const snapshotsOf = (keys: string[]) =>
      db.get<{ n: number }>(
        'SELECT count(*) AS n FROM snapshots WHERE person_key IN (SELECT value FROM json_each(?))',
        JSON.stringify(keys),
      )!.n;
    const expectedSnapshots = snapshotsOf(gone);
    expect(replaceServedList(db, OFFICE, list)).toEqual({ snapshots: expectedSnapshots, persons: gone.length });
    expect(snapshotsOf(gone)).toBe(0);
    expect(personsRepository(() => db).get(dropOurs)).toBeNull();
    expect(isServed(db, OFFICE, sharedDrop)).toBe(false);
    expect(isServed(db, OTHER, sharedDrop)).toBe(true);
    expect(personsRepository(() => db).get(sharedDrop)).not.toBeNull();
    expect(isServed(db, OFFICE, keep)).toBe(true);
  });

  it('persons added at the counter survive served-list refreshes and the purge, until the service lists them', () => {
    // One known from the service (cached, served by no office), one only ever seen on paper (no snapshot at all).
    const cached = data.persons[1]!;
    const paperCard = { ...data.persons[0]!.insuredCard, insuredNumber: '0999999990', name: '紙上 花子' };
    const paperOnly = {
      personKey: personKeyOf(paperCard.insurerNumber, paperCard.insuredNumber),
      insuredCard: paperCard,
    };
    expect(personsRepository(() => db).get(paperOnly.personKey)).toBeNull();
    personsRepository(() => db).upsertFromCard(paperOnly.insuredCard, NOW);
    markServedAtCounter(db, OFFICE, cached.personKey);
    markServedAtCounter(db, OFFICE, paperOnly.personKey);
    const scoped = (p: { insuredCard: { insuredNumber: string } }) =>
      searchPersons(db, p.insuredCard.insuredNumber, { servedBy: OFFICE }).rows.map((r) => r.personKey);
    const snapshotCount = () =>
      db.get<{ n: number }>('SELECT count(*) AS n FROM snapshots WHERE person_key = ?', cached.personKey)!.n;
    const snapshotsBefore = snapshotCount();
    const list = ours.map((k) => ({ personKey: k, viewingDeadline: '2027-05-01' }));

    for (let refresh = 0; refresh < 2; refresh++) {
      replaceServedList(db, OFFICE, list);
      purgePastViewingDeadline(db, '2026-11-26');
      for (const p of [cached, paperOnly]) {
        expect(isServed(db, OFFICE, p.personKey)).toBe(true);
        expect(scoped(p)).toEqual([p.personKey]);
      }
      expect(snapshotCount()).toBe(snapshotsBefore);
    }
    // The service lists the person: its 閲覧期限 applies from then on, and a later list without them is the authority.
    replaceServedList(db, OFFICE, [...list, { personKey: cached.personKey, viewingDeadline: '2026-12-31' }]);
    expect(isServed(db, OFFICE, cached.personKey)).toBe(true);
    replaceServedList(db, OFFICE, list);
    expect(isServed(db, OFFICE, cached.personKey)).toBe(false);
    expect(personsRepository(() => db).get(cached.personKey)).toBeNull();
    // A refusal by the service (not served, consent withdrawn) still removes a counter person.
    expect(unservePerson(db, OFFICE, paperOnly.personKey, 'not-served')).toEqual({ snapshots: 0, persons: 1 });
    expect(scoped(paperOnly)).toEqual([]);
  });

  it('a counter person whose own 閲覧期限 (from a later online fetch) has passed goes with the purge', () => {
    const p = data.persons[1]!;
    markServedAtCounter(db, OFFICE, p.personKey);
    markServed(db, OFFICE, p.personKey, '2026-11-25', NOW);
    replaceServedList(db, OFFICE, []);
    expect(isServed(db, OFFICE, p.personKey)).toBe(true);
    purgePastViewingDeadline(db, '2026-11-26');
    expect(isServed(db, OFFICE, p.personKey)).toBe(false);
  });

  it('a refusal unserves the office; consent withdrawal purges for every office', () => {
    const shared = data.persons[0]!.personKey;
    expect(unservePerson(db, OFFICE, shared, 'not-served')).toEqual({ snapshots: 0, persons: 0 });
    expect(isServed(db, OTHER, shared)).toBe(true);
    const counts = unservePerson(db, OTHER, data.persons[3]!.personKey, 'consent-withdrawn');
    expect(counts.persons).toBe(1);
    expect(isServed(db, OTHER, data.persons[3]!.personKey)).toBe(false);
  });

  it('the viewing deadline removes scope rows and data the day after', () => {
    markServed(db, OFFICE, data.persons[4]!.personKey, '2026-11-25', NOW);
    purgePastViewingDeadline(db, '2026-11-26');
    expect(isServed(db, OFFICE, data.persons[4]!.personKey)).toBe(false);
  });

  it('a non-care-manager never gets items beyond the 証 (認定調査票 and 主治医意見書 are care managers only)', () => {
    const items = [{ kind: 'insured-card' }, { kind: 'certification' }, { kind: 'certification-documents' }];
    expect(visibleItems(items, { jobType: 'front-desk' }).map((i) => i.kind)).toEqual([
      'insured-card',
      'certification',
    ]);
    expect(visibleItems(items, { jobType: 'care-manager' })).toHaveLength(3);
  });
});

describe('purge schedule', () => {
  it('runs once at start before reads, then on every tick of the injected timer, never overlapping, until stopped', async () => {
    const ticks: Array<() => void> = [];
    let stopped = false;
    const timer: PurgeTimer = {
      every: (ms, fn) => {
        expect(ms).toBe(6 * 3_600_000);
        ticks.push(fn);
        return () => (stopped = true);
      },
    };
    const calls: string[] = [];
    let release: () => void = () => {};
    const schedule = createPurgeSchedule({
      atStart: async () => void calls.push('start'),
      onTick: () =>
        new Promise<void>((resolve) => {
          calls.push('tick');
          release = resolve;
        }),
      timer,
      onError: () => calls.push('error'),
    });
    await Promise.all([schedule.ensureStarted(), schedule.ensureStarted()]);
    expect(calls).toEqual(['start']);
    expect(ticks).toHaveLength(1);
    ticks[0]!();
    ticks[0]!(); // still running: skipped
    expect(calls).toEqual(['start', 'tick']);
    release();
    await new Promise((r) => setImmediate(r));
    ticks[0]!();
    expect(calls).toEqual(['start', 'tick', 'tick']);
    schedule.stop();
    expect(stopped).toBe(true);
  });

  it('a failing run is reported, and reads still go ahead', async () => {
    const errors: unknown[] = [];
    const schedule = createPurgeSchedule({
      atStart: () => Promise.reject(new Error('store unreadable')),
      onTick: async () => {},
      timer: { every: () => () => {} },
      onError: (e) => errors.push(e),
    });
    await schedule.ensureStarted();
    expect(errors).toHaveLength(1);
  });
});
