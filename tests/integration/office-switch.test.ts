import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import type { OfficeList } from '../../electron/contract';
import { BUNDLE_BLOB, officeBundleBlob, readP12 } from '../../electron/services/certificate';
import { trainingPkiFiles } from '../../electron/backend';
import { createTrainingCa, exportP12, issueOfficeCertificate } from '../../electron/training/pki';
import { TRAINING_OFFICES, TRAINING_STAFF, type TrainingServer } from '../../electron/training/server';
import { osKeychain } from '../../native/keychain';
import { openVault } from '../../electron/services/vault';
import { createTestApp, testHost } from '../support/app';
import { startKeyringSession, type KeyringSession } from '../support/keyring';

// Issue 5 item 1 through the real app (dispatcher, OS keychain on a private D-Bus, training backend over TLS 1.3
// with client certificates): a PC serving two offices. The active office decides which certificate the session
// presents — the training server lets staff log in only at their own office — and the choice is remembered per user.

const SENDER = { url: 'app://kaigo/index.html', isMainFrame: true };
const [KYOTAKU, HOUMON] = TRAINING_OFFICES as [(typeof TRAINING_OFFICES)[0], (typeof TRAINING_OFFICES)[0]];
let keyring: KeyringSession;
let app: KaigoApp;
let remove: () => Promise<void>;
let server: TrainingServer;
const host = testHost();

async function call<T = unknown>(name: string, payload: unknown = {}): Promise<T> {
  const result = await app.dispatch(name, SENDER, payload);
  if (!result.ok) throw Object.assign(new Error(result.error.code), { code: result.error.code });
  return result.value as T;
}
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code ?? 'no-code',
  );
const active = (list: OfficeList) => list.offices.filter((o) => o.active).map((o) => o.officeNumber);

async function loginAs(staffId: string) {
  const staff = TRAINING_STAFF.find((s) => s.staffId === staffId)!;
  await call('session.login', { staffId, password: staff.password });
  return call<{ phase: string; staff?: { staffId: string } }>('session.submitOtp', {
    code: server.mailbox.latestFor(staffId)!.code,
  });
}

beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
  ({ app, remove } = await createTestApp({}, host));
  server = (await app.trainingBackend())!;
});
afterAll(async () => {
  await remove?.();
  host.remove();
  await keyring?.stop();
});

