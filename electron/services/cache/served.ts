import type { SqliteDb } from '../../../native/sqlite';
import { purgePersons, purgeUnserved, type PurgeCounts } from './purge';

// The viewing scope (cache migration 2, DESIGN.md §4): which persons each office may view, also offline. An office
// may view a person once it confirmed them online (card check or fetch) and until the service says otherwise (the
// served list, a refusal, or the 閲覧期限). Search, detail, the tracker and the outage lists read only in-scope rows.

const OFFICE_NUMBER = /^[0-9A-Z]{10}$/;

function checkOffice(officeNumber: string): void {
  if (!OFFICE_NUMBER.test(officeNumber)) throw new RangeError('office number must be 10 characters');
}

/**
 * SQL condition: the row's person (`column`) is served by the office given as its one parameter. A correlated EXISTS
 * (one primary-key probe per candidate row), not `IN (SELECT …)`: with IN, SQLite drives the query from the office's
 * whole served list and sorts it, which at 100,000 persons turned a 0.4 ms kana search into 300 ms.
 */
export const servedBySql = (column: string) =>
  `EXISTS (SELECT 1 FROM served_persons sp WHERE sp.office_number = ? AND sp.person_key = ${column})`;

/** Records that `officeNumber` confirmed the person online at `checkedAt` (card check or fetch). */
export function markServed(
  db: SqliteDb,
  officeNumber: string,
  personKey: string,
  viewingDeadline: string | null,
  checkedAt: Date,
): void {
  checkOffice(officeNumber);
  db.run(
    `INSERT INTO served_persons (office_number, person_key, viewing_deadline, last_checked_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (office_number, person_key) DO UPDATE SET
       viewing_deadline = coalesce(excluded.viewing_deadline, viewing_deadline),
       last_checked_at = excluded.last_checked_at`,
    officeNumber,
    personKey,
    viewingDeadline,
    checkedAt.toISOString(),
  );
}

/**
 * A 証 entered by hand at this office's counter (paper, or the counter's declaration kept after a rejected 障害時受付):
 * the person came to this office, so this office serves them and may find them in 利用者 (UX.md rule 6). No viewing
 * deadline is known; a row the service gave keeps its deadline. The mark keeps the person in scope across served-list
 * refreshes, which do not know them yet (replaceServedList), until the service lists them or refuses them.
 */
export function markServedAtCounter(db: SqliteDb, officeNumber: string, personKey: string): void {
  checkOffice(officeNumber);
  db.run(
    `INSERT INTO served_persons (office_number, person_key, viewing_deadline, last_checked_at, at_counter)
     VALUES (?, ?, NULL, NULL, 1)
     ON CONFLICT (office_number, person_key) DO UPDATE SET at_counter = 1`,
    officeNumber,
    personKey,
  );
}

export function isServed(db: SqliteDb, officeNumber: string, personKey: string): boolean {
  return !!db.get(
    'SELECT 1 AS x FROM served_persons WHERE office_number = ? AND person_key = ?',
    officeNumber,
    personKey,
  );
}

/**
 * The service's current list of persons this office serves replaces the stored one, except persons the counter added
 * that the list does not name yet: they stay (markServedAtCounter). A person the list names is the service's from
 * then on (its 閲覧期限, and a later list without them ends the scope). Persons no office serves any more are purged
 * (their snapshots and lookup row). Returns what was purged.
 */
export function replaceServedList(
  db: SqliteDb,
  officeNumber: string,
  persons: ReadonlyArray<{ personKey: string; viewingDeadline: string }>,
): PurgeCounts {
  checkOffice(officeNumber);
  db.transaction(() => {
    db.run(
      `DELETE FROM served_persons WHERE office_number = ? AND at_counter = 0
         AND person_key NOT IN (SELECT json_extract(value, '$.personKey') FROM json_each(?))`,
      officeNumber,
      JSON.stringify(persons),
    );
    db.run(
      `INSERT INTO served_persons (office_number, person_key, viewing_deadline)
       SELECT ?, json_extract(value, '$.personKey'), json_extract(value, '$.viewingDeadline') FROM json_each(?)
       WHERE json_extract(value, '$.personKey') IN (SELECT person_key FROM persons)
       ON CONFLICT (office_number, person_key) DO UPDATE SET viewing_deadline = excluded.viewing_deadline, at_counter = 0`,
      officeNumber,
      JSON.stringify(persons),
    );
  });
  return purgeUnserved(db);
}

/**
 * The service refused this office the person (not served, 閲覧期限 passed): the office's row goes, and the person's
 * data with it unless another office on this PC still serves them. Consent withdrawal purges for every office.
 */
export function unservePerson(
  db: SqliteDb,
  officeNumber: string,
  personKey: string,
  reason: 'not-served' | 'consent-withdrawn',
): PurgeCounts {
  checkOffice(officeNumber);
  if (reason === 'consent-withdrawn') return purgePersons(db, [personKey]);
  db.run('DELETE FROM served_persons WHERE office_number = ? AND person_key = ?', officeNumber, personKey);
  const stillServed = db.get('SELECT 1 AS x FROM served_persons WHERE person_key = ?', personKey);
  return stillServed ? { snapshots: 0, persons: 0 } : purgePersons(db, [personKey]);
}
