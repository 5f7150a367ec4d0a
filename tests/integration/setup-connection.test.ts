import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import type { ConnectionCheckReport, SetupCheckReport } from '../../electron/contract';
import { connectionItem, connectionReport } from '../../electron/services/setup';
import { generateRsaKeyPair, issueCertificate, issueServerCertificate } from '../../electron/training/pki';
import { startTrainingServer, type TrainingServer } from '../../electron/training/server';
import { createTestApp, testHost } from '../support/app';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { trainingPki } from './training-server.support';

// 接続テスト and 導入チェック through the app's dispatcher, against the real in-process training server (TLS 1.3,
// client certificate required) of 練習モード. Nothing secret or identifying beyond subject and expiry comes back.

const trusted = { url: 'app://kaigo/index.html', isMainFrame: true };
let app: KaigoApp;
let remove: () => Promise<void>;
let keyring: KeyringSession;

// The OS keychain (gnome-keyring on a private D-Bus) first: the configured app reads its certificate from the vault.
beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
  ({ app, remove } = await createTestApp());
});
afterAll(async () => {
  await remove?.();
  await keyring?.stop();
});

async function dispatch<T>(name: string, payload: unknown = {}): Promise<T> {
  const r = await app.dispatch(name, trusted, payload);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code}`);
  return r.value as T;
}

describe('connection.check (training server)', () => {
  it('reports TLS 1.3, cipher, server root, the office certificate used and the round-trip time', async () => {
    const r = await dispatch<ConnectionCheckReport>('connection.check');
    const training = (await app.trainingBackend())!;
    expect(r).toMatchObject({
      endpoint: new URL(training.url).origin,
      training: true,
      ok: true,
      code: null,
      tlsVersion: 'TLSv1.3',
      serverRoot: 'Kaigo Desk 練習用認証局',
      interceptionSuspected: false,
      serverProblem: null,
    });
    expect(r.cipher).toMatch(/^TLS_(AES|CHACHA20)/);
    expect(r.serverChain[0]).toBe('localhost');
    expect(r.clientCertificate!.subject).toContain('CN=1370100016');
    expect(Date.parse(r.clientCertificate!.notAfter)).toBeGreaterThan(Date.now());
    expect(r.roundTripMs).toBeGreaterThan(0);
    // Subject and expiry only: no key material, no serial number.
    const json = JSON.stringify(r);
    expect(json).not.toContain('PRIVATE KEY');
    expect(json).not.toContain('BEGIN CERTIFICATE');
  });

  it('never shows the client certificate serial', async () => {
    const pemSerials = await serialsOfTrainingOffices();
    const json = JSON.stringify(await dispatch<ConnectionCheckReport>('connection.check'));
    for (const serial of pemSerials) expect(json.toUpperCase()).not.toContain(serial);
  });

  it('rejects input it does not expect', async () => {
    await expect(app.dispatch('connection.check', trusted, { url: 'https://evil.example' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_INPUT' },
    });
  });
});

async function serialsOfTrainingOffices(): Promise<string[]> {
  const training = (await app.trainingBackend())!;
  return training.pki.offices.map((o) => new crypto.X509Certificate(o.certPem).serialNumber.toUpperCase());
}

describe('setup.check (training)', () => {
  it('checks each step live: ✓ ID, certificate, reader, connection; ✗ login until staff log in', async () => {
    const r = await dispatch<SetupCheckReport>('setup.check');
    const lines = r.items.map((i) => [i.step, i.ok]);
    expect(lines).toEqual([
      ['billing-id', true],
      ['billing-id', true],
      ['client-certificate', true],
      ['client-certificate', true],
      ['card-reader', true],
      ['connection', true],
      ['otp-login', false],
    ]);
    expect(r.items.at(-1)!.detail).toBe('ログインして確認してください');
    // Each office's own certificate, named by office (issue 5: a PC serving 居宅 + 訪問介護).
    const certificates = r.items.filter((i) => i.step === 'client-certificate');
    expect(certificates.map((i) => i.label)).toEqual([
      'クライアント証明書（練習用 居宅介護支援事業所 さくら）',
      'クライアント証明書（練習用 訪問介護事業所 さくら）',
    ]);
    expect(certificates[0]!.detail).toMatch(/^1370100016 — .* まで有効/);
    expect(certificates[1]!.detail).toMatch(/^1370100024 — .* まで有効/);
    expect(r.items.find((i) => i.step === 'card-reader')!.detail).toContain('Kaigo Desk 練習用リーダー を使用');
    expect(r.subsidy).toEqual([
      expect.objectContaining({ serviceType: '43', group: 'その他', maxReaders: 1, maxYen: 42_000 }),
      expect.objectContaining({ serviceType: '11', group: '訪問・通所・短期', maxReaders: 3, maxYen: 64_000 }),
    ]);
  });

  it('shows ✓ for the one-time-password login once staff have logged in', async () => {
    await dispatch('session.login', { staffId: 'cm-renshu01', password: 'Renshu-CM-2026!' });
    const training = (await app.trainingBackend())!;
    const code = training.mailbox.latestFor('cm-renshu01')!.code;
    await dispatch('session.submitOtp', { code });
    const r = await dispatch<SetupCheckReport>('setup.check');
    expect(r.items.find((i) => i.step === 'otp-login')).toMatchObject({ ok: true, detail: 'ログインできています' });
  });
});

// A configured PC before the installer imported the office certificate: the steps that cannot pass say exactly why.
describe('configured, no certificate yet', () => {
  let server: TrainingServer;
  let configured: KaigoApp;
  let removeConfigured: () => Promise<void>;
  let host: ReturnType<typeof testHost>;

  beforeAll(async () => {
    const pki = trainingPki();
    server = await startTrainingServer({ pki });
    host = testHost();
    const configFile = host.host.env.KAIGO_CONFIG!;
    fs.mkdirSync(path.dirname(configFile), { recursive: true });
    fs.writeFileSync(
      configFile,
      JSON.stringify({
        schemaVersion: 1,
        endpoint: server.url,
        trustAnchors: [{ pem: pki.ca.certPem }],
        offices: [
          { officeNumber: '1370100016', serviceType: '32', name: 'グループホーム さくら', billingSystemId: 'KJ0001' },
        ],
      }),
    );
    ({ app: configured, remove: removeConfigured } = await createTestApp({}, host));
  });
  afterAll(async () => {
    await removeConfigured?.();
    host?.remove();
    await server?.close();
  });

  it('connection.check answers CERT_NOT_INSTALLED with its message', async () => {
    const r = await configured.dispatch('connection.check', trusted, {});
    expect(r).toMatchObject({ ok: false, error: { code: 'CERT_NOT_INSTALLED' } });
  });

  it('setup.check: ✓ ID; ✗ certificate, connection and login, each with its condition; the cap of 居住・施設', async () => {
    const r = await configured.dispatch('setup.check', trusted, {});
    if (!r.ok) throw new Error(r.error.code);
    const report = r.value as SetupCheckReport;
    const byStep = Object.fromEntries(report.items.map((i) => [i.step, i]));
    expect(byStep['billing-id']).toMatchObject({ ok: true, label: '電子請求受付システムID（グループホーム さくら）' });
    expect(byStep['client-certificate']).toMatchObject({
      ok: false,
      detail: '証明書が取り込まれていません',
      code: 'CERT_NOT_INSTALLED',
    });
    expect(byStep.connection).toMatchObject({ ok: false, code: 'CERT_NOT_INSTALLED' });
    expect(byStep['otp-login']).toMatchObject({ ok: false, detail: 'ログインして確認してください' });
    // The real PC/SC stack (pcscd may or may not run on this shared machine): one of the named conditions.
    expect(byStep['card-reader']!.detail).toMatch(
      /^(スマートカードサービスが動いていません|カードリーダーが接続されていません|使うカードリーダーが選ばれていません|.+ を使用(（接続 \d+ 台）)?)$/,
    );
    expect(report.subsidy).toEqual([
      expect.objectContaining({ serviceType: '32', group: '居住・施設', maxReaders: 2, maxYen: 55_000 }),
    ]);
  });
});

// SSL inspection: a proxy answering for the service's name with a certificate from its own CA.
describe('connectionReport behind a TLS-intercepting proxy', () => {
  it('flags the suspected interception and names the refusal in Japanese', async () => {
    const pki = trainingPki();
    const keys = generateRsaKeyPair();
    const caPem = issueCertificate({
      subject: [{ shortName: 'CN', value: 'Example Corp SSL Inspection CA' }],
      subjectPublicKeyPem: keys.publicKeyPem,
      issuerPrivateKeyPem: keys.privateKeyPem,
      notBefore: new Date(Date.now() - 86_400_000),
      notAfter: new Date(Date.now() + 30 * 86_400_000),
      usage: 'ca',
    });
    const proxy = await startTrainingServer({
      pki: { ...pki, server: issueServerCertificate({ certPem: caPem, keyPem: keys.privateKeyPem }, new Date()) },
    });
    try {
      const r = await connectionReport({
        baseUrl: proxy.url,
        tls: { caPem: pki.ca.certPem, certPem: pki.offices[0]!.certPem, keyPem: pki.offices[0]!.keyPem },
        training: false,
        now: new Date(),
      });
      expect(r).toMatchObject({
        ok: false,
        code: 'SESSION_SERVER_UNTRUSTED',
        interceptionSuspected: true,
        serverProblem: 'unknown-issuer',
        serverRoot: 'Example Corp SSL Inspection CA',
      });
      expect(r.message).toContain('接続先サーバーの証明書を確認できませんでした');
      expect(connectionItem(r).detail).toContain('SSLインスペクション');
    } finally {
      await proxy.close();
    }
  });
});
