// Outage lists (issue 7): today's visitors, certifications ending this month and 負担割合 changes, from the cache and
// within the office's viewing scope, with CSV for Excel. Works offline: nothing here talks to the service.
export {
  outageList,
  outageLists,
  todayVisitors,
  certificationsEnding,
  burdenRatioChanges,
  type OutageListOptions,
} from './lists';
export { outageListCsv, outageListFileName } from './csv';
export { carePlanVisits, noPlannedVisits, type PlannedVisit, type PlannedVisitSource } from './planned-visits';
