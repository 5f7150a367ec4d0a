import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../electron/cli';
import type { CliIo } from '../../electron/cli/io';
import { startMain, type MainDeps } from '../../electron/lifecycle';
import { silentLogger } from '../../electron/services/log';
import { createTestApp, testHost } from '../support/app';
import { createElectronStandIn } from '../support/electron-stand-in';
import { OUT, ROOT } from '../support/paths';
import { updaterStandIn } from '../support/updater-stand-in';

// Issue 9: the installed app has no Node, so `KaigoDesk --cli …` (the kaigo-desk shims) must run the real command line
// before any window or app exists, and exit with its code. The updater is wired to the configuration's feed.

const EXAMPLE_CONFIG = path.join(ROOT, 'resources', 'config', 'kaigo-desk.example.json');

let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
  vi.unstubAllEnvs();
});

/** The real CLI, writing into buffers, on a temp host (commands read the process environment). */
function realCli(env: Record<string, string>) {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), env: { ...process.env } };
  return { out, runCli: (argv: string[]) => runCli(argv, io) };
}

describe('`--cli` in the packaged app (stand-in electron, real command line)', () => {
  it('runs `--cli status` without a window, an app, a protocol or an IPC handler, and exits 0', async () => {
    const t = testHost();
    cleanups.push(t.remove);
    const cli = realCli({ KAIGO_CONFIG: t.host.env.KAIGO_CONFIG!, KAIGO_DATA_DIR: t.host.env.KAIGO_DATA_DIR! });
    const standIn = createElectronStandIn({ packaged: true });
    const createApp = vi.fn();
    const deps: MainDeps = { runCli: cli.runCli, createApp, log: silentLogger, outDir: OUT };
    const result = await startMain(
      standIn.electron,
      ['C:\\Kaigo Desk\\KaigoDesk.exe', '--cli', 'status', '--json'],
      {},
      deps,
    );
    expect(result).toBe('cli');
    expect(JSON.parse(cli.out.stdout)).toMatchObject({ mode: 'training' });
    expect(createApp).not.toHaveBeenCalled();
    expect(standIn.windows).toHaveLength(0);
    expect(standIn.ipcHandlers.size).toBe(0);
    expect(standIn.protocolHandlers.size).toBe(0);
    expect(standIn.calls).toEqual(['exit:0']);
  });

  it('runs `--cli provision …` the same way and exits with the command’s own code', async () => {
    const t = testHost();
    cleanups.push(t.remove);
    const cli = realCli({ KAIGO_CONFIG: EXAMPLE_CONFIG, KAIGO_DATA_DIR: t.host.env.KAIGO_DATA_DIR! });
    const standIn = createElectronStandIn({ packaged: true });
    const createApp = vi.fn();
    const deps: MainDeps = { runCli: cli.runCli, createApp, log: silentLogger, outDir: OUT };
    const missing = path.join(t.host.homeDir, 'missing.p12');
    const argv = ['/opt/Kaigo Desk/KaigoDesk', '--cli', 'provision', '--p12', missing, '--password-file', missing];
    expect(await startMain(standIn.electron, argv, {}, deps)).toBe('cli');
    expect(cli.out.stderr).toMatch(/^エラー（[A-Z_]+）: /);
    expect(createApp).not.toHaveBeenCalled();
    expect(standIn.windows).toHaveLength(0);
    expect(standIn.calls).toEqual(['exit:1']);

    const usage = createElectronStandIn({ packaged: true });
    await startMain(usage.electron, ['/opt/Kaigo Desk/KaigoDesk', '--cli', 'provision'], {}, deps);
    expect(usage.calls).toEqual(['exit:2']);
    expect(usage.windows).toHaveLength(0);
  });
});

describe('updates in the packaged app (stand-in electron and electron-updater)', () => {
  it('points the updater at the configured feed and restarts into a downloaded update while idle', async () => {
    const t = testHost({ KAIGO_CONFIG: EXAMPLE_CONFIG });
    const testApp = await createTestApp({}, t);
    cleanups.push(t.remove, testApp.remove);
    expect(testApp.app.runtime.mode).toBe('configured');
    const { updater, calls } = updaterStandIn();
    const standIn = createElectronStandIn({ packaged: true });
    const deps: MainDeps = {
      runCli: vi.fn(),
      createApp: async () => testApp.app,
      log: silentLogger,
      outDir: OUT,
      updater: async () => updater,
    };
    expect(await startMain(standIn.electron, ['app'], {}, deps)).toBe('window');
    expect(updater.feeds).toEqual([
      { provider: 'generic', url: 'https://updates.example.jp/kaigo-desk/', channel: 'latest' },
    ]);
    expect(calls).toEqual(['check']);
    updater.emit('update-downloaded');
    expect(calls).toEqual(['check', 'quitAndInstall:false:true']);
  });

  it('never looks for updates in training mode', async () => {
    const testApp = await createTestApp();
    cleanups.push(testApp.remove);
    const { updater, calls } = updaterStandIn();
    const standIn = createElectronStandIn();
    await startMain(
      standIn.electron,
      ['app'],
      {},
      {
        runCli: vi.fn(),
        createApp: async () => testApp.app,
        log: silentLogger,
        outDir: OUT,
        updater: async () => updater,
      },
    );
    expect(updater.feeds).toEqual([]);
    expect(calls).toEqual([]);
  });
});
