import { KaigoError } from '../errors';
import { silentLogger, type Logger } from '../log';
import { expiryStatus, type ExpiryStatus } from './expiry';
import { inspectCertificate, type CertificateInfo } from './inspect';
import { readP12, type CertificateMaterial } from './p12-reader';
import { certificateProblem } from './policy';

// The office client certificates: import (replace), details, expiry, delete, and the PEM material TLS needs. Each
// office has its own certificate (its 事業所番号 is the subject CN, DOMAIN.md §2.16), so a PC serving two offices
// (居宅 + 訪問介護 併設) keeps one sealed bundle per 事業所番号. The vault keeps them sealed; this service depends only on
// the three vault calls it uses. The .p12 bytes and password are used once and never stored.

/** The subset of the vault this service needs (structurally the Vault's seal/open/remove). */
export interface SealedStore {
  seal(name: string, bytes: Uint8Array): void;
  open(name: string): Buffer | null;
  remove(name: string): void;
}

/**
 * The single bundle of earlier versions (one certificate per PC). On first use it moves to the blob of the office its
 * subject names; a certificate that names no office (possible only without office profiles) stays here and serves
 * any office.
 */
export const BUNDLE_BLOB = 'client-certificate';

/** The sealed blob of one office's certificate (vault names are lower-case; the 3rd character may be a letter). */
export function officeBundleBlob(officeNumber: string): string {
  return `${BUNDLE_BLOB}-${officeNumber.toLowerCase()}`;
}

export interface InstalledCertificate {
  info: CertificateInfo;
  expiry: ExpiryStatus;
}

export interface CertificateServiceOptions {
  store: SealedStore;
  clock?: () => Date;
  log?: Logger;
  /** 事業所番号 of the configured office profiles (cross-checked with the certificate subject). */
  officeNumbers?: () => string[];
}

export interface CertificateService {
  /**
   * Validates and installs under the office the subject names (replacing that office's earlier certificate). Throws
   * KaigoError with the refusal's code.
   */
  importP12(bytes: Uint8Array, password: string): InstalledCertificate;
  /** Inspects a .p12 without installing it (wizard preview). */
  previewP12(bytes: Uint8Array, password: string): InstalledCertificate;
  /** The certificate of one office, or null. */
  current(officeNumber: string): InstalledCertificate | null;
  /** For the TLS session only: key + certificate PEM of one office. Throws CERT_NOT_INSTALLED. */
  tlsMaterial(officeNumber: string): CertificateMaterial;
  /** Removes one office's certificate. */
  remove(officeNumber: string): void;
}

function decodeBundle(bytes: Buffer | null): CertificateMaterial | null {
  if (!bytes) return null;
  const parsed = JSON.parse(bytes.toString('utf8')) as CertificateMaterial;
  return parsed;
}

export function createCertificateService(options: CertificateServiceOptions): CertificateService {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? silentLogger;
  const store = options.store;

  // Moves the single bundle of earlier versions to its office's blob, once per service.
  let migrated = false;
  const migrate = () => {
    if (migrated) return;
    migrated = true;
    const legacy = store.open(BUNDLE_BLOB);
    if (!legacy) return;
    const officeNumber = inspectCertificate(decodeBundle(legacy)!.certPem).officeNumber;
    if (!officeNumber) return; // names no office: stays the office-less fallback
    if (!store.open(officeBundleBlob(officeNumber))) store.seal(officeBundleBlob(officeNumber), legacy);
    store.remove(BUNDLE_BLOB);
    log.info('certificate.migrated', {});
  };

  const materialOf = (officeNumber: string): CertificateMaterial | null => {
    migrate();
    const own = decodeBundle(store.open(officeBundleBlob(officeNumber)));
    return own ?? decodeBundle(store.open(BUNDLE_BLOB));
  };

  const evaluate = (bytes: Uint8Array, password: string) => {
    const material = readP12(bytes, password);
    const info = inspectCertificate(material.certPem);
    const problem = certificateProblem(info, { now: clock(), officeNumbers: options.officeNumbers?.() });
    if (problem) throw new KaigoError(problem);
    return { material, installed: { info, expiry: expiryStatus(new Date(info.notAfter), clock()) } };
  };

  const guarded = <T>(what: string, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      const code = err instanceof KaigoError ? err.code : 'INTERNAL';
      log.warn(`certificate.${what}_refused`, { code });
      if (err instanceof KaigoError) throw err;
      throw new KaigoError('INTERNAL', 'certificate');
    }
  };

  return {
    importP12(bytes, password) {
      return guarded('import', () => {
        const { material, installed } = evaluate(bytes, password);
        migrate();
        const officeNumber = installed.info.officeNumber;
        store.seal(officeNumber ? officeBundleBlob(officeNumber) : BUNDLE_BLOB, Buffer.from(JSON.stringify(material)));
        log.info('certificate.imported', { daysLeft: installed.expiry.daysLeft, keySize: installed.info.keySize });
        return installed;
      });
    },
    previewP12(bytes, password) {
      return guarded('preview', () => evaluate(bytes, password).installed);
    },
    current(officeNumber) {
      const material = materialOf(officeNumber);
      if (!material) return null;
      const info = inspectCertificate(material.certPem);
      return { info, expiry: expiryStatus(new Date(info.notAfter), clock()) };
    },
    tlsMaterial(officeNumber) {
      const material = materialOf(officeNumber);
      if (!material) throw new KaigoError('CERT_NOT_INSTALLED');
      return material;
    },
    remove(officeNumber) {
      migrate();
      store.remove(officeBundleBlob(officeNumber));
      // An office-less certificate serves every office; removing "the" certificate of an office removes it too.
      const legacy = decodeBundle(store.open(BUNDLE_BLOB));
      if (legacy && !inspectCertificate(legacy.certPem).officeNumber) store.remove(BUNDLE_BLOB);
      log.info('certificate.removed', {});
    },
  };
}
