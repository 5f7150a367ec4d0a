import path from 'node:path';
import type * as Electron from 'electron';
import type { AppOptions, KaigoApp } from './app';
import { EVENT_NAMES, eventChannel } from './contract';
import { registerIpc } from './ipc';
import { serveAppRequest } from './app-protocol';
import { APP_ENTRY_URL, denyAllPermissions, isAllowedNavigation, windowOptions } from './window-policy';
import type { Logger } from './services/log';
import {
  createActivityTracker,
  outboxSendingProbe,
  startUpdates,
  updateFeed,
  type UpdaterPort,
} from './services/updates';

// Everything main.ts does, with the electron module passed in, so unit tests can run it against a stand-in.

export type ElectronModule = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'dialog'
>;

export interface MainDeps {
  runCli(argv: string[]): Promise<number>;
  /** Builds the app; main passes what only Electron can provide (the file dialog). */
  createApp(extra: Pick<AppOptions, 'chooseFile' | 'chooseSaveFile' | 'chooseFolder'>): Promise<KaigoApp>;
  log: Logger;
  /** Folder holding main.js, preload.js and renderer/. */
  outDir: string;
  /** electron-updater's autoUpdater in the packaged app (issue 9); absent or null: no update checks. */
  updater?: () => Promise<UpdaterPort | null>;
}

export type StartResult = 'cli' | 'second-instance' | 'window';

export const APP_SCHEME_PRIVILEGES: Electron.CustomScheme = {
  scheme: 'app',
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

export function isDevelopment(electron: ElectronModule, env: Record<string, string | undefined>): boolean {
  return !electron.app.isPackaged && env.KAIGO_DEV === '1';
}

export function hardenWebContents(contents: Electron.WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Files staff pick (the office .p12) are opened by a main-process dialog (DESIGN.md §3); main reads the file, the
 * renderer only ever sees its name.
 */
export function fileChooser(
  electron: ElectronModule,
  parent: () => Electron.BrowserWindow | null,
): NonNullable<AppOptions['chooseFile']> {
  return async () => {
    const options: Electron.OpenDialogOptions = {
      title: '証明書ファイル（.p12）を選ぶ',
      properties: ['openFile'],
      filters: [
        { name: '証明書ファイル（PKCS#12）', extensions: ['p12', 'pfx'] },
        { name: 'すべてのファイル', extensions: ['*'] },
      ],
    };
    const win = parent();
    const result = win
      ? await electron.dialog.showOpenDialog(win, options)
      : await electron.dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}

/**
 * Where to save an export (the outage lists' CSV, the care-plan ledger): a main-process save dialog offering the
 * suggested name; main writes the file, the renderer never picks a path. Null when staff cancel.
 */
export function saveFileChooser(
  electron: ElectronModule,
  parent: () => Electron.BrowserWindow | null,
): NonNullable<AppOptions['chooseSaveFile']> {
  return async (request) => {
    const options: Electron.SaveDialogOptions = {
      title: 'CSVファイルの保存先を選ぶ',
      defaultPath: request.defaultName,
      filters: [{ name: 'CSVファイル', extensions: ['csv'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const win = parent();
    const result = win
      ? await electron.dialog.showSaveDialog(win, options)
      : await electron.dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}

/**
 * Folders for the care-plan official channel (issue 8): where to write a send unit for the official client or browser
 * upload, or a download folder to import. Main reads and writes the files; the renderer sees only a folder name.
 */
export function folderChooser(
  electron: Pick<ElectronModule, 'dialog'>,
  parent: () => Electron.BrowserWindow | null,
): NonNullable<AppOptions['chooseFolder']> {
  return async (purpose) => {
    const options: Electron.OpenDialogOptions = {
      title:
        purpose === 'careplan-export'
          ? 'ケアプランのファイルを書き出すフォルダーを選ぶ'
          : '取り込むフォルダー（ダウンロードしたケアプランのファイル）を選ぶ',
      properties: purpose === 'careplan-export' ? ['openDirectory', 'createDirectory'] : ['openDirectory'],
    };
    const win = parent();
    const result = win
      ? await electron.dialog.showOpenDialog(win, options)
      : await electron.dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}

export async function startMain(
  electron: ElectronModule,
  argv: string[],
  env: Record<string, string | undefined>,
  deps: MainDeps,
): Promise<StartResult> {
  const { app } = electron;

  // `--cli …` runs the command line before any window exists; the installed app has no Node of its own.
  const cliAt = argv.indexOf('--cli');
  if (cliAt >= 0) {
    const code = await deps.runCli(argv.slice(cliAt + 1));
    app.exit(code);
    return 'cli';
  }

  // Must happen before 'ready'.
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return 'second-instance';
  }

  let window: Electron.BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();

  const session = electron.session.defaultSession;
  session.setPermissionRequestHandler(denyAllPermissions);
  session.setPermissionCheckHandler(() => false);
  // No remote content: the renderer only ever loads app:// (the main process talks to the service).
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_d, cb) =>
    cb({ cancel: true }),
  );

  const rendererDir = path.join(deps.outDir, 'renderer');
  electron.protocol.handle('app', (request) => serveAppRequest(request.url, rendererDir));

  const kaigo = await deps.createApp({
    chooseFile: fileChooser(electron, () => window),
    chooseSaveFile: saveFileChooser(electron, () => window),
    chooseFolder: folderChooser(electron, () => window),
  });
  // Never restart for an update during a card check or a send (issue 9): the tracker sees every call.
  const activity = createActivityTracker({ outboxSending: outboxSendingProbe(() => kaigo.store().records()) });
  registerIpc(electron.ipcMain, activity.wrap(kaigo.dispatch));

  window = new electron.BrowserWindow(
    windowOptions(path.join(deps.outDir, 'preload.js'), isDevelopment(electron, env)),
  );
  const target = window;
  for (const name of EVENT_NAMES) {
    const unsubscribe = kaigo.events.subscribe(name, (payload) => {
      if (!target.isDestroyed()) target.webContents.send(eventChannel(name), payload);
    });
    target.on('closed', unsubscribe);
  }
  target.once('ready-to-show', () => target.show());
  const updates = startUpdates({
    feed: updateFeed(kaigo.runtime),
    updater: deps.updater ? await deps.updater() : null,
    activity,
    log: deps.log,
  });
  app.on('before-quit', () => updates?.stop());
  app.on('before-quit', () => void kaigo.close());
  await target.loadURL(APP_ENTRY_URL);
  deps.log.info('app.started', { mode: kaigo.runtime.mode });
  return 'window';
}
