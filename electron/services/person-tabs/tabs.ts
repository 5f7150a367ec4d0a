import type { SqliteDb } from '../../../native/sqlite';
import { snapshotRepository, type Snapshot, type SnapshotBodies, type SnapshotSource } from '../cache';
import type { KibanClient } from '../kiban';

// The person tabs (issue 6): fetch from the service, store as a snapshot of its kind (one row, validated whole, so a
// bad answer leaves the cache as it was), or read the newest cached one when the service cannot be asked.

export type TabKind = 'progress' | 'allowances' | 'certification-documents';

export interface TabOptions {
  cache: SqliteDb;
  client: Pick<KibanClient, 'fetchProgress' | 'fetchAllowances' | 'fetchCertificationDocuments'>;
  source: SnapshotSource;
  clock: () => Date;
}

async function fetchBody<K extends TabKind>(
  client: TabOptions['client'],
  kind: K,
  personKey: string,
): Promise<SnapshotBodies[K]> {
  if (kind === 'progress') return { application: await client.fetchProgress(personKey) } as SnapshotBodies[K];
  if (kind === 'allowances') return (await client.fetchAllowances(personKey)) as SnapshotBodies[K];
  return (await client.fetchCertificationDocuments(personKey)) as SnapshotBodies[K];
}

/** Asks the service and caches the answer; the service's refusals (KaigoError) pass through untouched. */
export async function refreshTab<K extends TabKind>(
  options: TabOptions,
  kind: K,
  personKey: string,
): Promise<Snapshot<K>> {
  const body = await fetchBody(options.client, kind, personKey);
  const snapshots = snapshotRepository(options.cache);
  // Same grant, same 閲覧期限 as the 証 fetched with the card check: the purge removes them together.
  const viewingDeadline = snapshots.latest(personKey, 'insured-card')?.viewingDeadline ?? null;
  snapshots.putSnapshot({
    personKey,
    kind,
    fetchedAt: options.clock(),
    source: options.source,
    validFrom: null,
    validTo: null,
    viewingDeadline,
    body,
  });
  return snapshots.latest(personKey, kind)!;
}

/** The newest cached answer, or null. */
export function cachedTab<K extends TabKind>(cache: SqliteDb, kind: K, personKey: string): Snapshot<K> | null {
  return snapshotRepository(cache).latest(personKey, kind);
}
