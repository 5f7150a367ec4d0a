// Cached snapshots of records fetched from the service (DESIGN.md §4/§5). Hand-entered paper 証 live in the records
// database, not here.
export {
  snapshotRepository,
  type Snapshot,
  type SnapshotInput,
  type SnapshotRepository,
  type SnapshotSource,
} from './repository';
export { diffBodies, describeChange, type SnapshotChange } from './diff';
export {
  SNAPSHOT_SCHEMAS,
  SNAPSHOT_KINDS,
  parseSnapshotBody,
  insuredCardSchema,
  burdenRatioSchema,
  burdenLimitSchema,
  certificationSchema,
  type SnapshotBodies,
  type SnapshotKind,
} from './schemas';
export * from '../../contract/codes';
export { personKeyOf, personsRepository, type PersonRow, type PersonsRepository } from './persons';
export { searchMode, searchPersons, type SearchMode, type SearchOptions, type SearchResult } from './search';
export { purgePastViewingDeadline, purgePersons, type PurgeCounts } from './purge';
export { purgeUnserved, secureDeleteOn } from './purge';
export { isServed, markServed, markServedAtCounter, replaceServedList, unservePerson, servedBySql } from './served';
export { mayViewCertificationDocuments, visibleItems } from './scope';
export {
  createPurgeSchedule,
  intervalTimer,
  PURGE_INTERVAL_HOURS,
  type PurgeTimer,
  type PurgeSchedule,
} from './purge-schedule';
