import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCertificateService, type SealedStore } from '../../electron/services/certificate';
import { createSession } from '../../electron/services/session';
import { exportP12 } from '../../electron/training/pki';
import { startTrainingServer, type TrainingServer } from '../../electron/training/server';
import { trainingPki } from './training-server.support';

// A legacy RC2-40 .p12 (what OpenSSL 3 refuses) imported through the certificate service gives the session the
// key and certificate it needs for a real TLS 1.3 mutual-auth exchange with the training server.

let server: TrainingServer;
beforeAll(async () => {
  server = await startTrainingServer({ pki: trainingPki() });
});
afterAll(() => server.close());

it('imports a legacy .p12 and uses it for a TLS 1.3 mutual-auth ping', async () => {
  const pki = trainingPki();
  const office = pki.offices[1]!;
  const bytes = exportP12({
    privateKeyPem: office.keyPem,
    certPem: office.certPem,
    chainPems: [pki.ca.certPem],
    password: 'renshu',
    flavour: 'legacy',
  });
  const blobs = new Map<string, Buffer>();
  const store: SealedStore = {
    seal: (n, b) => void blobs.set(n, Buffer.from(b)),
    open: (n) => blobs.get(n) ?? null,
    remove: (n) => void blobs.delete(n),
  };
  const certs = createCertificateService({ store, officeNumbers: () => ['1370100024'] });
  expect(certs.importP12(bytes, 'renshu').info.officeNumber).toBe('1370100024');
  const m = certs.tlsMaterial('1370100024');
  const session = createSession({
    baseUrl: server.url,
    tls: { caPem: pki.ca.certPem, certPem: m.certPem, keyPem: m.keyPem },
  });
  try {
    const r = await session.ping();
    expect(r.officeNumber).toBe('1370100024');
    expect(r.tls!.protocol).toBe('TLSv1.3');
  } finally {
    await session.close();
  }
});
