import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRuntime } from '../../electron/services/config';
import { createTestApp, testHost } from '../support/app';
import { electronEnvFor } from '../support/electron-driver';
import { ROOT } from '../support/paths';
import { tempDir } from '../support/temp';

// `npm run test:electron` (issue 9): here, without an Electron binary, one clear notice and exit 0; and the driver
// seam gives Electron's main process the same runtime (mode, data folder, configuration) as the spec's app.

function runScript(env: Record<string, string | undefined>) {
  const clean = { ...process.env, ...env };
  delete clean.KAIGO_ELECTRON;
  if (env.KAIGO_ELECTRON_APP === undefined) delete clean.KAIGO_ELECTRON_APP;
  return spawnSync(process.execPath, [path.join(ROOT, 'tests', 'electron', 'run.mjs')], {
    env: clean,
    encoding: 'utf8',
  });
}

describe('npm run test:electron on a machine without Electron', () => {
  it('prints exactly one skip notice saying what is missing and how to run it, and exits 0', () => {
    const r = runScript({});
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^test:electron: スキップ — このマシンには Electron の実行ファイルがありません/);
    expect(lines[0]).toContain('npm ci && npm run test:electron');
  });

  it('names a packaged app that is not there', () => {
    const r = runScript({ KAIGO_ELECTRON_APP: '/nonexistent/KaigoDesk' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(
      'test:electron: スキップ — KAIGO_ELECTRON_APP のアプリがありません: /nonexistent/KaigoDesk',
    );
  });
});

describe('the Electron driver seam', () => {
  it.each([
    ['training', {}],
    ['configured', { KAIGO_CONFIG: path.join(ROOT, 'resources', 'config', 'kaigo-desk.example.json') }],
  ])('gives Electron the same %s runtime as the spec’s app', async (mode, env) => {
    const host = testHost(env);
    const test = await createTestApp({}, host);
    const scratch = tempDir('kd-seam-');
    try {
      expect(test.app.runtime.mode).toBe(mode);
      const electronEnv = electronEnvFor(test.app, scratch.path);
      const seen = resolveRuntime({ platform: 'linux', homeDir: scratch.path, env: electronEnv });
      expect({ mode: seen.mode, dataDir: seen.dataDir, configFiles: seen.configFiles }).toEqual({
        mode: test.app.runtime.mode,
        dataDir: test.app.runtime.dataDir,
        configFiles: test.app.runtime.configFiles,
      });
    } finally {
      scratch.remove();
      await test.remove();
      host.remove();
    }
  });
});
