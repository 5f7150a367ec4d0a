import type { Logger } from '../log';
import type { ActivityTracker } from './activity';
import type { GenericFeed } from './feed';
import { createUpdatePolicy, type UpdatePolicy, type UpdaterPort } from './policy';

/**
 * Starts the update policy when there is both a feed (configuration `updates`) and an updater (electron-updater in
 * the packaged app); a restart deferred by a card check or a send is retried as soon as such a call ends
 * (and otherwise every RETRY_MS).
 */
export function startUpdates(options: {
  feed: GenericFeed | null;
  updater: UpdaterPort | null;
  activity: ActivityTracker;
  log: Logger;
}): UpdatePolicy | null {
  const { feed, updater, activity, log } = options;
  if (!feed || !updater) {
    log.info('update.off', { reason: feed ? 'no-updater' : 'no-feed' });
    return null;
  }
  const policy = createUpdatePolicy({ feed, updater, busy: activity.state, log });
  activity.onSettled(() => {
    if (policy.pending()) policy.retry();
  });
  void policy.start();
  return policy;
}
