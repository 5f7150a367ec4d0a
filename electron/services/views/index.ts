// Read models for the screens, built from the cache so they work online and offline alike.
export { personDetail, personDetailForState, toEligibilityResult } from './person-detail';
export { deadlineRows } from './deadlines';
