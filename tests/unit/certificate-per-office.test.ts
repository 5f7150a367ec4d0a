import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLE_BLOB,
  createCertificateService,
  officeBundleBlob,
  readP12,
  type SealedStore,
} from '../../electron/services/certificate';
import { preferenceStore } from '../../electron/services/config';
import { createTrainingCa, exportP12, issueOfficeCertificate, type CertAndKey } from '../../electron/training/pki';
import { thrownCode } from '../support/error-codes';
import { tempDir } from '../support/temp';

// Issue 5 item 1: a PC serving two offices (居宅 + 訪問介護 併設) keeps one certificate per 事業所番号; the single
// certificate of earlier versions moves to its office's blob; the active office is remembered per user.

const KYOTAKU = { officeNumber: '1370100016', officeName: '練習用 居宅介護支援事業所 さくら' };
const HOUMON = { officeNumber: '1370100024', officeName: '練習用 訪問介護事業所 さくら' };
const PASSWORD = 'per-office-pw';
let ca: CertAndKey;
const p12s = new Map<string, Buffer>();

beforeAll(() => {
  ca = createTrainingCa(new Date());
  for (const office of [KYOTAKU, HOUMON]) {
    const cred = issueOfficeCertificate(ca, office, new Date());
    p12s.set(office.officeNumber, exportP12({ privateKeyPem: cred.keyPem, certPem: cred.certPem, password: PASSWORD }));
  }
});

function memoryStore(): SealedStore & { blobs: Map<string, Buffer> } {
  const blobs = new Map<string, Buffer>();
  return {
    blobs,
    seal: (name, bytes) => void blobs.set(name, Buffer.from(bytes)),
    open: (name) => blobs.get(name) ?? null,
    remove: (name) => void blobs.delete(name),
  };
}

const offices = () => [KYOTAKU.officeNumber, HOUMON.officeNumber];

describe('certificates per office', () => {
  it('keeps each office its own certificate; import goes under the office the subject names', () => {
    const store = memoryStore();
    const svc = createCertificateService({ store, officeNumbers: offices });
    expect(svc.current(KYOTAKU.officeNumber)).toBeNull();
    expect(svc.importP12(p12s.get(HOUMON.officeNumber)!, PASSWORD).info.officeNumber).toBe(HOUMON.officeNumber);
    expect(svc.current(KYOTAKU.officeNumber)).toBeNull();
    expect(thrownCode(() => svc.tlsMaterial(KYOTAKU.officeNumber))).toBe('CERT_NOT_INSTALLED');
    svc.importP12(p12s.get(KYOTAKU.officeNumber)!, PASSWORD);
    expect([...store.blobs.keys()].sort()).toEqual([
      officeBundleBlob(KYOTAKU.officeNumber),
      officeBundleBlob(HOUMON.officeNumber),
    ]);
    expect(svc.current(KYOTAKU.officeNumber)!.info.officeNumber).toBe(KYOTAKU.officeNumber);
    expect(svc.current(HOUMON.officeNumber)!.info.officeNumber).toBe(HOUMON.officeNumber);
    expect(svc.tlsMaterial(HOUMON.officeNumber).certPem).not.toBe(svc.tlsMaterial(KYOTAKU.officeNumber).certPem);
    // Removing one office's certificate leaves the other.
    svc.remove(HOUMON.officeNumber);
    expect(svc.current(HOUMON.officeNumber)).toBeNull();
    expect(svc.current(KYOTAKU.officeNumber)!.info.officeNumber).toBe(KYOTAKU.officeNumber);
  });

  it('a certificate for an office that is not configured is refused', () => {
    const svc = createCertificateService({ store: memoryStore(), officeNumbers: () => [KYOTAKU.officeNumber] });
    expect(thrownCode(() => svc.importP12(p12s.get(HOUMON.officeNumber)!, PASSWORD))).toBe('CERT_OFFICE_MISMATCH');
  });

  it('moves the single certificate of earlier versions to the blob of the office its subject names', () => {
    const store = memoryStore();
    const material = readP12(p12s.get(HOUMON.officeNumber)!, PASSWORD);
    store.seal(BUNDLE_BLOB, Buffer.from(JSON.stringify(material), 'utf8'));
    const svc = createCertificateService({ store, officeNumbers: offices });
    expect(svc.current(KYOTAKU.officeNumber)).toBeNull();
    expect(svc.tlsMaterial(HOUMON.officeNumber).keyPem).toBe(material.keyPem);
    expect([...store.blobs.keys()]).toEqual([officeBundleBlob(HOUMON.officeNumber)]);
  });

  it('the blob name is a valid vault name for a number whose 3rd character is a letter', () => {
    expect(officeBundleBlob('13A0100016')).toBe('client-certificate-13a0100016');
    expect(/^[a-z0-9][a-z0-9.-]{0,63}$/.test(officeBundleBlob('13A0100016'))).toBe(true);
  });
});

describe('the active office preference', () => {
  it('is remembered per user beside the card reader; a malformed number is refused', () => {
    const dir = tempDir('kd-pref-office-');
    try {
      const prefs = preferenceStore(dir.path);
      expect(prefs.read().office).toBeUndefined();
      prefs.update({ cardReader: 'Reader A' });
      prefs.update({ office: HOUMON.officeNumber });
      expect(preferenceStore(dir.path).read()).toEqual({ cardReader: 'Reader A', office: HOUMON.officeNumber });
      expect(() => prefs.update({ office: '123' })).toThrow();
      expect(preferenceStore(dir.path).read().office).toBe(HOUMON.officeNumber);
    } finally {
      dir.remove();
    }
  });
});
