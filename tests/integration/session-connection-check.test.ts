import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConnection } from '../../electron/services/session';
import {
  generateRsaKeyPair,
  issueCertificate,
  issueServerCertificate,
  type CertAndKey,
  type TrainingPki,
} from '../../electron/training/pki';
import { startTrainingServer, type TrainingServer } from '../../electron/training/server';
import { trainingPki } from './training-server.support';

// 接続テスト against real TLS 1.3 servers: a good report, and the diagnosis when the server is not trusted —
// including a "corporate proxy" that re-signs the service's name with its own CA.

let pki: TrainingPki;
let server: TrainingServer;
const DAY = 86_400_000;

function proxyCa(): CertAndKey {
  const keys = generateRsaKeyPair();
  const now = Date.now();
  const certPem = issueCertificate({
    subject: [
      { shortName: 'O', value: 'Example Corp' },
      { shortName: 'CN', value: 'Example Corp SSL Inspection CA' },
    ],
    subjectPublicKeyPem: keys.publicKeyPem,
    issuerPrivateKeyPem: keys.privateKeyPem,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 365 * DAY),
    usage: 'ca',
  });
  return { certPem, keyPem: keys.privateKeyPem };
}

beforeAll(async () => {
  pki = trainingPki();
  server = await startTrainingServer({ pki });
});
afterAll(() => server.close());

const options = (url: string, servername?: string) => ({
  baseUrl: url,
  tls: { caPem: pki.ca.certPem, certPem: pki.offices[0]!.certPem, keyPem: pki.offices[0]!.keyPem, servername },
});

describe('checkConnection', () => {
  it('reports TLS version, cipher, chain and root, client certificate and round-trip time', async () => {
    const r = await checkConnection(options(server.url));
    expect(r).toMatchObject({
      ok: true,
      code: null,
      tlsVersion: 'TLSv1.3',
      serverChain: ['localhost', 'Kaigo Desk 練習用認証局'],
      serverRoot: 'Kaigo Desk 練習用認証局',
      interceptionSuspected: false,
    });
    expect(r.cipher).toMatch(/^TLS_/);
    expect(r.clientCertificate!.subject).toContain('CN=1370100016');
    expect(r.roundTripMs).toBeGreaterThan(0);
  });

  it('flags a TLS-intercepting proxy: right name, issuer outside the trust anchors', async () => {
    const ca = proxyCa();
    const resigned = issueServerCertificate(ca, new Date());
    const proxy = await startTrainingServer({ pki: { ...pki, server: resigned } });
    try {
      const r = await checkConnection(options(proxy.url));
      expect(r).toMatchObject({
        ok: false,
        code: 'SESSION_SERVER_UNTRUSTED',
        serverProblem: 'unknown-issuer',
        interceptionSuspected: true,
      });
      expect(r.serverChain[0]).toBe('localhost');
    } finally {
      await proxy.close();
    }
  });

  it('tells an expired server certificate and a wrong name apart from interception', async () => {
    const expired = issueServerCertificate(pki.ca, new Date(), {
      notBefore: new Date(Date.now() - 10 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    const stale = await startTrainingServer({ pki: { ...pki, server: expired } });
    try {
      expect(await checkConnection(options(stale.url))).toMatchObject({
        code: 'SESSION_SERVER_UNTRUSTED',
        serverProblem: 'expired',
        interceptionSuspected: false,
      });
    } finally {
      await stale.close();
    }
    expect(await checkConnection(options(server.url, 'kaigo.example.org'))).toMatchObject({
      code: 'SESSION_SERVER_UNTRUSTED',
      serverProblem: 'wrong-name',
      interceptionSuspected: false,
    });
  });

  it('reports an unreachable service without a server diagnosis', async () => {
    const gone = await startTrainingServer({ pki });
    const url = gone.url;
    await gone.close();
    expect(await checkConnection(options(url))).toMatchObject({
      ok: false,
      code: 'SESSION_UNREACHABLE',
      serverProblem: null,
    });
  });
});
