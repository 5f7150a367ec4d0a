export { receptionRecords, RECHECK_JOB_KIND, type ReceptionRecords } from './records';
export { rerunReception } from './recheck';
export { receptionDifferences } from './differences';
