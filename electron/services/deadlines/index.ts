export { freshness, type Freshness, type FreshnessInput, type FreshnessResult } from './freshness';
export { buildDeadlines, type DeadlineItem, type DeadlineKind, type TrackerPerson, type Urgency } from './tracker';