describe('selectable office profiles (training: 居宅 + 訪問介護)', () => {
  it('lists both training offices; the first is active by default and is the header office', async () => {
    const list = await call<OfficeList>('office.list');
    expect(list.offices.map((o) => [o.officeNumber, o.serviceTypeName, o.name, o.hasCertificate, o.active])).toEqual([
      [KYOTAKU.officeNumber, '居宅介護支援', KYOTAKU.officeName, true, true],
      [HOUMON.officeNumber, '訪問介護', HOUMON.officeName, true, false],
    ]);
    expect((await call<{ officeName: string }>('app.getStatus')).officeName).toBe(KYOTAKU.officeName);
  });

  it('the 訪問介護 staff cannot log in at the 居宅 office, and can after switching office', async () => {
    const frontPassword = TRAINING_STAFF.find((s) => s.staffId === 'front-renshu01')!.password;
    const front = { staffId: 'front-renshu01', password: frontPassword };
    expect(await codeOf(call('session.login', front))).toBe('SESSION_LOGIN_FAILED');
    expect(await loginAs('cm-renshu01')).toMatchObject({ phase: 'logged-in' });

    const switched = await call<OfficeList>('office.select', { officeNumber: HOUMON.officeNumber });
    expect(active(switched)).toEqual([HOUMON.officeNumber]);
    // Switching office is a logout: the care manager of the other office is no longer logged in.
    expect((await call<{ phase: string }>('session.state')).phase).toBe('logged-out');
    expect((await call<{ officeName: string }>('app.getStatus')).officeName).toBe(HOUMON.officeName);
    expect(await loginAs('front-renshu01')).toMatchObject({ phase: 'logged-in', staff: { staffId: 'front-renshu01' } });
    await call('session.logout');
    const cm = { staffId: 'cm-renshu01', password: TRAINING_STAFF.find((s) => s.staffId === 'cm-renshu01')!.password };
    expect(await codeOf(call('session.login', cm))).toBe('SESSION_LOGIN_FAILED');
  });

  it('the switch is audited: who switched, from which office to which, when; the chain still verifies', async () => {
    const switches = () =>
      app
        .audit()
        .rows()
        .filter((r) => r.action === 'config-change' && r.detail?.includes('OFFICE-SWITCH'));
    const [row, ...others] = switches();
    expect(others).toEqual([]);
    // The 事業所番号 is a subject (stored as a keyed hash, like every subject); the positions name both offices.
    expect(row).toMatchObject({
      staffId: 'cm-renshu01',
      subject: app.audit().subjectHash({ kind: 'office', value: HOUMON.officeNumber }),
      detail: '{"change":"OFFICE-SWITCH","endedLogin":true,"fromProfile":1,"toProfile":2}',
    });
    expect(Date.parse(row!.time)).toBeGreaterThan(Date.now() - 60_000);
    // Choosing the office already active, or one that is not configured here, is no switch: no row.
    await call('office.select', { officeNumber: HOUMON.officeNumber });
    expect(await codeOf(call('office.select', { officeNumber: '1370100032' }))).toBe('OFFICE_UNKNOWN');
    expect(switches()).toHaveLength(1);
    // Before anyone logs in the switch is still recorded, as not logged in; back and forth, two more rows.
    await call('office.select', { officeNumber: KYOTAKU.officeNumber });
    await call('office.select', { officeNumber: HOUMON.officeNumber });
    expect(switches().map((r) => [r.staffId, r.subject, JSON.parse(r.detail!)])).toEqual([
      [row!.staffId, row!.subject, JSON.parse(row!.detail!)],
      [
        'not-logged-in',
        app.audit().subjectHash({ kind: 'office', value: KYOTAKU.officeNumber }),
        { change: 'OFFICE-SWITCH', endedLogin: false, fromProfile: 2, toProfile: 1 },
      ],
      [
        'not-logged-in',
        app.audit().subjectHash({ kind: 'office', value: HOUMON.officeNumber }),
        { change: 'OFFICE-SWITCH', endedLogin: false, fromProfile: 1, toProfile: 2 },
      ],
    ]);
    expect(JSON.stringify(app.audit().rows())).not.toContain(HOUMON.officeNumber);
    expect(app.audit().verify()).toMatchObject({ kind: 'ok', unsealed: 0 });
    // `audit verify` of a later start on the same data folder (what the CLI runs) agrees.
    const again = await createTestApp({}, host);
    try {
      expect(again.app.audit().verify()).toEqual(app.audit().verify());
    } finally {
      await again.app.close();
    }
  });

  it('the choice is remembered for this user (a new app on the same data folder starts at 訪問介護)', async () => {
    const again = await createTestApp({}, host);
    try {
      const list = (await again.app.handlers['office.list']({})) as OfficeList;
      expect(active(list)).toEqual([HOUMON.officeNumber]);
    } finally {
      await again.app.close();
    }
  });

  it('refuses an office that is not configured here, and a malformed number, each with its code', async () => {
    // 1370100032 has a valid check digit shape but is not one of this PC's offices.
    expect(await codeOf(call('office.select', { officeNumber: '1370100032' }))).toBe('OFFICE_UNKNOWN');
    expect(await codeOf(call('office.select', { officeNumber: '13701' }))).toBe('IPC_INVALID_INPUT');
    expect(active(await call<OfficeList>('office.list'))).toEqual([HOUMON.officeNumber]);
  });

  it('a certificate kept by an earlier version under the single blob moves to its office and is used', async () => {
    const files = trainingPkiFiles(app.runtime, new Date());
    const p12 = files.p12Files.find((f) => f.officeNumber === HOUMON.officeNumber)!;
    const material = readP12(fs.readFileSync(p12.file), files.p12Password);
    const vault = openVault({ dataDir: app.runtime.dataDir, mode: 'training', keychain: osKeychain() });
    vault.remove(officeBundleBlob(HOUMON.officeNumber));
    vault.seal(BUNDLE_BLOB, Buffer.from(JSON.stringify(material), 'utf8'));
    const again = await createTestApp({}, host);
    try {
      const status = await again.app.handlers['certificate.status']({});
      expect(status.offices.map((o) => [o.officeNumber, o.installed?.officeNumber ?? null])).toEqual([
        [KYOTAKU.officeNumber, null],
        [HOUMON.officeNumber, HOUMON.officeNumber],
      ]);
      expect(status.installed?.officeNumber).toBe(HOUMON.officeNumber);
      expect(vault.open(BUNDLE_BLOB)).toBeNull();
      expect(vault.open(officeBundleBlob(HOUMON.officeNumber))).not.toBeNull();
    } finally {
      await again.app.close();
      vault.close();
    }
  });
});

