import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import { PROVISIONED_MARKER } from '../../electron/services/config';
import { createTrainingCa, exportP12, issueOfficeCertificate } from '../../electron/training/pki';
import { TRAINING_OFFICES } from '../../electron/training/server';
import { createTestApp } from '../support/app';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir } from '../support/temp';

// Issue 5 item 1 in training mode, with the real keychain: the session uses the certificate imported into the
// (training) vault when there is one — proved with a certificate from a foreign CA, which the training server refuses
// (no HTTP answer → SESSION_CLIENT_CERT_REFUSED / TLS failure) — and the training office certificate otherwise.

let keyring: KeyringSession;
let dir: { path: string; remove(): void };
let app: KaigoApp;
let remove: () => Promise<void>;
let chosen: string | null = null;

beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
  dir = tempDir('kd-cert-backend-');
  ({ app, remove } = await createTestApp({ chooseFile: async () => chosen }));
});
afterAll(async () => {
  await remove?.();
  dir?.remove();
  await keyring?.stop();
});

const login = () => app.handlers['session.login']({ staffId: 'cm-renshu01', password: 'Renshu-CM-2026!' });

describe('training backend and the vault certificate', () => {
  it('first start: no certificate imported, the training office certificate logs in', async () => {
    expect((await app.handlers['certificate.status']({})).installed).toBeNull();
    expect((await login()).phase).toBe('otp-pending');
  });

  it('an imported certificate is what the next session presents (a foreign CA is refused by the server)', async () => {
    const foreign = createTrainingCa(new Date());
    const cred = issueOfficeCertificate(foreign, TRAINING_OFFICES[0]!, new Date());
    chosen = path.join(dir.path, 'foreign.p12');
    fs.writeFileSync(chosen, exportP12({ privateKeyPem: cred.keyPem, certPem: cred.certPem, password: 'pw-foreign' }));
    expect(await app.handlers['certificate.choose']({})).toEqual({ fileName: 'foreign.p12' });
    const details = await app.handlers['certificate.import']({ password: 'pw-foreign' });
    expect(details.officeNumber).toBe('1370100016');
    // The import ended the old session: the state is logged out, and a new login presents the foreign certificate.
    expect((await app.handlers['session.state']({})).phase).toBe('logged-out');
    await expect(login()).rejects.toMatchObject({
      code: 'SESSION_CLIENT_CERT_REFUSED',
    });
  });

  it('after delete the training office certificate is used again; importTraining uses the same path', async () => {
    await app.handlers['certificate.delete']({});
    expect((await login()).phase).toBe('otp-pending');
    const imported = await app.handlers['certificate.importTraining']({});
    expect(imported.issuer).toContain('練習用認証局');
    expect((await login()).phase).toBe('otp-pending');
    // Practising the import never marks this user as provisioned (that would end training mode, DESIGN.md §4).
    const userDir = path.dirname(app.runtime.dataDir);
    const names = fs.readdirSync(userDir, { recursive: true }).map(String);
    expect(names.some((n) => n.endsWith('training/vault/client-certificate-1370100016.sealed'))).toBe(true);
    expect(names.filter((n) => n.endsWith(PROVISIONED_MARKER))).toEqual([]);
  });
});
