import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../support/cli';
import { envWithoutKeychain, startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir } from '../support/temp';

// `kaigo-desk status` as a separate process, against the real OS keychain (gnome-keyring on a private D-Bus) and
// without one. It exits 0 whenever it can report.

let keyring: KeyringSession;
beforeAll(async () => {
  keyring = await startKeyringSession();
});
afterAll(async () => keyring?.stop());

function isolated(env: Record<string, string>, dir: string): Record<string, string> {
  return { ...env, KAIGO_CONFIG: path.join(dir, 'no-machine-config.json'), KAIGO_DATA_DIR: path.join(dir, 'data') };
}

describe('kaigo-desk status', () => {
  it('reports training mode and an available keychain inside a Secret Service session', async () => {
    const dir = tempDir();
    try {
      const run = await runBuiltCli(['status', '--json'], isolated(keyring.env, dir.path));
      expect(run.code).toBe(0);
      const status = JSON.parse(run.stdout);
      expect(status).toMatchObject({ mode: 'training', keychain: 'available', connectivity: 'unknown' });
      expect(status.dataDir).toBe(path.join(dir.path, 'data', 'training'));
      // Reporting must not write anything.
      expect(fs.existsSync(path.join(dir.path, 'data'))).toBe(false);
    } finally {
      dir.remove();
    }
  });

  it('reports a missing keychain and still exits 0', async () => {
    const dir = tempDir();
    try {
      const run = await runBuiltCli(['status'], isolated(envWithoutKeychain(dir.path), dir.path));
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('キーチェーン: 利用できません');
      expect(run.stdout).toContain('練習モード');
      expect(run.stdout).toMatch(/現在時刻: 令和\d+年\d+月\d+日/);
    } finally {
      dir.remove();
    }
  });

  it('reports an unreadable configuration as a configuration error, never as training', async () => {
    const dir = tempDir();
    try {
      const config = path.join(dir.path, 'config.json');
      fs.writeFileSync(config, '{ not json');
      const run = await runBuiltCli(['status', '--json'], { ...isolated(keyring.env, dir.path), KAIGO_CONFIG: config });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ mode: 'misconfigured' });
    } finally {
      dir.remove();
    }
  });

  it('answers an unknown command with usage and exit code 2', async () => {
    const run = await runBuiltCli(['frobnicate'], process.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不明なコマンドです');
  });
});
