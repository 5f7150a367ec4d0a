import fs from 'node:fs';
import path from 'node:path';
import { KaigoError } from '../errors';
import { silentLogger, type Logger } from '../log';
import { findDropFolderCertificate } from './drop-folder';
import type { CertificateMaterial } from './p12-reader';
import {
  createCertificateService,
  type CertificateService,
  type InstalledCertificate,
  type SealedStore,
} from './service';

// The office certificate as the app uses it: the vault-backed service plus what surrounds an import — the audit
// row (who, from where, outcome; never the password, key or file), the provisioned marker that keeps this OS user
// out of training mode from then on (DESIGN.md §4), and the first-start import from the installer's drop folder.

/** Where an import came from; recorded in the audit detail. */
export type ImportSource = 'CLI' | 'SCREEN' | 'DROP_FOLDER' | 'TRAINING';

/** The audit row an import or removal produces (counts and codes only; the fingerprint is hashed by the log). */
export interface CertificateAuditEntry {
  staffId: string;
  fingerprint: string | null;
  change: 'CERT_IMPORT' | 'CERT_DELETE';
  source: ImportSource;
  outcome: string;
}

export interface OfficeCertificatesOptions {
  /** The vault, opened on first use (throws KEYCHAIN_UNAVAILABLE without a keychain). */
  store: () => SealedStore;
  clock: () => Date;
  log?: Logger;
  officeNumbers: () => string[];
  /** Configured mode: the marker file written after a successful import. Null in training mode (never marked). */
  provisionedMarker: string | null;
  /** The configured drop folder (configured mode only). */
  dropFolder: string | null;
  audit: (entry: CertificateAuditEntry) => void;
}

export interface OfficeCertificates {
  /** One office's installed certificate; on a never-provisioned user first tries the drop folder. */
  installed(officeNumber: string): InstalledCertificate | null;
  /** One office's key + certificate for TLS, or null when none is installed (after the drop-folder attempt). */
  material(officeNumber: string): CertificateMaterial | null;
  preview(bytes: Uint8Array, password: string): InstalledCertificate;
  /**
   * Validates, installs under the office the subject names (replacing that office's), audits and marks this user
   * provisioned. Throws KaigoError with the reason.
   */
  importP12(bytes: Uint8Array, password: string, source: ImportSource, staffId: string): InstalledCertificate;
  remove(staffId: string, officeNumber: string): void;
}

export function createOfficeCertificates(options: OfficeCertificatesOptions): OfficeCertificates {
  const log = options.log ?? silentLogger;
  let service: CertificateService | null = null;
  const svc = () =>
    (service ??= createCertificateService({
      store: options.store(),
      clock: options.clock,
      log,
      officeNumbers: options.officeNumbers,
    }));
  let dropFolderTried = false;

  const markProvisioned = (source: ImportSource) => {
    if (!options.provisionedMarker) return;
    fs.mkdirSync(path.dirname(options.provisionedMarker), { recursive: true, mode: 0o700 });
    fs.writeFileSync(
      options.provisionedMarker,
      JSON.stringify({ provisionedAt: options.clock().toISOString(), source }) + '\n',
      { mode: 0o600 },
    );
  };

  const importP12: OfficeCertificates['importP12'] = (bytes, password, source, staffId) => {
    try {
      const installed = svc().importP12(bytes, password);
      markProvisioned(source);
      options.audit({
        staffId,
        fingerprint: installed.info.fingerprint256,
        change: 'CERT_IMPORT',
        source,
        outcome: 'OK',
      });
      return installed;
    } catch (err) {
      const code = err instanceof KaigoError ? err.code : 'INTERNAL';
      // No keychain means nothing can be recorded either; the caller reports KEYCHAIN_UNAVAILABLE.
      if (code !== 'KEYCHAIN_UNAVAILABLE') {
        options.audit({ staffId, fingerprint: null, change: 'CERT_IMPORT', source, outcome: code });
      }
      throw err;
    }
  };

  /** First start of a never-provisioned user in configured mode: import from the drop folder, once per process. */
  const tryDropFolder = () => {
    if (dropFolderTried || !options.dropFolder || !options.provisionedMarker) return;
    dropFolderTried = true;
    if (fs.existsSync(options.provisionedMarker)) return;
    let reachedImport = false;
    try {
      const found = findDropFolderCertificate(options.dropFolder);
      if (found.kind === 'none') return;
      const files = found.files();
      reachedImport = true;
      try {
        importP12(files.bytes, files.password, 'DROP_FOLDER', 'installer');
        log.info('certificate.drop-folder-imported', {});
      } finally {
        files.bytes.fill(0);
      }
    } catch (err) {
      const code = err instanceof KaigoError ? err.code : 'INTERNAL';
      log.warn('certificate.drop-folder-refused', { code });
      if (code === 'KEYCHAIN_UNAVAILABLE') throw err;
      // importP12 records its own refusals; a folder or file that could not be read is recorded here.
      if (!reachedImport) {
        options.audit({
          staffId: 'installer',
          fingerprint: null,
          change: 'CERT_IMPORT',
          source: 'DROP_FOLDER',
          outcome: code,
        });
      }
    }
  };

  return {
    installed(officeNumber) {
      tryDropFolder();
      return svc().current(officeNumber);
    },
    material(officeNumber) {
      tryDropFolder();
      try {
        return svc().tlsMaterial(officeNumber);
      } catch (err) {
        if (err instanceof KaigoError && err.code === 'CERT_NOT_INSTALLED') return null;
        throw err;
      }
    },
    preview: (bytes, password) => svc().previewP12(bytes, password),
    importP12,
    remove(staffId, officeNumber) {
      const before = svc().current(officeNumber);
      svc().remove(officeNumber);
      options.audit({
        staffId,
        fingerprint: before?.info.fingerprint256 ?? null,
        change: 'CERT_DELETE',
        source: 'SCREEN',
        outcome: before ? 'OK' : 'NONE',
      });
    },
  };
}
