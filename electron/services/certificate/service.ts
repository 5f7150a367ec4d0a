import { KaigoError } from '../errors';
import { silentLogger, type Logger } from '../log';
import { expiryStatus, type ExpiryStatus } from './expiry';
import { inspectCertificate, type CertificateInfo } from './inspect';
import { readP12, type CertificateMaterial } from './p12-reader';
import { certificateProblem } from './policy';

// The office client certificate: import (replace), details, expiry, delete, and the PEM material TLS needs. The
// bundle is kept sealed by the vault; this service depends only on the three vault calls it uses, so the vault
// (electron/services/vault) plugs in as is. The .p12 bytes and password are used once and never stored.

/** The subset of the vault this service needs (structurally the Vault's seal/open/remove). */
export interface SealedStore {
  seal(name: string, bytes: Uint8Array): void;
  open(name: string): Buffer | null;
  remove(name: string): void;
}

export const BUNDLE_BLOB = 'client-certificate';

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
  /** Validates and installs (replacing any earlier certificate). Throws KaigoError with the refusal's code. */
  importP12(bytes: Uint8Array, password: string): InstalledCertificate;
  /** Inspects a .p12 without installing it (wizard preview). */
  previewP12(bytes: Uint8Array, password: string): InstalledCertificate;
  current(): InstalledCertificate | null;
  /** For the TLS session only: key + certificate PEM. Throws CERT_NOT_INSTALLED. */
  tlsMaterial(): CertificateMaterial;
  remove(): void;
}

function decodeBundle(bytes: Buffer | null): CertificateMaterial | null {
  if (!bytes) return null;
  const parsed = JSON.parse(bytes.toString('utf8')) as CertificateMaterial;
  return parsed;
}

export function createCertificateService(options: CertificateServiceOptions): CertificateService {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? silentLogger;

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
        options.store.seal(BUNDLE_BLOB, Buffer.from(JSON.stringify(material), 'utf8'));
        log.info('certificate.imported', { daysLeft: installed.expiry.daysLeft, keySize: installed.info.keySize });
        return installed;
      });
    },
    previewP12(bytes, password) {
      return guarded('preview', () => evaluate(bytes, password).installed);
    },
    current() {
      const material = decodeBundle(options.store.open(BUNDLE_BLOB));
      if (!material) return null;
      const info = inspectCertificate(material.certPem);
      return { info, expiry: expiryStatus(new Date(info.notAfter), clock()) };
    },
    tlsMaterial() {
      const material = decodeBundle(options.store.open(BUNDLE_BLOB));
      if (!material) throw new KaigoError('CERT_NOT_INSTALLED');
      return material;
    },
    remove() {
      options.store.remove(BUNDLE_BLOB);
      log.info('certificate.removed', {});
    },
  };
}
