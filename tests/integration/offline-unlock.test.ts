import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osKeychain } from '../../native/keychain';
import { OfflineUnlock, type OfflineAuditEntry } from '../../electron/services/session';
import { openVault, type Vault } from '../../electron/services/vault';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir } from '../support/temp';

// Offline unlock against the real vault in the real OS keychain (gnome-keyring on a private D-Bus), across a
// restart: the verifier sealed after the online login is opened by a new vault instance.
let keyring: KeyringSession;
let dir: ReturnType<typeof tempDir>;
let vault: Vault;
let now = Date.parse('2026-11-26T01:00:00Z');
const audit: OfflineAuditEntry[] = [];

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

const staff = { staffId: 'caremgr01', jobType: 'care-manager', officeNumber: '1370100016' };
const offline = () => new OfflineUnlock({ store: vault, clock: () => new Date(now), audit: (e) => audit.push(e) });

describe('offline unlock with the real vault', () => {
  it('unlocks read-only after a restart with the password of the last online login', () => {
    const first = offline();
    first.recordOnlineLogin(staff, first.prepareVerifier('Correct-Horse-7'));
    vault.close();
    vault = openVault({ dataDir: dir.path, mode: 'training', keychain: osKeychain() });
    now += 3_600_000;
    expect(offline().unlock('caremgr01', 'Correct-Horse-7')).toMatchObject({
      readOnly: true,
      staff,
      validUntil: '2026-11-29T01:00:00.000Z',
    });
    expect(audit.at(-1)).toMatchObject({ event: 'offline-unlock', outcome: 'unlocked' });
  });

  it('refuses a wrong password and, past the configured hours, the right one', () => {
    expect(() => offline().unlock('caremgr01', 'wrong')).toThrow();
    expect(audit.at(-1)).toMatchObject({ outcome: 'refused' });
    now = Date.parse('2026-11-29T01:00:01Z');
    expect(() => offline().unlock('caremgr01', 'Correct-Horse-7')).toThrow();
    expect(audit.at(-1)).toMatchObject({ outcome: 'expired' });
  });

  it('keeps neither the password nor the staff ID in clear on disk', () => {
    const files = fs.readdirSync(path.join(dir.path, 'vault'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((f) => f.includes('caremgr01'))).toBe(false);
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(dir.path, 'vault', f));
      expect(bytes.includes(Buffer.from('Correct-Horse-7'))).toBe(false);
      expect(bytes.includes(Buffer.from('caremgr01'))).toBe(false);
    }
  });
});
