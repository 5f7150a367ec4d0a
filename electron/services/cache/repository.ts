import type { SqliteDb } from '../../../native/sqlite';
import { KaigoError } from '../errors';
import { diffBodies, type SnapshotChange } from './diff';
import { parseSnapshotBody, SNAPSHOT_KINDS, type SnapshotBodies, type SnapshotKind } from './schemas';

// The typed repository over the cache database's `snapshots` table (cache migration 1). The rest of the app
// never writes SQL: it puts validated snapshots and reads the latest one or the history per person and kind.

export type SnapshotSource = 'api' | 'training';

export interface SnapshotInput<K extends SnapshotKind = SnapshotKind> {
  /** The person's key in the cache (see cache migration 1). */
  personKey: string;
  kind: K;
  /** When it was fetched (instant). */
  fetchedAt: Date;
  source: SnapshotSource;
  /** Valid period of the record (ISO calendar dates), when it has one. */
  validFrom: string | null;
  validTo: string | null;
  /** 閲覧期限: after this day the snapshot must be purged (DESIGN.md §4). */
  viewingDeadline: string | null;
  body: unknown;
}

export interface Snapshot<K extends SnapshotKind = SnapshotKind> {
  id: number;
  personKey: string;
  kind: K;
  fetchedAt: string;
  source: SnapshotSource;
  validFrom: string | null;
  validTo: string | null;
  viewingDeadline: string | null;
  body: SnapshotBodies[K];
}

export interface SnapshotRepository {
  /** Validates and stores one snapshot; returns its id. Throws KaigoError('SNAPSHOT_INVALID'). */
  putSnapshot<K extends SnapshotKind>(input: SnapshotInput<K>): number;
  /** Validates all, then stores all in one transaction (none stored when one is invalid). */
  putSnapshots(inputs: SnapshotInput[]): number[];
  /** The newest snapshot (by fetch time, then insertion) for a person and kind, or null. */
  latest<K extends SnapshotKind>(personKey: string, kind: K): Snapshot<K> | null;
  /** All snapshots for a person and kind, newest first. */
  history<K extends SnapshotKind>(personKey: string, kind: K): Snapshot<K>[];
  /** The newest snapshot of each kind for a person (the person view). */
  latestByKind(personKey: string): Partial<{ [K in SnapshotKind]: Snapshot<K> }>;
  /**
   * Deletes snapshots whose 閲覧期限 has passed (viewing_deadline before `today`, an ISO Japan calendar date;
   * DESIGN.md §4). Returns how many were deleted, for the 'purge' audit row (a count, never a list).
   */
  purgeExpired(today: string): number;
  /** Changes from the older to the newer snapshot (same kind). */
  diff<K extends SnapshotKind>(older: Snapshot<K>, newer: Snapshot<K>): SnapshotChange[];
}

