import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOfficeCertificates,
  type CertificateAuditEntry,
  type OfficeCertificatesOptions,
} from '../../electron/services/certificate';
import { createTrainingCa, exportP12, issueOfficeCertificate, type CertAndKey } from '../../electron/training/pki';
import { thrownCode } from '../support/error-codes';
import { memorySealedStore } from '../support/memory-store';
import { tempDir } from '../support/temp';

// What surrounds an import (issue 5 items 2 and 6): the audit row for every outcome, the provisioned marker only on
// success, and the drop folder tried once, at the first start of a never-provisioned user.

const OFFICE = { officeNumber: '1370100016', officeName: '練習用 居宅介護支援事業所 さくら' };
const PASSWORD = 'drop-folder-pw';
let ca: CertAndKey;
let p12: Buffer;
const dir = tempDir('kd-office-certs-');

beforeAll(() => {
  ca = createTrainingCa(new Date());
  const cred = issueOfficeCertificate(ca, OFFICE, new Date());
  p12 = exportP12({ privateKeyPem: cred.keyPem, certPem: cred.certPem, password: PASSWORD });
});
afterAll(() => dir.remove());

function setup(over: Partial<OfficeCertificatesOptions> = {}) {
  const store = memorySealedStore();
  const { blobs } = store;
  const audit: CertificateAuditEntry[] = [];
  const marker = path.join(dir.path, `user-${Math.random()}`, 'provisioned.json');
  const certs = createOfficeCertificates({
    store: () => store,
    clock: () => new Date(),
    officeNumbers: () => [OFFICE.officeNumber],
    provisionedMarker: marker,
    dropFolder: null,
    audit: (e) => void audit.push(e),
    ...over,
  });
  return { certs, audit, marker, blobs };
}

const codeOf = thrownCode;

describe('createOfficeCertificates', () => {
  it('configured mode: an import marks the user provisioned and is audited with the fingerprint', () => {
    const { certs, audit, marker } = setup();
    const installed = certs.importP12(p12, PASSWORD, 'SCREEN', 'cm-renshu01');
    expect(fs.existsSync(marker)).toBe(true);
    expect(JSON.parse(fs.readFileSync(marker, 'utf8'))).toMatchObject({ source: 'SCREEN' });
    expect(audit).toEqual([
      {
        staffId: 'cm-renshu01',
        fingerprint: installed.info.fingerprint256,
        change: 'CERT_IMPORT',
        source: 'SCREEN',
        outcome: 'OK',
      },
    ]);
    expect(certs.material(OFFICE.officeNumber)?.keyPem).toContain('PRIVATE KEY');
    certs.remove('cm-renshu01', OFFICE.officeNumber);
    expect(certs.material(OFFICE.officeNumber)).toBeNull();
    expect(audit.at(-1)).toMatchObject({ change: 'CERT_DELETE', outcome: 'OK' });
  });

  it('a refusal is audited with its code and marks nothing', () => {
    const { certs, audit, marker, blobs } = setup();
    expect(codeOf(() => certs.importP12(p12, 'wrong', 'CLI', 'installer'))).toBe('CERT_WRONG_PASSWORD');
    expect(audit).toEqual([
      { staffId: 'installer', fingerprint: null, change: 'CERT_IMPORT', source: 'CLI', outcome: 'CERT_WRONG_PASSWORD' },
    ]);
    expect(fs.existsSync(marker)).toBe(false);
    expect(blobs.size).toBe(0);
  });

  it('imports from the drop folder once, at the first use of a never-provisioned user', () => {
    const drop = path.join(dir.path, 'drop');
    fs.mkdirSync(drop);
    fs.writeFileSync(path.join(drop, 'office.p12'), p12);
    fs.writeFileSync(path.join(drop, 'office.password'), PASSWORD + '\n', { mode: 0o640 });
    const first = setup({ dropFolder: drop });
    expect(first.certs.installed(OFFICE.officeNumber)?.info.officeNumber).toBe(OFFICE.officeNumber);
    expect(first.audit.map((a) => `${a.source}:${a.outcome}`)).toEqual(['DROP_FOLDER:OK']);
    expect(fs.existsSync(path.join(drop, 'office.password'))).toBe(true);
    // Removed later by staff: not imported again (the user is provisioned), and not audited again.
    first.certs.remove('admin', OFFICE.officeNumber);
    expect(first.certs.installed(OFFICE.officeNumber)).toBeNull();

    const provisioned = setup({ dropFolder: drop });
    fs.mkdirSync(path.dirname(provisioned.marker), { recursive: true });
    fs.writeFileSync(provisioned.marker, '{}');
    expect(provisioned.certs.installed(OFFICE.officeNumber)).toBeNull();
    expect(provisioned.audit).toEqual([]);
  });

  it('audits a drop folder whose password file is missing; a missing folder is silent', () => {
    const drop = path.join(dir.path, 'drop-no-pw');
    fs.mkdirSync(drop);
    fs.writeFileSync(path.join(drop, 'office.p12'), p12);
    const broken = setup({ dropFolder: drop });
    expect(broken.certs.material(OFFICE.officeNumber)).toBeNull();
    expect(broken.audit).toEqual([
      {
        staffId: 'installer',
        fingerprint: null,
        change: 'CERT_IMPORT',
        source: 'DROP_FOLDER',
        outcome: 'CERT_PASSWORD_FILE_UNREADABLE',
      },
    ]);
    const none = setup({ dropFolder: path.join(dir.path, 'no-such-folder') });
    expect(none.certs.material(OFFICE.officeNumber)).toBeNull();
    expect(none.audit).toEqual([]);
  });
});
