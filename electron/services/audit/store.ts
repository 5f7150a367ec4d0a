import type { AuditRow } from './types';

/** Time range of an export, as ISO instants: from inclusive, to exclusive. */
export interface TimeRange {
  fromIso?: string;
  toIso?: string;
}

/** Where rows live (the records database in the app, a plain array in unit tests). */
export interface AuditRowStore {
  /** Runs fn in one transaction. */
  transaction<T>(fn: () => T): T;
  /** The row with the highest seq, or null. */
  last(): AuditRow | null;
  /** The row with this seq, or null. */
  at(seq: number): AuditRow | null;
  /** Inserts a row (its seq is chosen by the caller). */
  insert(row: AuditRow): void;
  /** Rows in ascending seq order, optionally limited to a time range. */
  rows(range?: TimeRange): Iterable<AuditRow>;
  /** The highest seq ever handed out in this file, even if rows were deleted; null when the store cannot tell. */
  highWater(): number | null;
}
