import path from 'node:path';
import type * as Electron from 'electron';
import type { KaigoApp } from './app';
import { EVENT_NAMES, eventChannel } from './contract';
import { registerIpc } from './ipc';
import { serveAppRequest } from './app-protocol';
import { APP_ENTRY_URL, denyAllPermissions, isAllowedNavigation, windowOptions } from './window-policy';
import type { Logger } from './services/log';

// Everything main.ts does, with the electron module passed in, so unit tests can run it against a stand-in.

export type ElectronModule = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session'>;

export interface MainDeps {
  runCli(argv: string[]): Promise<number>;
  createApp(): Promise<KaigoApp>;
  log: Logger;
  /** Folder holding main.js, preload.js and renderer/. */
  outDir: string;
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

  const kaigo = await deps.createApp();
  registerIpc(electron.ipcMain, kaigo.dispatch);

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
  app.on('before-quit', () => void kaigo.close());
  await target.loadURL(APP_ENTRY_URL);
  deps.log.info('app.started', { mode: kaigo.runtime.mode });
  return 'window';
}
