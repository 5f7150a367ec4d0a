import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrainingPki, exportP12, issueOfficeCertificate, type TrainingPki } from '../../electron/training/pki';
import { TRAINING_OFFICES } from '../../electron/training/server';
import { tempDir } from '../support/temp';

// The training PKI checked with Node's own X.509 parser and openssl (not with forge, which wrote it).

const now = new Date('2026-11-26T00:00:00Z');
const pki: TrainingPki = createTrainingPki(TRAINING_OFFICES, now);
const tmp = tempDir('kd-pki-');
afterAll(() => tmp.remove());

const x509 = (pem: string) => new crypto.X509Certificate(pem);

describe('training PKI', () => {
  it('issues a self-signed CA that signs the server and office certificates', () => {
    const ca = x509(pki.ca.certPem);
    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    const server = x509(pki.server.certPem);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIssued(ca)).toBe(true);
    for (const o of pki.offices) expect(x509(o.certPem).verify(ca.publicKey)).toBe(true);
  });

  it('gives the server certificate localhost and 127.0.0.1 and serverAuth', () => {
    const server = x509(pki.server.certPem);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
  });

  it('puts the 事業所番号 in the office certificate subject with clientAuth, valid one year', () => {
    const office = pki.offices[0]!;
    const cert = x509(office.certPem);
    expect(cert.subject).toContain('CN=1370100016');
    expect(cert.subject).toContain('O=練習用 居宅介護支援事業所 さくら');
    expect(cert.subject).toContain('OU=介護保険証明書（練習用）');
    expect(cert.issuer).toContain('CN=Kaigo Desk 練習用認証局');
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(Date.parse(cert.validTo) - now.getTime()).toBe(365 * 86_400_000);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    // The key in the bundle belongs to the certificate.
    expect(cert.checkPrivateKey(crypto.createPrivateKey(office.keyPem))).toBe(true);
  });

  it('can issue the defective certificates the import tests need', () => {
    const weak = issueOfficeCertificate(pki.ca, TRAINING_OFFICES[0]!, now, { keyBits: 1024, extendedKeyUsage: [] });
    const cert = x509(weak.certPem);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
    expect(cert.keyUsage).toBeUndefined();
  });

  it('verifies with openssl as a client/server chain', () => {
    const w = (n: string, t: string) => (fs.writeFileSync(path.join(tmp.path, n), t), path.join(tmp.path, n));
    const ca = w('ca.pem', pki.ca.certPem);
    const r1 = spawnSync('openssl', [
      'verify',
      '-CAfile',
      ca,
      '-purpose',
      'sslclient',
      w('c.pem', pki.offices[0]!.certPem),
    ]);
    expect(String(r1.stdout)).toContain(': OK');
    const r2 = spawnSync('openssl', ['verify', '-CAfile', ca, '-purpose', 'sslserver', w('s.pem', pki.server.certPem)]);
    expect(String(r2.stdout)).toContain(': OK');
    const r3 = spawnSync('openssl', ['verify', '-CAfile', ca, '-purpose', 'sslserver', path.join(tmp.path, 'c.pem')]);
    expect(r3.status).not.toBe(0);
  });
});

describe('PKCS#12 export', () => {
  const office = pki.offices[0]!;
  const make = (flavour: 'aes256' | '3des' | 'legacy') =>
    exportP12({
      privateKeyPem: office.keyPem,
      certPem: office.certPem,
      chainPems: [pki.ca.certPem],
      password: 'renshu-p12',
      flavour,
    });

  for (const flavour of ['aes256', '3des', 'legacy'] as const) {
    it(`${flavour}: forge reads back key and both certificates with the password only`, () => {
      const der = make(flavour).toString('binary');
      const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), 'renshu-p12');
      const certs = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]!;
      expect(certs.map((b) => forge.pki.certificateToPem(b.cert!).replace(/\r/g, ''))).toEqual(
        [office.certPem, pki.ca.certPem].map((p) => p.replace(/\r/g, '')),
      );
      const keys = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]!;
      expect(keys).toHaveLength(1);
      expect(() => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), 'wrong')).toThrow();
    });
  }

  it('openssl 3 reads the aes256 and 3des files, and refuses the legacy RC2-40 one without its legacy provider', () => {
    for (const flavour of ['aes256', '3des', 'legacy'] as const) {
      const file = path.join(tmp.path, `${flavour}.p12`);
      fs.writeFileSync(file, make(flavour));
      const r = spawnSync('openssl', ['pkcs12', '-in', file, '-passin', 'pass:renshu-p12', '-nokeys', '-info']);
      const all = String(r.stdout) + String(r.stderr);
      if (flavour === 'legacy') {
        expect(all).toContain('pbeWithSHA1And40BitRC2-CBC');
        expect(r.status).not.toBe(0);
      } else {
        expect(r.status).toBe(0);
        expect(String(r.stdout)).toContain('1370100016');
      }
    }
  });
});
