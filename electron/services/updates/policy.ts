import type { Logger } from '../log';
import type { GenericFeed } from './feed';
import { mayRestartForUpdate, type BusyState } from './restart-guard';

// The update policy around electron-updater (issue 9): look for updates at the configured generic URL, download in
// the background, and restart to install only when no card check or send is in progress; otherwise wait and try
// again when the app becomes idle (or after RETRY_MS). Quitting the app normally also installs a downloaded update.

export const RETRY_MS = 60_000;

/** The part of electron-updater's AppUpdater this policy uses (main.ts passes the real `autoUpdater`). */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: GenericFeed): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'update-downloaded' | 'error', listener: (...args: unknown[]) => void): unknown;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdatePolicyOptions {
  feed: GenericFeed;
  updater: UpdaterPort;
  busy: () => BusyState;
  log: Logger;
  /** Schedules a retry; returns a cancel function. Injected so tests drive time. */
  schedule?: (fn: () => void, ms: number) => () => void;
}

export interface UpdatePolicy {
  /** Points the updater at the feed and looks for an update once. */
  start(): Promise<void>;
  /** Tries to restart into a downloaded update now (called when the app becomes idle). */
  retry(): void;
  /** Whether a downloaded update is waiting for the app to become idle. */
  pending(): boolean;
  stop(): void;
}

export function createUpdatePolicy(options: UpdatePolicyOptions): UpdatePolicy {
  const { updater, log } = options;
  const schedule =
    options.schedule ??
    ((fn, ms) => {
      const timer = setTimeout(fn, ms);
      timer.unref?.();
      return () => clearTimeout(timer);
    });
  let downloaded = false;
  let installing = false;
  let cancelRetry: (() => void) | null = null;

  const tryInstall = () => {
    if (!downloaded || installing) return;
    cancelRetry?.();
    cancelRetry = null;
    const decision = mayRestartForUpdate(options.busy());
    if (!decision.allowed) {
      log.info('update.restart-deferred', { waitFor: decision.waitFor.join(',') });
      cancelRetry = schedule(tryInstall, RETRY_MS);
      return;
    }
    installing = true;
    log.info('update.restarting');
    updater.quitAndInstall(false, true);
  };

  return {
    async start() {
      updater.autoDownload = true;
      updater.autoInstallOnAppQuit = true;
      updater.setFeedURL(options.feed);
      updater.on('update-downloaded', () => {
        downloaded = true;
        tryInstall();
      });
      // Only the error's kind: messages may carry URLs or paths.
      updater.on('error', (err) =>
        log.warn('update.failed', { errorName: err instanceof Error ? err.name : 'unknown' }),
      );
      try {
        await updater.checkForUpdates();
      } catch (err) {
        log.warn('update.check-failed', { errorName: err instanceof Error ? err.name : 'unknown' });
      }
    },
    retry: tryInstall,
    pending: () => downloaded && !installing,
    stop() {
      cancelRetry?.();
      cancelRetry = null;
    },
  };
}