interface DbRow {
  id: number;
  person_key: string;
  kind: string;
  fetched_at: string;
  source: string;
  valid_from: string | null;
  valid_to: string | null;
  viewing_deadline: string | null;
  body: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERSON_KEY = /^[0-9A-Za-z:_-]{1,80}$/;

interface Checked {
  personKey: string;
  kind: SnapshotKind;
  fetchedAt: string;
  source: SnapshotSource;
  validFrom: string | null;
  validTo: string | null;
  viewingDeadline: string | null;
  body: string;
}

/** Validates an input at the boundary; the detail names the field only, never a value. */
function check(input: SnapshotInput): Checked {
  const invalid = (field: string) => new KaigoError('SNAPSHOT_INVALID', `field ${field}`);
  if (typeof input.personKey !== 'string' || !PERSON_KEY.test(input.personKey)) throw invalid('personKey');
  if (!SNAPSHOT_KINDS.includes(input.kind)) throw invalid('kind');
  if (!(input.fetchedAt instanceof Date) || Number.isNaN(input.fetchedAt.getTime())) throw invalid('fetchedAt');
  if (input.source !== 'api' && input.source !== 'training') throw invalid('source');
  for (const field of ['validFrom', 'validTo', 'viewingDeadline'] as const) {
    const v = input[field];
    if (v !== null && (typeof v !== 'string' || !ISO_DATE.test(v))) throw invalid(field);
  }
  const body = parseSnapshotBody(input.kind, input.body);
  if (!body) throw invalid('body');
  return {
    personKey: input.personKey,
    kind: input.kind,
    fetchedAt: input.fetchedAt.toISOString(),
    source: input.source,
    validFrom: input.validFrom,
    validTo: input.validTo,
    viewingDeadline: input.viewingDeadline,
    body: JSON.stringify(body),
  };
}

function toSnapshot<K extends SnapshotKind>(r: DbRow): Snapshot<K> {
  return {
    id: r.id,
    personKey: r.person_key,
    kind: r.kind as K,
    fetchedAt: r.fetched_at,
    source: r.source as SnapshotSource,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    viewingDeadline: r.viewing_deadline,
    body: JSON.parse(r.body) as SnapshotBodies[K],
  };
}

const SELECT = `SELECT id, person_key, kind, fetched_at, source, valid_from, valid_to, viewing_deadline, body
  FROM snapshots WHERE person_key = ? AND kind = ? ORDER BY fetched_at DESC, id DESC`;

export function snapshotRepository(db: SqliteDb): SnapshotRepository {
  const insert = (c: Checked): number =>
    Number(
      db.run(
        `INSERT INTO snapshots (person_key, kind, fetched_at, source, valid_from, valid_to, viewing_deadline, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        c.personKey,
        c.kind,
        c.fetchedAt,
        c.source,
        c.validFrom,
        c.validTo,
        c.viewingDeadline,
        c.body,
      ).lastInsertRowid,
    );

  return {
    putSnapshot: (input) => insert(check(input)),
    putSnapshots(inputs) {
      const checked = inputs.map(check);
      // Insert in person-key order (stable, so a later input still gets the higher id): the `snapshots_latest`
      // index then grows at few places instead of all over the B-tree, which roughly doubles sync throughput.
      const order = checked
        .map((_, i) => i)
        .sort((a, b) =>
          checked[a]!.personKey < checked[b]!.personKey
            ? -1
            : checked[a]!.personKey > checked[b]!.personKey
              ? 1
              : a - b,
        );
      const ids = new Array<number>(checked.length);
      db.transaction(() => {
        for (const i of order) ids[i] = insert(checked[i]!);
      });
      return ids;
    },
    latest<K extends SnapshotKind>(personKey: string, kind: K) {
      const r = db.get<DbRow>(`${SELECT} LIMIT 1`, personKey, kind);
      return r ? toSnapshot<K>(r) : null;
    },
    history<K extends SnapshotKind>(personKey: string, kind: K) {
      return db.all<DbRow>(SELECT, personKey, kind).map((r) => toSnapshot<K>(r));
    },
    latestByKind(personKey) {
      const result: Partial<{ [K in SnapshotKind]: Snapshot<K> }> = {};
      for (const kind of SNAPSHOT_KINDS) {
        const r = db.get<DbRow>(`${SELECT} LIMIT 1`, personKey, kind);
        if (r) (result as Record<string, Snapshot>)[kind] = toSnapshot(r);
      }
      return result;
    },
    purgeExpired(today) {
      if (!ISO_DATE.test(today)) throw new RangeError('today must be YYYY-MM-DD');
      return db.run('DELETE FROM snapshots WHERE viewing_deadline IS NOT NULL AND viewing_deadline < ?', today).changes;
    },
    diff(older, newer) {
      if (older.kind !== newer.kind) throw new RangeError('diff of snapshots of different kinds');
      return diffBodies(older.kind, older.body, newer.body);
    },
  };
}
