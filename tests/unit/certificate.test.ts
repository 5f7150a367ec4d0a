import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCertificateService, inspectCertificate, readP12 } from '../../electron/services/certificate';
import { createLogger } from '../../electron/services/log';
import {
  createTrainingCa,
  exportP12,
  issueOfficeCertificate,
  type CertAndKey,
  type ClientCertOptions,
  type P12Flavour,
} from '../../electron/training/pki';
import { thrownCode } from '../support/error-codes';
import { memorySealedStore } from '../support/memory-store';

// Import of the office .p12 (issue 5 item 2): every bad input has its own code; legacy RC2-40 files import.

const now = new Date('2026-11-26T03:00:00Z');
const DAY = 86_400_000;
const office = { officeNumber: '1370100016', officeName: '練習用 居宅介護支援事業所 さくら' };
const PASSWORD = 'Shomei-2026';
let ca: CertAndKey;

function p12(opts: ClientCertOptions = {}, flavour: P12Flavour = 'aes256', password = PASSWORD): Buffer {
  const cred = issueOfficeCertificate(ca, office, now, opts);
  return exportP12({ privateKeyPem: cred.keyPem, certPem: cred.certPem, chainPems: [ca.certPem], password, flavour });
}

const codeOf = thrownCode;

beforeAll(() => {
  ca = createTrainingCa(now);
});

describe('readP12', () => {
  for (const flavour of ['aes256', '3des', 'legacy'] as const) {
    it(`opens a ${flavour} file and finds the leaf by its key`, () => {
      const m = readP12(p12({}, flavour), PASSWORD);
      const cert = new crypto.X509Certificate(m.certPem);
      expect(cert.subject).toContain('CN=1370100016');
      expect(cert.checkPrivateKey(crypto.createPrivateKey(m.keyPem))).toBe(true);
      expect(m.chainPems).toHaveLength(1);
    });
  }

  it('refuses each bad file with its own code', () => {
    const good = p12();
    expect(codeOf(() => readP12(good, 'wrong-password'))).toBe('CERT_WRONG_PASSWORD');
    expect(codeOf(() => readP12(p12({}, 'legacy'), 'wrong-password'))).toBe('CERT_WRONG_PASSWORD');
    expect(codeOf(() => readP12(good.subarray(0, Math.floor(good.length / 2)), PASSWORD))).toBe('CERT_FILE_DAMAGED');
    expect(codeOf(() => readP12(Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n'), PASSWORD))).toBe(
      'CERT_FILE_NOT_PKCS12',
    );
    expect(codeOf(() => readP12(Buffer.alloc(0), PASSWORD))).toBe('CERT_FILE_NOT_PKCS12');
    // A DER certificate is a SEQUENCE too, but not a PFX.
    const der = new crypto.X509Certificate(ca.certPem).raw;
    expect(codeOf(() => readP12(der, PASSWORD))).toBe('CERT_FILE_NOT_PKCS12');
    expect(codeOf(() => readP12(Buffer.alloc(50 * 1024 * 1024, 0x30), PASSWORD))).toBe('CERT_FILE_TOO_LARGE');
  });
});

describe('inspectCertificate', () => {
  it('reports subject, issuer, serial, validity, key and EKU', () => {
    const cred = issueOfficeCertificate(ca, office, now);
    const info = inspectCertificate(cred.certPem);
    expect(info.subject).toMatchObject({ CN: '1370100016', O: office.officeName, C: 'JP' });
    expect(info.issuer.CN).toBe('Kaigo Desk 練習用認証局');
    expect(info.serialNumber).toBe(new crypto.X509Certificate(cred.certPem).serialNumber.toUpperCase());
    expect(info.notAfter).toBe(new Date(now.getTime() + 365 * DAY).toISOString());
    expect(info).toMatchObject({ keyType: 'rsa', keySize: 2048, officeNumber: '1370100016' });
    expect(info.extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
  });
});

describe('certificate service', () => {
  it('refuses expired, not-yet-valid, no clientAuth, weak key and another office, each with its own code', () => {
    const svc = createCertificateService({
      store: memorySealedStore(),
      clock: () => now,
      officeNumbers: () => ['1370100016'],
    });
    const expired = p12({ notBefore: new Date(now.getTime() - 400 * DAY), notAfter: new Date(now.getTime() - DAY) });
    expect(codeOf(() => svc.importP12(expired, PASSWORD))).toBe('CERT_EXPIRED');
    const future = p12({ notBefore: new Date(now.getTime() + DAY), notAfter: new Date(now.getTime() + 300 * DAY) });
    expect(codeOf(() => svc.importP12(future, PASSWORD))).toBe('CERT_NOT_YET_VALID');
    expect(codeOf(() => svc.importP12(p12({ extendedKeyUsage: ['serverAuth'] }), PASSWORD))).toBe(
      'CERT_NO_CLIENT_AUTH',
    );
    expect(codeOf(() => svc.importP12(p12({ extendedKeyUsage: [] }), PASSWORD))).toBe('CERT_NO_CLIENT_AUTH');
    expect(codeOf(() => svc.importP12(p12({ keyBits: 1024 }), PASSWORD))).toBe('CERT_WEAK_KEY');
    const other = createCertificateService({
      store: memorySealedStore(),
      clock: () => now,
      officeNumbers: () => ['1370100024'],
    });
    expect(codeOf(() => other.importP12(p12(), PASSWORD))).toBe('CERT_OFFICE_MISMATCH');
    expect(svc.current(office.officeNumber)).toBeNull();
  });

  it('imports a legacy RC2-40 file, replaces it, gives TLS the PEMs, and deletes it', () => {
    const store = memorySealedStore();
    const lines: string[] = [];
    const svc = createCertificateService({
      store,
      clock: () => now,
      log: createLogger({ write: (l) => lines.push(l) }),
    });
    expect(codeOf(() => svc.tlsMaterial(office.officeNumber))).toBe('CERT_NOT_INSTALLED');
    const first = svc.importP12(p12({}, 'legacy'), PASSWORD);
    expect(first.expiry).toEqual({ daysLeft: 365, expired: false, warning: null });
    const replaced = svc.importP12(p12({ notAfter: new Date(now.getTime() + 20 * DAY) }), PASSWORD);
    expect(replaced.info.serialNumber).not.toBe(first.info.serialNumber);
    expect(replaced.expiry.warning).toBe(30);
    expect(svc.current(office.officeNumber)!.info.serialNumber).toBe(replaced.info.serialNumber);
    expect(svc.tlsMaterial(office.officeNumber).certPem).toContain('BEGIN CERTIFICATE');
    // Neither the password nor the serial reach the log.
    const text = lines.join('\n');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(replaced.info.serialNumber);
    expect(text).not.toContain(replaced.info.serialNumber.toLowerCase());
    svc.remove(office.officeNumber);
    expect(svc.current(office.officeNumber)).toBeNull();
    expect(store.blobs.size).toBe(0);
  });

  it('preview inspects without storing', () => {
    const store = memorySealedStore();
    const svc = createCertificateService({ store, clock: () => now });
    expect(svc.previewP12(p12(), PASSWORD).info.officeNumber).toBe('1370100016');
    expect(store.blobs.size).toBe(0);
  });
});
