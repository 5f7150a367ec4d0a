import type { SqliteDb } from '../../../native/sqlite';
import { snapshotRepository } from './repository';

// Purge (DESIGN.md §4, issue 7): cached personal data goes when its viewing deadline (閲覧期限) has passed, when the
// person withdraws consent, or when the office no longer serves the person. Runs at start and on a schedule; the
// caller records the counts (never names) in the audit log.

export interface PurgeCounts {
  snapshots: number;
  persons: number;
}

/** Deletes snapshots whose viewing deadline is before `today` (ISO date, Japan time), then orphaned persons. */
export function purgePastViewingDeadline(db: SqliteDb, today: string): PurgeCounts {
  return db.transaction(() => {
    const snapshots = snapshotRepository(db).purgeExpired(today);
    const persons = db.run(
      'DELETE FROM persons WHERE person_key NOT IN (SELECT DISTINCT person_key FROM snapshots)',
    ).changes;
    return { snapshots, persons };
  });
}

/** Deletes everything cached about the given persons (consent withdrawn, or no longer served by this office). */
export function purgePersons(db: SqliteDb, personKeys: readonly string[]): PurgeCounts {
  if (personKeys.length === 0) return { snapshots: 0, persons: 0 };
  const keys = JSON.stringify(personKeys);
  return db.transaction(() => ({
    snapshots: db.run('DELETE FROM snapshots WHERE person_key IN (SELECT value FROM json_each(?))', keys).changes,
    persons: db.run('DELETE FROM persons WHERE person_key IN (SELECT value FROM json_each(?))', keys).changes,
  }));
}
