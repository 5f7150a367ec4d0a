import type { SqliteDb } from '../../../native/sqlite';
import type { DeadlineRow } from '../../contract/persons';
import { toJapanTime } from '../../contract/time';
import { servedBySql } from '../cache';
import { buildDeadlines, type TrackerPerson } from '../deadlines';

// 期限管理 over everything cached for this office (UX.md rule 11). One query for all persons: the newest snapshot
// of each tracked kind per person (window over the `snapshots_latest` index order), pivoted to one row per person,
// so 10,000 persons cost one statement rather than three lookups each. End dates come from the `valid_to` column
// (the kiban client stores each record's period end there), so only the certification's status needs its JSON.

interface PivotRow {
  person_key: string;
  name: string;
  certification_end: string | null;
  certification_status: string | null;
  burden_ratio_end: string | null;
  burden_limit_end: string | null;
}

const TRACKED = `
  WITH latest AS (
    SELECT id, person_key, kind, valid_to,
           row_number() OVER (PARTITION BY person_key, kind ORDER BY fetched_at DESC, id DESC) AS rn
    FROM snapshots WHERE kind IN ('certification', 'burden-ratio', 'burden-limit')
  )
  SELECT p.person_key, p.name,
    max(CASE WHEN l.kind = 'certification' THEN l.valid_to END) AS certification_end,
    max(CASE WHEN l.kind = 'certification'
             THEN (SELECT json_extract(s.body, '$.status') FROM snapshots s WHERE s.id = l.id) END) AS certification_status,
    max(CASE WHEN l.kind = 'burden-ratio' THEN l.valid_to END) AS burden_ratio_end,
    max(CASE WHEN l.kind = 'burden-limit' THEN l.valid_to END) AS burden_limit_end
  FROM latest l JOIN persons p ON p.person_key = l.person_key
  WHERE l.rn = 1`;

export interface DeadlineOptions {
  /** The office whose viewing scope applies (cache/served.ts); undefined = every cached person. */
  servedBy?: string;
}

export function deadlineRows(
  cache: SqliteDb,
  now: Date,
  certificateNotAfter: string | null,
  options: DeadlineOptions = {},
): DeadlineRow[] {
  const scoped = options.servedBy !== undefined;
  const rows = cache.all<PivotRow>(
    `${TRACKED}${scoped ? ` AND ${servedBySql('p.person_key')}` : ''} GROUP BY p.person_key`,
    ...(scoped ? [options.servedBy!] : []),
  );
  const names = new Map(rows.map((r) => [r.person_key, r.name]));
  const tracked: TrackerPerson[] = rows.map((r) => ({
    personKey: r.person_key,
    certificationEnd: r.certification_end,
    applying: r.certification_status === '1',
    burdenRatioEnd: r.burden_ratio_end,
    burdenLimitEnd: r.burden_limit_end,
  }));
  return buildDeadlines(tracked, { certificateNotAfter }, toJapanTime(now)).map((item) => ({
    ...item,
    name: item.personKey ? (names.get(item.personKey) ?? null) : null,
  }));
}
