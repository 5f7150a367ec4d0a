import { z } from 'zod';
import { KaigoError } from '../errors';
import type { SqliteDb, SqlValue } from '../store';

// What a records file holds once opened: every table of the records database (outbox, paper 証, notes, timings and
// whatever later migrations add) row by row, and the audit rows in chain order. Generic over tables on purpose, so a
// table added by another feature moves with the rest; the schema version must match on both PCs.

export const SNAPSHOT_FORMAT = 'kaigo-desk-records';
const AUDIT_TABLE = 'audit_log';

/** A cell as stored in JSON: BLOBs become { b64 }. */
type Cell = string | number | null | { b64: string };

const CellSchema = z.union([z.string(), z.number(), z.null(), z.strictObject({ b64: z.string() })]);

const AuditRowSchema = z.strictObject({
  time: z.string().max(40),
  staffId: z.string().max(64),
  action: z.string().max(40),
  subject: z.string().max(300).nullable(),
  detail: z.string().max(2000).nullable(),
});
export type SnapshotAuditRow = z.infer<typeof AuditRowSchema>;

export const SnapshotSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().min(1),
  tables: z.record(
    z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
    z.strictObject({
      columns: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/)).min(1),
      rows: z.array(z.array(CellSchema)),
    }),
  ),
  audit: z.array(AuditRowSchema),
});
export type RecordsSnapshot = z.infer<typeof SnapshotSchema>;

const toCell = (value: unknown): Cell => {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { b64: Buffer.from(value).toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  return value as string | number | null;
};
const fromCell = (cell: Cell): SqlValue =>
  cell !== null && typeof cell === 'object' ? Buffer.from(cell.b64, 'base64') : cell;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Ordinary tables of the database (no SQLite internals, no virtual tables or their shadow tables), by name. */
export function dataTables(db: SqliteDb): string[] {
  const rows = db.all<{ name: string; sql: string | null }>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const virtual = rows.filter((r) => /^CREATE\s+VIRTUAL/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((n) => n !== AUDIT_TABLE && !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
}

export function tableColumns(db: SqliteDb, table: string): string[] {
  return db.all<{ name: string }>(`PRAGMA table_info(${quote(table)})`).map((r) => r.name);
}

/** Reads every data table (call inside a transaction for a consistent copy). */
export function readTables(db: SqliteDb): RecordsSnapshot['tables'] {
  const tables: RecordsSnapshot['tables'] = {};
  for (const table of dataTables(db)) {
    const columns = tableColumns(db, table);
    const rows = db
      .all<Record<string, unknown>>(`SELECT * FROM ${quote(table)} ORDER BY rowid`)
      .map((row) => columns.map((c) => toCell(row[c])));
    tables[table] = { columns, rows };
  }
  return tables;
}

/**
 * Writes the tables into an empty database of the same schema (call inside the import transaction). Refuses a
 * table this database does not have or has with other columns (RECORDS_VERSION_MISMATCH), and any table that already
 * has rows (RECORDS_TARGET_NOT_EMPTY).
 */
export function writeTables(db: SqliteDb, tables: RecordsSnapshot['tables']): Record<string, number> {
  const present = new Set(dataTables(db));
  for (const [table, data] of Object.entries(tables)) {
    const columns = present.has(table) ? tableColumns(db, table) : [];
    if (columns.length !== data.columns.length || !data.columns.every((c) => columns.includes(c))) {
      throw new KaigoError('RECORDS_VERSION_MISMATCH', 'table-shape');
    }
    if (db.get(`SELECT 1 AS one FROM ${quote(table)} LIMIT 1`) !== undefined) {
      throw new KaigoError('RECORDS_TARGET_NOT_EMPTY', 'table-has-rows');
    }
  }
  const counts: Record<string, number> = {};
  for (const [table, data] of Object.entries(tables)) {
    const insert = db.prepare(
      `INSERT INTO ${quote(table)} (${data.columns.map(quote).join(', ')}) VALUES (${data.columns.map(() => '?').join(', ')})`,
    );
    for (const row of data.rows) {
      if (row.length !== data.columns.length) throw new KaigoError('RECORDS_FILE_FORMAT', 'row-shape');
      insert.run(...row.map(fromCell));
    }
    counts[table] = data.rows.length;
  }
  return counts;
}
