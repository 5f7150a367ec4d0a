import type { SqliteDb } from '../../../native/sqlite';
import { KaigoError } from '../errors';

/**
 * One numbered schema step. `version` is the `PRAGMA user_version` after it ran; versions are 1, 2, 3… with no gaps.
 * `up` runs inside a transaction together with the version bump, so a crash leaves the step either done or not.
 * Never edit a shipped migration: add the next number.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: SqliteDb): void;
}

export interface MigrateResult {
  from: number;
  to: number;
}

/** Checks that a list is numbered 1..n without gaps (a programming error otherwise). */
export function checkMigrationList(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}`);
  });
}

/**
 * Brings `db` to the newest version of `list` (or to `target`, used by migration tests to build the schema at N−1).
 * A database newer than the list is refused with STORE_NEWER_VERSION and left untouched.
 */
export function migrate(db: SqliteDb, list: readonly Migration[], target = list.length): MigrateResult {
  checkMigrationList(list);
  const from = db.userVersion();
  if (from > list.length) throw new KaigoError('STORE_NEWER_VERSION', `user_version ${from} > ${list.length}`);
  for (const m of list.slice(from, target)) {
    db.transaction(() => {
      m.up(db);
      db.setUserVersion(m.version);
    });
  }
  return { from, to: Math.max(from, target) };
}