describe('selectable office profiles (configured: two offices, one certificate so far)', () => {
  it('defaults to the first office that has a certificate; the certificate panel shows each office', async () => {
    const ca = createTrainingCa(new Date());
    const machine = testHost();
    const cred = issueOfficeCertificate(ca, HOUMON, new Date());
    const p12 = path.join(machine.host.homeDir, 'houmon.p12');
    fs.writeFileSync(p12, exportP12({ privateKeyPem: cred.keyPem, certPem: cred.certPem, password: 'pw-houmon' }));
    const config = {
      schemaVersion: 1,
      endpoint: 'https://127.0.0.1:9/',
      trustAnchors: [{ pem: ca.certPem }],
      offices: [
        { officeNumber: KYOTAKU.officeNumber, serviceType: '43', name: '居宅介護支援 さくら', billingSystemId: 'KJ01' },
        { officeNumber: HOUMON.officeNumber, serviceType: '11', name: '訪問介護 さくら', billingSystemId: 'KJ02' },
      ],
    };
    fs.mkdirSync(path.dirname(machine.host.env.KAIGO_CONFIG!), { recursive: true });
    fs.writeFileSync(machine.host.env.KAIGO_CONFIG!, JSON.stringify(config));
    const { app: configured } = await createTestApp({ chooseFile: async () => p12 }, machine);
    try {
      expect(configured.runtime.mode).toBe('configured');
      const before = (await configured.handlers['office.list']({})) as OfficeList;
      expect(before.offices.map((o) => [o.officeNumber, o.hasCertificate, o.active])).toEqual([
        [KYOTAKU.officeNumber, false, true],
        [HOUMON.officeNumber, false, false],
      ]);
      await configured.handlers['certificate.choose']({});
      expect((await configured.handlers['certificate.import']({ password: 'pw-houmon' })).officeNumber).toBe(
        HOUMON.officeNumber,
      );
      const after = (await configured.handlers['office.list']({})) as OfficeList;
      expect(after.offices.map((o) => [o.officeNumber, o.hasCertificate, o.active])).toEqual([
        [KYOTAKU.officeNumber, false, false],
        [HOUMON.officeNumber, true, true],
      ]);
      expect(configured.handlers['app.getStatus']({})).toMatchObject({ officeName: '訪問介護 さくら' });
      const status = await configured.handlers['certificate.status']({});
      expect(status.installed?.officeNumber).toBe(HOUMON.officeNumber);
      expect(status.offices.map((o) => [o.name, o.serviceTypeName, o.installed?.officeNumber ?? null])).toEqual([
        ['居宅介護支援 さくら', '居宅介護支援', null],
        ['訪問介護 さくら', '訪問介護', HOUMON.officeNumber],
      ]);
      // The header office is remembered between status calls, and follows a removal and a new import at once.
      const header = () => (configured.handlers['app.getStatus']({}) as { officeName: string }).officeName;
      await configured.handlers['certificate.delete']({});
      expect(header()).toBe('居宅介護支援 さくら');
      await configured.handlers['certificate.choose']({});
      await configured.handlers['certificate.import']({ password: 'pw-houmon' });
      expect(header()).toBe('訪問介護 さくら');
      // Choosing the office without a certificate is allowed (staff see it has none); the connection then says so.
      await configured.handlers['office.select']({ officeNumber: KYOTAKU.officeNumber });
      expect((await configured.handlers['certificate.status']({})).installed).toBeNull();
      await expect(configured.handlers['session.login']({ staffId: 'x', password: 'y' })).rejects.toMatchObject({
        code: 'CERT_NOT_INSTALLED',
      });
    } finally {
      await configured.close();
      machine.remove();
    }
  });
});
