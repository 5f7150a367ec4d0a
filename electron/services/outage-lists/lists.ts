import type { SqliteDb } from '../../../native/sqlite';
import type { OutageList, OutageListId, OutageRow } from '../../contract/lists';
import { BURDEN_RATIO_LABELS, CARE_LEVEL_LABELS, CERTIFICATION_STATUS_LABELS } from '../../contract/codes';
import { isoDate, toJapanTime } from '../../contract/time';
import { servedBySql } from '../cache';
import { addDays, japanDayInstants, monthBounds } from './dates';
import { noPlannedVisits, type PlannedVisitSource } from './planned-visits';

// The three outage lists (issue 7), each one SQL statement over the cache, limited to the persons the office serves
// (cache/served.ts) so they read the same online and offline. 時点 = the newest 最終確認 among the rows.

export interface OutageListOptions {
  /** The office whose persons are listed (its viewing scope). */
  officeNumber: string;
  now: Date;
  planned?: PlannedVisitSource;
}

/** A 負担割合 change shows for this long after it was fetched. */
const CHANGE_WINDOW_DAYS = 92;
/** A 負担割合証 ending within this many days (the 7/31 → 8/1 boundary) shows as an upcoming change. */
const BOUNDARY_WINDOW_DAYS = 31;

const TITLES: Record<OutageListId, { title: string; dateLabel: string; detailLabel: string }> = {
  'today-visitors': { title: '本日の来所・訪問予定', dateLabel: '確認・予定時刻', detailLabel: '内容' },
  'certifications-ending': {
    title: '今月で認定有効期間が終わる利用者',
    dateLabel: '有効期間の終了日',
    detailLabel: '認定',
  },
  'burden-ratio-changes': { title: '負担割合の変更・切り替え', dateLabel: '適用日', detailLabel: '負担割合' },
};

interface PersonCols {
  person_key: string;
  name: string;
  name_kana: string;
  insured_number: string;
}

const PERSON = 'p.person_key, p.name, p.name_kana, p.insured_number';
const SCOPE = servedBySql('p.person_key');
/** The person's newest confirmation of any kind (最終確認) and its source. */
const LAST_CONFIRMED = `(SELECT max(x.fetched_at) FROM snapshots x WHERE x.person_key = p.person_key)`;
const LAST_SOURCE = `(SELECT x.source FROM snapshots x WHERE x.person_key = p.person_key
                      ORDER BY x.fetched_at DESC, x.id DESC LIMIT 1)`;

const ratioLabel = (code: string | null) =>
  code && Object.hasOwn(BURDEN_RATIO_LABELS, code)
    ? BURDEN_RATIO_LABELS[code as keyof typeof BURDEN_RATIO_LABELS]
    : '記載なし';

function row(p: PersonCols, fields: Omit<OutageRow, 'personKey' | 'name' | 'nameKana' | 'insuredNumber'>): OutageRow {
  return { personKey: p.person_key, name: p.name, nameKana: p.name_kana, insuredNumber: p.insured_number, ...fields };
}

function list(id: OutageListId, rows: OutageRow[]): OutageList {
  const asOf = rows.reduce<string | null>(
    (max, r) => (r.confirmedAt && (!max || r.confirmedAt > max) ? r.confirmedAt : max),
    null,
  );
  return { id, ...TITLES[id], asOf, total: rows.length, rows };
}

const asSource = (s: string | null): OutageRow['source'] => (s === 'api' ? 'api' : 'training');

/** Today's card checks and online confirmations at this office, plus today's 第6表 予定 when a source has them. */
export function todayVisitors(cache: SqliteDb, options: OutageListOptions): OutageList {
  const today = toJapanTime(options.now);
  const { from, to } = japanDayInstants(today);
  const checked = cache.all<PersonCols & { checked_at: string; confirmed_at: string | null; source: string | null }>(
    `SELECT ${PERSON}, s.last_checked_at AS checked_at, ${LAST_CONFIRMED} AS confirmed_at, ${LAST_SOURCE} AS source
     FROM served_persons s JOIN persons p ON p.person_key = s.person_key
     WHERE s.office_number = ? AND s.last_checked_at >= ? AND s.last_checked_at < ?
     ORDER BY s.last_checked_at, p.kana_key`,
    options.officeNumber,
    from,
    to,
  );
  const rows = checked.map((p) =>
    row(p, {
      date: p.checked_at,
      detail: 'カード・オンライン確認',
      confirmedAt: p.confirmed_at,
      source: asSource(p.source),
    }),
  );
  const seen = new Set(rows.map((r) => r.personKey));
  const planned = (options.planned ?? noPlannedVisits).plannedOn(options.officeNumber, isoDate(today));
  const pending = planned.filter((v) => !seen.has(v.personKey));
  if (pending.length > 0) {
    const persons = cache.all<PersonCols & { person_key: string; confirmed_at: string | null }>(
      `SELECT ${PERSON}, ${LAST_CONFIRMED} AS confirmed_at FROM persons p
       WHERE p.person_key IN (SELECT value FROM json_each(?)) AND ${SCOPE}`,
      JSON.stringify(pending.map((v) => v.personKey)),
      options.officeNumber,
    );
    const byKey = new Map(persons.map((p) => [p.person_key, p]));
    for (const visit of pending) {
      const p = byKey.get(visit.personKey);
      if (!p) continue; // not cached or not in this office's scope: nothing to show offline
      rows.push(
        row(p, {
          date: visit.time,
          detail: '第6表 予定（未確認）',
          confirmedAt: p.confirmed_at,
          source: 'planned',
        }),
      );
    }
  }
  return list('today-visitors', rows);
}

