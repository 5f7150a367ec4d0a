import type { SqliteDb } from '../../../native/sqlite';
import { snapshotRepository } from './repository';

// Purge (DESIGN.md §4, issue 7): cached personal data goes when its viewing deadline (閲覧期限) has passed, when the
// person withdraws consent, or when the office no longer serves the person. Runs at start and on a schedule; the
// caller records the counts (never names) in the audit log.
//
// Deleted rows must not survive in the files: `secure_delete` makes SQLite overwrite freed cell content and pages
// with zeros, and a TRUNCATE checkpoint afterwards moves the zeroed pages into the database file and empties the
// WAL, whose older frames would otherwise still hold the deleted rows (tests/unit/purge-bytes.test.ts decrypts the
// pages to prove it).

export interface PurgeCounts {
  snapshots: number;
  persons: number;
}

const NONE: PurgeCounts = { snapshots: 0, persons: 0 };

/** Runs a deleting transaction with secure_delete on, then checkpoints so no WAL frame keeps the old rows. */
function securely(db: SqliteDb, fn: () => PurgeCounts): PurgeCounts {
  db.exec('PRAGMA secure_delete = ON');
  const counts = db.transaction(fn);
  if (counts.snapshots + counts.persons > 0) db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return counts;
}

/** Whether this connection overwrites deleted content (asserted by tests; set by every purge). */
export function secureDeleteOn(db: SqliteDb): boolean {
  return Number(db.get<{ secure_delete: number }>('PRAGMA secure_delete')?.secure_delete) === 1;
}

// A person with no snapshot left is an orphan, unless the counter added them: a person known only from a paper 証
// (records database) has no snapshot, and their lookup row is how 利用者 finds them (cache/served.ts).
const dropOrphans = (db: SqliteDb): number => {
  const persons = db.run(
    `DELETE FROM persons WHERE person_key NOT IN (SELECT DISTINCT person_key FROM snapshots)
       AND person_key NOT IN (SELECT person_key FROM served_persons WHERE at_counter = 1)`,
  ).changes;
  db.run('DELETE FROM served_persons WHERE person_key NOT IN (SELECT person_key FROM persons)');
  return persons;
};

/**
 * Deletes snapshots whose viewing deadline is before `today` (ISO date, Japan time) and scope rows whose grant ran
 * out, then orphaned persons.
 */
export function purgePastViewingDeadline(db: SqliteDb, today: string): PurgeCounts {
  return securely(db, () => {
    const snapshots = snapshotRepository(db).purgeExpired(today);
    db.run('DELETE FROM served_persons WHERE viewing_deadline IS NOT NULL AND viewing_deadline < ?', today);
    return { snapshots, persons: dropOrphans(db) };
  });
}

/** Deletes everything cached about the given persons (consent withdrawn, or no longer served by this office). */
export function purgePersons(db: SqliteDb, personKeys: readonly string[]): PurgeCounts {
  if (personKeys.length === 0) return NONE;
  const keys = JSON.stringify(personKeys);
  return securely(db, () => {
    const counts = {
      snapshots: db.run('DELETE FROM snapshots WHERE person_key IN (SELECT value FROM json_each(?))', keys).changes,
      persons: db.run('DELETE FROM persons WHERE person_key IN (SELECT value FROM json_each(?))', keys).changes,
    };
    db.run('DELETE FROM served_persons WHERE person_key IN (SELECT value FROM json_each(?))', keys);
    return counts;
  });
}

/** Deletes persons that no office on this PC serves any more (after a served-list refresh). */
export function purgeUnserved(db: SqliteDb): PurgeCounts {
  const unserved = 'SELECT person_key FROM persons WHERE person_key NOT IN (SELECT person_key FROM served_persons)';
  return securely(db, () => ({
    snapshots: db.run(`DELETE FROM snapshots WHERE person_key IN (${unserved})`).changes,
    persons: db.run('DELETE FROM persons WHERE person_key NOT IN (SELECT person_key FROM served_persons)').changes,
  }));
}
