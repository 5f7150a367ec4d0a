export { CHECK_PHASES, checkTimings, type CheckPhase, type CheckTimings, type PhaseStats } from './check-timings';
