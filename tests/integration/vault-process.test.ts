import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../electron/contract/errors';
import { osKeychain } from '../../native/keychain';
import { openVault } from '../../electron/services/vault';
import { envWithoutKeychain, startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir } from '../support/temp';
import { bundleEntry } from './store-support/bundle';

// Seal in one process, open in another: the master key really lives in the OS keychain (gnome-keyring on a private
// D-Bus), not in this process's memory. And a process with no D-Bus session at all is refused and writes nothing.

let keyring: KeyringSession;
let child: { file: string; remove(): void };
beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
  child = bundleEntry('tests/integration/store-support/child.ts');
});
afterAll(async () => {
  child?.remove();
  await keyring?.stop();
});

function run(args: string[], env: Record<string, string>): Promise<{ code: number; json: Record<string, unknown> }> {
  return new Promise((resolve) => {
    execFile('node', [child.file, ...args], { env }, (err, stdout) => {
      const code = err ? ((err as { code?: number }).code ?? 1) : 0;
      resolve({ code, json: JSON.parse(stdout.trim().split('\n').pop() || '{}') });
    });
  });
}

describe('vault across processes', () => {
  it('a blob sealed by one process opens in a new process and in this one', async () => {
    const dir = tempDir('kd-vault-proc-');
    try {
      const dataDir = path.join(dir.path, 'data');
      const secret = Buffer.from('証明書バンドル-秘密', 'utf8').toString('hex');
      expect((await run(['seal', dataDir, 'certificate-bundle', secret], keyring.env)).json).toEqual({ ok: true });
      expect((await run(['open', dataDir, 'certificate-bundle'], keyring.env)).json).toEqual({ hex: secret });
      const here = openVault({ dataDir, mode: 'training', keychain: osKeychain() });
      expect(here.open('certificate-bundle')?.toString('hex')).toBe(secret);
      // Subkeys agree between processes too (the audit chain and databases depend on that).
      const sub = (await run(['subkey', dataDir], keyring.env)).json.hex;
      expect(sub).toBe(here.subkey('audit-mac').toString('hex'));
      here.close();
    } finally {
      dir.remove();
    }
  });

  it('configured mode cannot open training blobs (separate keychain entries)', async () => {
    const dir = tempDir('kd-vault-proc-');
    try {
      const dataDir = path.join(dir.path, 'data');
      await run(['seal', dataDir, 'x', '00ff'], keyring.env);
      const configured = await run(['open', dataDir, 'x'], { ...keyring.env, KD_VAULT_MODE: 'configured' });
      expect(configured.code).toBe(3);
      // No configured master key exists, and blobs are on disk: refuse rather than make a key that cannot open them.
      expect(configured.json).toEqual({ error: 'VAULT_KEY_MISSING' });
    } finally {
      dir.remove();
    }
  });

  it('no keychain: KEYCHAIN_UNAVAILABLE, and no file or folder is written', async () => {
    const dir = tempDir('kd-vault-nokc-');
    try {
      const dataDir = path.join(dir.path, 'data');
      const env = { ...envWithoutKeychain(dir.path), TMPDIR: path.join(dir.path, 'tmp') };
      fs.mkdirSync(env.TMPDIR);
      for (const args of [
        ['seal', dataDir, 'x', '00ff'],
        ['open', dataDir, 'x'],
        ['seed', dataDir, '{"persons":[]}'],
      ]) {
        const result = await run(args, env);
        expect(result.code).toBe(3);
        expect(result.json).toEqual({ error: 'KEYCHAIN_UNAVAILABLE' });
      }
      expect(fs.readdirSync(dir.path)).toEqual(['tmp']);
      expect(fs.readdirSync(env.TMPDIR)).toEqual([]);
      expect(ERROR_MESSAGES.KEYCHAIN_UNAVAILABLE).toContain('キーチェーン');
    } finally {
      dir.remove();
    }
  });
});
