import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osKeychain } from '../../native/keychain';
import { createOfflineUnlock } from '../../electron/services/offline-unlock';
import { openVault, type Vault } from '../../electron/services/vault';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir } from '../support/temp';

// Offline unlock against the real vault in the real OS keychain (gnome-keyring on a private D-Bus).
let keyring: KeyringSession;
let dir: ReturnType<typeof tempDir>;
let vault: Vault;
let now = Date.parse('2026-11-26T01:00:00Z');

beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
  dir = tempDir('kd-offline-');
  vault = openVault({ dataDir: dir.path, mode: 'training', keychain: osKeychain() });
});
afterAll(async () => {
  vault?.close();
  dir?.remove();
  await keyring?.stop();
});

const staff = { staffId: 'caremgr01', jobType: 'care-manager', officeNumber: '1312000012' };
const unlock = () => createOfflineUnlock({ vault: () => vault, clock: () => new Date(now), limitHours: 72 });

describe('offline unlock', () => {
  it('unlocks read-only with the password of the last online login, and zeroes the password buffers', () => {
    const password = Buffer.from('Correct-Horse-7', 'utf8');
    unlock().recordOnlineLogin(staff, password);
    expect(password.every((b) => b === 0)).toBe(true);
    now += 3_600_000;
    const attempt = Buffer.from('Correct-Horse-7', 'utf8');
    const result = unlock().unlock('caremgr01', attempt);
    expect(result).toMatchObject({ ok: true, readOnly: true, staff, unlockUntil: '2026-11-29T01:00:00.000Z' });
    expect(attempt.every((b) => b === 0)).toBe(true);
  });

  it('refuses a wrong password and an unknown staff member', () => {
    expect(unlock().unlock('caremgr01', Buffer.from('wrong'))).toEqual({ ok: false, reason: 'wrong-password' });
    expect(unlock().unlock('nobody', Buffer.from('Correct-Horse-7'))).toEqual({ ok: false, reason: 'no-online-login' });
  });

  it('refuses past the configured hours since the last online login', () => {
    now = Date.parse('2026-11-29T01:00:01Z');
    expect(unlock().unlock('caremgr01', Buffer.from('Correct-Horse-7'))).toEqual({ ok: false, reason: 'expired' });
  });

  it('keeps neither the password nor the staff ID in clear on disk', () => {
    const files = fs.readdirSync(path.join(dir.path, 'vault'));
    expect(files.some((f) => f.includes('caremgr01'))).toBe(false);
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(dir.path, 'vault', f));
      expect(bytes.includes(Buffer.from('Correct-Horse-7'))).toBe(false);
      expect(bytes.includes(Buffer.from('caremgr01'))).toBe(false);
    }
  });
});
