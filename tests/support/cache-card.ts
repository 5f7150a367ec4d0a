import type { SqliteDb } from '../../native/sqlite';
import { personsRepository, snapshotRepository, type SnapshotBodies } from '../../electron/services/cache';

/**
 * Puts one person's 被保険者証 into a real cache as a training fetch at `at` would (the snapshot without a validity
 * window, and the persons row search reads).
 */
export function cacheInsuredCard(
  db: SqliteDb,
  person: { personKey: string; card: SnapshotBodies['insured-card'] },
  at: Date,
  viewingDeadline: string | null = null,
): void {
  snapshotRepository(db).putSnapshot({
    personKey: person.personKey,
    kind: 'insured-card',
    fetchedAt: at,
    source: 'training',
    validFrom: null,
    validTo: null,
    viewingDeadline,
    body: person.card,
  });
  personsRepository(() => db).upsertFromCard(person.card, at);
}
