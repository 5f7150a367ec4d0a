import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startMain, type MainDeps } from '../../electron/lifecycle';
import { CONTENT_SECURITY_POLICY, windowOptions } from '../../electron/window-policy';
import { callChannel } from '../../electron/contract';
import { silentLogger } from '../../electron/services/log';
import { createTestApp } from '../support/app';
import { createElectronStandIn } from '../support/electron-stand-in';
import { OUT } from '../support/paths';

async function start(argv: string[], opts: Parameters<typeof createElectronStandIn>[0] = {}, env = {}) {
  const standIn = createElectronStandIn(opts);
  const testApp = await createTestApp();
  const deps: MainDeps = {
    runCli: vi.fn(async () => 0),
    createApp: vi.fn(async () => testApp.app),
    log: silentLogger,
    outDir: OUT,
  };
  const result = await startMain(standIn.electron, argv, env, deps);
  return { standIn, deps, result, cleanup: testApp.remove };
}

describe('main process lifecycle (stand-in electron)', () => {
  it('runs `--cli status` before and without creating any window, and exits with its code', async () => {
    const { standIn, deps, result, cleanup } = await start(['/opt/KaigoDesk/kaigo-desk', '--cli', 'status', '--json']);
    expect(result).toBe('cli');
    expect(deps.runCli).toHaveBeenCalledWith(['status', '--json']);
    expect(deps.createApp).not.toHaveBeenCalled();
    expect(standIn.windows).toHaveLength(0);
    expect(standIn.calls).toEqual(['exit:0']);
    await cleanup();
  });

  it('routes `--cli provision …` to the command line without a window (installers run it per user)', async () => {
    const args = ['provision', '--p12', '/tmp/office.p12', '--password-file', '/tmp/office.password'];
    const { standIn, deps, result, cleanup } = await start(['/opt/KaigoDesk/kaigo-desk', '--cli', ...args]);
    expect(result).toBe('cli');
    expect(deps.runCli).toHaveBeenCalledWith(args);
    expect(deps.createApp).not.toHaveBeenCalled();
    expect(standIn.windows).toHaveLength(0);
    expect(standIn.calls).toEqual(['exit:0']);
    await cleanup();
  });

  it('gives the app a .p12 chooser that opens a main-process dialog on the window and returns only a path', async () => {
    const { standIn, deps, cleanup } = await start(['app']);
    const chooseFile = vi.mocked(deps.createApp).mock.calls[0]![0].chooseFile!;
    const asked: unknown[][] = [];
    let answer = { canceled: false, filePaths: ['/home/jimu/office.p12'] };
    (standIn.electron as unknown as { dialog: unknown }).dialog = {
      showOpenDialog: async (...args: unknown[]) => (asked.push(args), answer),
    };
    expect(await chooseFile('p12')).toBe('/home/jimu/office.p12');
    expect(asked[0]![0]).toBe(standIn.windows[0]);
    expect(asked[0]![1]).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['p12', 'pfx'] }, {}] });
    answer = { canceled: true, filePaths: [] };
    expect(await chooseFile('p12')).toBeNull();
    await cleanup();
  });

  it('gives the app a CSV save dialog on the window with the suggested name, null when cancelled', async () => {
    const { standIn, deps, cleanup } = await start(['app']);
    const chooseSaveFile = vi.mocked(deps.createApp).mock.calls[0]![0].chooseSaveFile!;
    expect(chooseSaveFile).toBeTypeOf('function');
    const asked: unknown[][] = [];
    let answer: { canceled: boolean; filePath?: string } = { canceled: false, filePath: '/home/jimu/障害時一覧.csv' };
    (standIn.electron as unknown as { dialog: unknown }).dialog = {
      showSaveDialog: async (...args: unknown[]) => (asked.push(args), answer),
    };
    const request = { defaultName: '障害時一覧_2026-11-26.csv', kind: 'csv' } as const;
    expect(await chooseSaveFile(request)).toBe('/home/jimu/障害時一覧.csv');
    expect(asked[0]![0]).toBe(standIn.windows[0]);
    expect(asked[0]![1]).toMatchObject({
      defaultPath: '障害時一覧_2026-11-26.csv',
      filters: [{ extensions: ['csv'] }],
    });
    answer = { canceled: true, filePath: '' };
    expect(await chooseSaveFile(request)).toBeNull();
    answer = { canceled: false, filePath: '' };
    expect(await chooseSaveFile(request)).toBeNull();
    await cleanup();
  });

  it('quits a second instance without a window', async () => {
    const { standIn, result, cleanup } = await start(['app'], { singleInstance: false });
    expect(result).toBe('second-instance');
    expect(standIn.calls).toEqual(['registerSchemes', 'requestSingleInstanceLock', 'quit']);
    expect(standIn.windows).toHaveLength(0);
    await cleanup();
  });

  it('registers app:// as privileged before ready and opens one hardened window on it', async () => {
    const { standIn, result, cleanup } = await start(['app']);
    expect(result).toBe('window');
    expect(standIn.calls.indexOf('registerSchemes')).toBeLessThan(standIn.calls.indexOf('ready'));
    expect((standIn.electron.protocol as unknown as { schemes: unknown[] }).schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const [win] = standIn.windows;
    expect(standIn.windows).toHaveLength(1);
    expect(win!.loadedUrl).toBe('app://kaigo/index.html');
    expect(win!.shown).toBe(true);
    const prefs = win!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: path.join(OUT, 'preload.js'),
    });
    await cleanup();
  });

  it('enables devtools only in development (unpackaged and KAIGO_DEV=1)', async () => {
    const dev = await start(['app'], { packaged: false }, { KAIGO_DEV: '1' });
    expect((dev.standIn.windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(true);
    await dev.cleanup();
    const packaged = await start(['app'], { packaged: true }, { KAIGO_DEV: '1' });
    expect((packaged.standIn.windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    await packaged.cleanup();
    expect(windowOptions('/p.js', false).webPreferences?.devTools).toBe(false);
  });

  it('denies window.open, navigation away, redirects and webviews', async () => {
    const { standIn, cleanup } = await start(['app']);
    const contents = standIn.windows[0]!.webContents;
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://kaigo/index.html' })).toEqual({ action: 'deny' });
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-navigate', 'app://kaigo.evil/')).toBe(true);
    expect(contents.attempt('will-navigate', 'app://kaigo/index.html#/settings')).toBe(false);
    expect(contents.attempt('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(contents.attempt('will-attach-webview')).toBe(true);
    await cleanup();
  });

  it('denies every permission request and check, and cancels remote requests', async () => {
    const { standIn, cleanup } = await start(['app']);
    for (const permission of ['media', 'notifications', 'geolocation', 'hid', 'serial', 'clipboard-read']) {
      const granted = await new Promise((resolve) =>
        standIn.session.permissionRequestHandler!({}, permission, resolve),
      );
      expect(granted).toBe(false);
    }
    expect(standIn.session.permissionCheckHandler!({}, 'media')).toBe(false);
    const cancelled = await new Promise((resolve) => standIn.session.beforeRequest!.listener({}, resolve));
    expect(cancelled).toEqual({ cancel: true });
    expect(standIn.session.beforeRequest!.filter.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']),
    );
    await cleanup();
  });

  it('serves app:// with the strict CSP and refuses traversal through the registered handler', async () => {
    const { standIn, cleanup } = await start(['app']);
    const handler = standIn.protocolHandlers.get('app')!;
    const ok = await handler({ url: 'app://kaigo/index.html' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    expect((await handler({ url: 'app://kaigo/%2e%2e/main.js' })).status).toBe(400);
    await cleanup();
  });

  it('registers the IPC handlers, which refuse a foreign or subframe sender', async () => {
    const { standIn, cleanup } = await start(['app']);
    const handler = standIn.ipcHandlers.get(callChannel('app.getStatus'))!;
    const mainFrame = { url: 'app://kaigo/index.html' };
    const sender = { mainFrame };
    await expect(handler({ sender, senderFrame: mainFrame }, {})).resolves.toMatchObject({ ok: true });
    await expect(handler({ sender, senderFrame: { url: 'app://kaigo/index.html' } }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'IPC_FORBIDDEN_SENDER' },
    });
    const foreign = { url: 'https://evil.example/' };
    await expect(handler({ sender: { mainFrame: foreign }, senderFrame: foreign }, {})).resolves.toMatchObject({
      error: { code: 'IPC_FORBIDDEN_SENDER' },
    });
    await cleanup();
  });

  it('forwards contract events to the window', async () => {
    const { standIn, deps, cleanup } = await start(['app']);
    const app = await (deps.createApp as () => ReturnType<MainDeps['createApp']>)();
    app.events.emit('connectivity.changed', { connectivity: 'offline', since: '2026-11-26T00:00:00.000Z' });
    expect(standIn.windows[0]!.webContents.sent).toEqual([
      ['kaigo:event:connectivity.changed', { connectivity: 'offline', since: '2026-11-26T00:00:00.000Z' }],
    ]);
    await cleanup();
  });
});
