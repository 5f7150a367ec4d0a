import type { SqliteDb } from '../../../native/sqlite';
import type { DeadlineRow } from '../../contract/persons';
import { toJapanTime } from '../../contract/time';
import { snapshotRepository } from '../cache';
import { buildDeadlines, type TrackerPerson } from '../deadlines';

// 期限管理 over everything cached for this office (UX.md rule 11).
export function deadlineRows(cache: SqliteDb, now: Date, certificateNotAfter: string | null): DeadlineRow[] {
  const snapshots = snapshotRepository(cache);
  const people = cache.all<{ person_key: string; name: string }>('SELECT person_key, name FROM persons');
  const names = new Map(people.map((p) => [p.person_key, p.name]));
  const tracked: TrackerPerson[] = people.map(({ person_key: personKey }) => {
    const certification = snapshots.latest(personKey, 'certification')?.body ?? null;
    return {
      personKey,
      certificationEnd: certification?.period?.to ?? null,
      applying: certification?.status === '1',
      burdenRatioEnd: snapshots.latest(personKey, 'burden-ratio')?.body.period.to ?? null,
      burdenLimitEnd: snapshots.latest(personKey, 'burden-limit')?.body.period.to ?? null,
    };
  });
  return buildDeadlines(tracked, { certificateNotAfter }, toJapanTime(now)).map((item) => ({
    ...item,
    name: item.personKey ? (names.get(item.personKey) ?? null) : null,
  }));
}
