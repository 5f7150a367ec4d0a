// The encrypted local databases (DESIGN.md §4): `cache` (rebuildable copy of fetched data) and `records` (outbox,
// audit log, paper 証, notes — never silently rebuilt), keyed from the vault, with numbered migrations.
// Repositories (services/cache, services/audit, …) take a SqliteDb from here and own their SQL.
export { openStore, DATABASE_FILES, type DatabaseName, type Store, type StoreOptions } from './store';
export { migrate, checkMigrationList, type Migration, type MigrateResult } from './migration';
export { CACHE_MIGRATIONS } from './migrations/cache';
export { RECORDS_MIGRATIONS } from './migrations/records';
export type { SqliteDb, Statement, RunResult, SqlParams, SqlValue } from '../../../native/sqlite';
