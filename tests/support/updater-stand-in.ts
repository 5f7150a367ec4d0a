import type { UpdaterPort } from '../../electron/services/updates';

/** A stand-in for electron-updater's autoUpdater (it needs the Electron binary), recording what the policy asks. */
export function updaterStandIn() {
  const listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  const calls: string[] = [];
  const updater: UpdaterPort & { feeds: unknown[]; emit(event: string, ...args: unknown[]): void } = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    feeds: [],
    setFeedURL(feed) {
      this.feeds.push(feed);
    },
    async checkForUpdates() {
      calls.push('check');
      return null;
    },
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return updater;
    },
    quitAndInstall(isSilent, isForceRunAfter) {
      calls.push(`quitAndInstall:${isSilent}:${isForceRunAfter}`);
    },
    emit(event, ...args) {
      for (const l of listeners.get(event) ?? []) l(...args);
    },
  };
  return { updater, calls };
}
