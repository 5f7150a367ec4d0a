import * as electron from 'electron';
import { createApp } from './app';
import { runCli } from './cli';
import { startMain } from './lifecycle';
import { stderrLogger } from './services/log';

// Thin on purpose: Electron cannot run on the build machines, so all logic lives in lifecycle.ts (unit-tested with a
// stand-in electron module) and the Electron-free services.
const log = stderrLogger();
startMain(electron, process.argv, process.env, {
  runCli,
  createApp: (extra) => createApp({ log, clipboard: (text) => electron.clipboard.writeText(text), ...extra }),
  log,
  outDir: __dirname,
  // Loaded only in the installed app: an unpacked development build has no update metadata (app-update.yml).
  updater: async () => (electron.app.isPackaged ? (await import('electron-updater')).autoUpdater : null),
}).catch((err: unknown) => {
  log.error('app.start-failed', { errorName: err instanceof Error ? err.name : typeof err });
  electron.app.exit(1);
});
