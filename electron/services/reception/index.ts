export { receptionRecords, RECHECK_JOB_KIND, type ReceptionRecords } from './records';
export { rerunReception } from './recheck';
export { counterCard, receptionDifferences } from './differences';
