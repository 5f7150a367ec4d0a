import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osKeychain } from '../../native/keychain';
import { KaigoError } from '../../electron/services/errors';
import { KEYCHAIN_SERVICE, openVault, SUBKEY_PURPOSES, type VaultMode } from '../../electron/services/vault';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir } from '../support/temp';

// The vault against the real OS keychain (gnome-keyring on a private D-Bus session), in this process.

let keyring: KeyringSession;
beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
});
afterAll(async () => keyring?.stop());

// Each test uses its own mode's keychain entries; wipe them so tests do not see each other's master key.
function freshVault(mode: VaultMode = 'training') {
  const chain = osKeychain();
  chain.deleteSecret(KEYCHAIN_SERVICE[mode], 'master-key');
  chain.deleteSecret(KEYCHAIN_SERVICE[mode], 'master-key.previous');
  const dir = tempDir('kd-vault-');
  const dataDir = path.join(dir.path, 'data');
  return { dir, dataDir, open: () => openVault({ dataDir, mode, keychain: chain }) };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof KaigoError) return err.code;
    throw err;
  }
  throw new Error('expected a KaigoError');
}

describe('vault seal/open', () => {
  it('round-trips bytes, writes only ciphertext, and answers null for a missing blob', () => {
    const v = freshVault();
    try {
      const vault = v.open();
      expect(fs.existsSync(v.dataDir)).toBe(false); // opening alone writes no file
      const secret = Buffer.from('山田太郎 0123456789 秘密の内容', 'utf8');
      vault.seal('certificate-bundle', secret);
      expect(vault.open('certificate-bundle')).toEqual(secret);
      expect(vault.open('absent')).toBeNull();
      expect(vault.list()).toEqual(['certificate-bundle']);
      const file = fs.readFileSync(path.join(v.dataDir, 'vault', 'certificate-bundle.sealed'));
      expect(file.subarray(0, 4).toString()).toBe('KDSB');
      expect(file[4]).toBe(1);
      expect(file.includes(secret)).toBe(false);
      expect(file.includes(Buffer.from('山田太郎'))).toBe(false);
      // Same bytes sealed twice give different files (fresh nonce).
      vault.seal('other', secret);
      expect(fs.readFileSync(path.join(v.dataDir, 'vault', 'other.sealed')).subarray(13)).not.toEqual(
        file.subarray(13),
      );
      expect((fs.statSync(path.join(v.dataDir, 'vault')).mode & 0o777).toString(8)).toBe('700');
      expect(fs.readdirSync(path.join(v.dataDir, 'vault')).some((n) => n.includes('.tmp-'))).toBe(false);
      vault.close();
    } finally {
      v.dir.remove();
    }
  });

  it('refuses a renamed, swapped, edited or truncated blob with VAULT_BLOB_UNREADABLE', () => {
    const v = freshVault();
    try {
      const vault = v.open();
      vault.seal('alpha', Buffer.from('first'));
      vault.seal('beta', Buffer.from('second'));
      const dir = path.join(v.dataDir, 'vault');
      const alpha = fs.readFileSync(path.join(dir, 'alpha.sealed'));
      // Renamed: alpha's bytes under another name.
      fs.writeFileSync(path.join(dir, 'gamma.sealed'), alpha);
      expect(codeOf(() => vault.open('gamma'))).toBe('VAULT_BLOB_UNREADABLE');
      // Swapped: beta replaced by alpha.
      fs.writeFileSync(path.join(dir, 'beta.sealed'), alpha);
      expect(codeOf(() => vault.open('beta'))).toBe('VAULT_BLOB_UNREADABLE');
      // Each region edited: magic, version, key id, nonce, tag, ciphertext.
      for (const at of [0, 4, 6, 15, 30, alpha.length - 1]) {
        const edited = Buffer.from(alpha);
        edited[at]! ^= 0x01;
        fs.writeFileSync(path.join(dir, 'alpha.sealed'), edited);
        expect(codeOf(() => vault.open('alpha'))).toBe('VAULT_BLOB_UNREADABLE');
      }
      fs.writeFileSync(path.join(dir, 'alpha.sealed'), alpha.subarray(0, 20));
      expect(codeOf(() => vault.open('alpha'))).toBe('VAULT_BLOB_UNREADABLE');
      fs.writeFileSync(path.join(dir, 'alpha.sealed'), alpha);
      expect(vault.open('alpha')?.toString()).toBe('first');
      vault.close();
    } finally {
      v.dir.remove();
    }
  });

  it('rejects bad names and the vault-reserved names', () => {
    const v = freshVault();
    try {
      const vault = v.open();
      for (const name of ['../x', 'A', '', 'a/b', 'vault-root', 'x'.repeat(65), 'a.tmp-1']) {
        expect(() => vault.seal(name, Buffer.from('x'))).toThrow(RangeError);
      }
      vault.close();
    } finally {
      v.dir.remove();
    }
  });

  it('keeps training and configured mode apart in the keychain', () => {
    const t = freshVault('training');
    const c = freshVault('configured');
    try {
      t.open().subkey('audit-mac');
      c.open().subkey('audit-mac');
      const chain = osKeychain();
      const tk = chain.getSecret('kaigo-desk.training', 'master-key');
      const ck = chain.getSecret('kaigo-desk', 'master-key');
      expect(tk?.length).toBe(41);
      expect(ck?.length).toBe(41);
      expect(tk!.equals(ck!)).toBe(false);
    } finally {
      t.dir.remove();
      c.dir.remove();
    }
  });
});