/** Persons whose latest certification period ends in this Japan calendar month. */
export function certificationsEnding(cache: SqliteDb, options: OutageListOptions): OutageList {
  const { first, last } = monthBounds(toJapanTime(options.now));
  const found = cache.all<
    PersonCols & {
      end_date: string;
      care_level: string | null;
      status: string | null;
      fetched_at: string;
      source: string;
    }
  >(
    `WITH latest AS (
       SELECT person_key, fetched_at, source, body,
              row_number() OVER (PARTITION BY person_key ORDER BY fetched_at DESC, id DESC) AS rn
       FROM snapshots WHERE kind = 'certification'
     )
     SELECT ${PERSON}, json_extract(l.body, '$.period.to') AS end_date, json_extract(l.body, '$.careLevel') AS care_level,
            json_extract(l.body, '$.status') AS status, l.fetched_at, l.source
     FROM latest l JOIN persons p ON p.person_key = l.person_key
     WHERE l.rn = 1 AND end_date >= ? AND end_date <= ? AND ${SCOPE}
     ORDER BY end_date, p.kana_key`,
    first,
    last,
    options.officeNumber,
  );
  return list(
    'certifications-ending',
    found.map((p) => {
      const level = p.care_level
        ? (CARE_LEVEL_LABELS[p.care_level as keyof typeof CARE_LEVEL_LABELS] ?? p.care_level)
        : '区分なし';
      const status = p.status
        ? (CERTIFICATION_STATUS_LABELS[p.status as keyof typeof CERTIFICATION_STATUS_LABELS] ?? p.status)
        : '';
      return row(p, {
        date: p.end_date,
        detail: status ? `${level}・${status}` : level,
        confirmedAt: p.fetched_at,
        source: asSource(p.source),
      });
    }),
  );
}

/**
 * 負担割合 changes: a cached change between the two newest 負担割合証 (fetched within the last ~3 months), or a 証
 * whose period ends within a month or has ended (the 8/1 boundary: the ratio from the next day may differ).
 */
export function burdenRatioChanges(cache: SqliteDb, options: OutageListOptions): OutageList {
  const today = isoDate(toJapanTime(options.now));
  const changedSince = new Date(options.now.getTime() - CHANGE_WINDOW_DAYS * 86_400_000).toISOString();
  const found = cache.all<
    PersonCols & {
      ratio: string;
      before_ratio: string | null;
      period_from: string;
      period_to: string;
      fetched_at: string;
      source: string;
    }
  >(
    `WITH ranked AS (
       SELECT person_key, fetched_at, source, json_extract(body, '$.ratio') AS ratio,
              json_extract(body, '$.period.from') AS period_from, json_extract(body, '$.period.to') AS period_to,
              row_number() OVER (PARTITION BY person_key ORDER BY fetched_at DESC, id DESC) AS rn
       FROM snapshots WHERE kind = 'burden-ratio'
     )
     SELECT ${PERSON}, n.ratio, o.ratio AS before_ratio, n.period_from, n.period_to, n.fetched_at, n.source
     FROM ranked n JOIN persons p ON p.person_key = n.person_key
     LEFT JOIN ranked o ON o.person_key = n.person_key AND o.rn = 2
     WHERE n.rn = 1 AND ${SCOPE}
       AND ((o.ratio IS NOT NULL AND o.ratio <> n.ratio AND n.fetched_at >= ?) OR n.period_to <= ?)
     ORDER BY p.kana_key, p.person_key`,
    options.officeNumber,
    changedSince,
    addDays(today, BOUNDARY_WINDOW_DAYS),
  );
  return list(
    'burden-ratio-changes',
    found.map((p) => {
      const changed = p.before_ratio !== null && p.before_ratio !== p.ratio && p.fetched_at >= changedSince;
      return row(p, {
        date: changed ? p.period_from : addDays(p.period_to, 1),
        detail: changed
          ? `${ratioLabel(p.before_ratio)} → ${ratioLabel(p.ratio)}`
          : `${ratioLabel(p.ratio)}（${p.period_to}まで）→ 新しい負担割合証を確認`,
        confirmedAt: p.fetched_at,
        source: asSource(p.source),
      });
    }),
  );
}

const BUILDERS: Record<OutageListId, (cache: SqliteDb, options: OutageListOptions) => OutageList> = {
  'today-visitors': todayVisitors,
  'certifications-ending': certificationsEnding,
  'burden-ratio-changes': burdenRatioChanges,
};

export function outageList(cache: SqliteDb, id: OutageListId, options: OutageListOptions): OutageList {
  return BUILDERS[id](cache, options);
}

export function outageLists(cache: SqliteDb, options: OutageListOptions): OutageList[] {
  return (Object.keys(BUILDERS) as OutageListId[]).map((id) => BUILDERS[id](cache, options));
}
