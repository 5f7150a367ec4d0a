// Update policy (issue 9): feed from the configuration, restart guard, activity tracking, electron-updater driver.
export { updateFeed, type GenericFeed } from './feed';
export { mayRestartForUpdate, type BusyState, type RestartBlocker, type RestartDecision } from './restart-guard';
export { createActivityTracker, outboxSendingProbe, CARD_CHECK_IDLE_MS, type ActivityTracker } from './activity';
export { createUpdatePolicy, RETRY_MS, type UpdatePolicy, type UpdatePolicyOptions, type UpdaterPort } from './policy';
export { startUpdates } from './start';