describe('vault subkeys', () => {
  it('gives a distinct 32-byte key per purpose, the same after reopening', () => {
    const v = freshVault();
    try {
      const vault = v.open();
      const keys = SUBKEY_PURPOSES.map((p) => vault.subkey(p).toString('hex'));
      expect(new Set(keys).size).toBe(SUBKEY_PURPOSES.length);
      keys.forEach((k) => expect(k).toHaveLength(64));
      vault.close();
      const again = v.open();
      expect(SUBKEY_PURPOSES.map((p) => again.subkey(p).toString('hex'))).toEqual(keys);
      again.close();
      expect(() => again.subkey('audit-mac')).toThrow(KaigoError);
    } finally {
      v.dir.remove();
    }
  });
});

describe('master-key rotation', () => {
  it('re-seals every blob under a new key and keeps subkeys and contents', () => {
    const v = freshVault();
    try {
      const vault = v.open();
      const audit = vault.subkey('audit-mac');
      vault.seal('one', Buffer.from('1'));
      vault.seal('two', Buffer.from('2'));
      const chain = osKeychain();
      const before = chain.getSecret('kaigo-desk.training', 'master-key')!;
      const idOf = (n: string) => fs.readFileSync(path.join(v.dataDir, 'vault', `${n}.sealed`)).subarray(5, 13);
      const oldId = idOf('one');
      vault.rotateMasterKey();
      const after = chain.getSecret('kaigo-desk.training', 'master-key')!;
      expect(after.equals(before)).toBe(false);
      expect(chain.getSecret('kaigo-desk.training', 'master-key.previous')).toBeNull();
      for (const n of ['one', 'two', 'vault-root']) {
        expect(idOf(n).equals(oldId)).toBe(false);
        expect(idOf(n).equals(after.subarray(1, 9))).toBe(true);
      }
      expect(vault.open('two')?.toString()).toBe('2');
      expect(vault.subkey('audit-mac')).toEqual(audit);
      vault.close();
      const reopened = v.open();
      expect(reopened.open('one')?.toString()).toBe('1');
      expect(reopened.subkey('audit-mac')).toEqual(audit);
      reopened.close();
    } finally {
      v.dir.remove();
    }
  });

  it('rotates past a damaged blob without losing it or blocking the others', () => {
    const v = freshVault();
    try {
      const vault = v.open();
      vault.seal('good', Buffer.from('ok'));
      vault.seal('bad', Buffer.from('will be damaged'));
      const bad = path.join(v.dataDir, 'vault', 'bad.sealed');
      const bytes = fs.readFileSync(bad);
      bytes[bytes.length - 1]! ^= 1;
      fs.writeFileSync(bad, bytes);
      vault.rotateMasterKey();
      expect(vault.open('good')?.toString()).toBe('ok');
      expect(fs.readFileSync(bad)).toEqual(bytes);
      expect(osKeychain().getSecret('kaigo-desk.training', 'master-key.previous')).toBeNull();
      vault.close();
    } finally {
      v.dir.remove();
    }
  });

  it('finishes a rotation interrupted after the keychain switched but before every blob was re-sealed', () => {
    const v = freshVault();
    try {
      const vault = v.open();
      const audit = vault.subkey('audit-mac');
      vault.seal('one', Buffer.from('1'));
      vault.seal('two', Buffer.from('2'));
      vault.close();
      // The crash point: a keychain that dies right after the switch (old key kept, new key current, no re-seal).
      const real = osKeychain();
      let writes = 0;
      const dying = {
        ...real,
        setSecret: (s: string, a: string, b: Uint8Array) => {
          real.setSecret(s, a, b);
          if (++writes === 2) throw new Error('simulated crash');
        },
      };
      const crashing = openVault({ dataDir: v.dataDir, mode: 'training', keychain: dying });
      expect(() => crashing.rotateMasterKey()).toThrow('simulated crash');
      expect(real.getSecret('kaigo-desk.training', 'master-key.previous')).not.toBeNull();
      // Opening again resumes: every blob readable, previous key forgotten, subkeys unchanged.
      const resumed = v.open();
      expect(real.getSecret('kaigo-desk.training', 'master-key.previous')).toBeNull();
      expect(resumed.open('one')?.toString()).toBe('1');
      expect(resumed.open('two')?.toString()).toBe('2');
      expect(resumed.subkey('audit-mac')).toEqual(audit);
      resumed.close();
    } finally {
      v.dir.remove();
    }
  });
});

// "No keychain at all" needs a process that never had a D-Bus session (the native library keeps its connection):
// see vault-process.test.ts.
describe('keychain problems', () => {
  it('a lost master key with blobs on disk: VAULT_KEY_MISSING, blobs kept, no new key made', () => {
    const v = freshVault();
    try {
      const vault = v.open();
      vault.seal('kept', Buffer.from('data'));
      vault.close();
      const file = path.join(v.dataDir, 'vault', 'kept.sealed');
      const bytes = fs.readFileSync(file);
      osKeychain().deleteSecret('kaigo-desk.training', 'master-key');
      expect(codeOf(() => v.open())).toBe('VAULT_KEY_MISSING');
      expect(fs.readFileSync(file)).toEqual(bytes);
      expect(osKeychain().getSecret('kaigo-desk.training', 'master-key')).toBeNull();
    } finally {
      v.dir.remove();
    }
  });

  it('a master-key entry in an unknown format: VAULT_KEY_MISSING, nothing written', () => {
    const v = freshVault();
    try {
      osKeychain().setSecret('kaigo-desk.training', 'master-key', Buffer.from('not a key'));
      expect(codeOf(() => v.open())).toBe('VAULT_KEY_MISSING');
      expect(fs.readdirSync(v.dir.path)).toEqual([]);
    } finally {
      osKeychain().deleteSecret('kaigo-desk.training', 'master-key');
      v.dir.remove();
    }
  });

  it("removes temp files a crashed writer left behind, and keeps a live writer's", () => {
    const v = freshVault();
    try {
      const vault = v.open();
      vault.seal('x', Buffer.from('1'));
      vault.close();
      const dir = path.join(v.dataDir, 'vault');
      const dead = path.join(dir, 'x.sealed.tmp-999999999-abcd');
      const live = path.join(dir, `x.sealed.tmp-${process.ppid}-abcd`);
      fs.writeFileSync(dead, 'partial');
      fs.writeFileSync(live, 'in progress');
      v.open().close();
      expect(fs.existsSync(dead)).toBe(false);
      expect(fs.existsSync(live)).toBe(true);
    } finally {
      v.dir.remove();
    }
  });

  it('a blob sealed under another master key is refused, not overwritten', () => {
    const v = freshVault();
    try {
      const vault = v.open();
      vault.seal('kept', Buffer.from('data'));
      vault.close();
      const chain = osKeychain();
      chain.deleteSecret('kaigo-desk.training', 'master-key');
      // Another key appears (e.g. the user reset the keychain); a new blob is written so the vault opens.
      fs.renameSync(path.join(v.dataDir, 'vault'), path.join(v.dir.path, 'aside'));
      const other = v.open();
      other.seal('new', Buffer.from('x'));
      fs.renameSync(path.join(v.dir.path, 'aside', 'kept.sealed'), path.join(v.dataDir, 'vault', 'kept.sealed'));
      expect(codeOf(() => other.open('kept'))).toBe('VAULT_BLOB_UNREADABLE');
      other.close();
    } finally {
      v.dir.remove();
    }
  });
});
