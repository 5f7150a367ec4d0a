import { beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import {
  createOfficeCertificates,
  type OfficeCertificates,
  type SealedStore,
} from '../../electron/services/certificate';
import { Configuration, preferenceStore, type Runtime } from '../../electron/services/config';
import { createActiveOffices, notifyingCertificates, type ActiveOffices } from '../../electron/handlers/active-office';
import { createTrainingCa, exportP12, issueOfficeCertificate } from '../../electron/training/pki';
import { tempDir } from '../support/temp';

// Review finding (task C item 2): app.getStatus resolved the default office by opening every office's certificate
// blob on every call. The resolution is remembered until a certificate is imported or removed; the configured
// office list is read each time, so a changed configuration is followed at once.

const KYOTAKU = { officeNumber: '1370100016', officeName: '居宅介護支援 さくら' };
const HOUMON = { officeNumber: '1370100024', officeName: '訪問介護 さくら' };
const PASSWORD = 'default-office-pw';
const p12s = new Map<string, Buffer>();
let caPem = '';

beforeAll(() => {
  const ca = createTrainingCa(new Date());
  caPem = ca.certPem;
  for (const office of [KYOTAKU, HOUMON]) {
    const cred = issueOfficeCertificate(ca, office, new Date());
    p12s.set(office.officeNumber, exportP12({ privateKeyPem: cred.keyPem, certPem: cred.certPem, password: PASSWORD }));
  }
});

/** The vault's blob interface over memory, counting how often a sealed blob is opened. */
function countingStore(): SealedStore & { opens: number } {
  const blobs = new Map<string, Buffer>();
  const store = {
    opens: 0,
    seal: (name: string, bytes: Uint8Array) => void blobs.set(name, Buffer.from(bytes)),
    open: (name: string) => {
      store.opens++;
      return blobs.get(name) ?? null;
    },
    remove: (name: string) => void blobs.delete(name),
  };
  return store;
}

let dir: ReturnType<typeof tempDir>;
let runtime: Runtime;
let store: ReturnType<typeof countingStore>;
let offices: ActiveOffices;
let certificates: OfficeCertificates;

const configWith = (order: Array<typeof KYOTAKU>) =>
  Configuration.parse({
    schemaVersion: 1,
    endpoint: 'https://127.0.0.1:9/',
    trustAnchors: [{ pem: caPem }],
    offices: order.map((o, i) => ({
      officeNumber: o.officeNumber,
      serviceType: o === KYOTAKU ? '43' : '11',
      name: o.officeName,
      billingSystemId: `KJ0${i + 1}`,
    })),
  });

beforeEach(() => {
  dir = tempDir('kd-default-office-');
  runtime = {
    mode: 'configured',
    dataDir: dir.path,
    config: configWith([KYOTAKU, HOUMON]),
    configFiles: [],
    problems: [],
  };
  store = countingStore();
  const raw = createOfficeCertificates({
    store: () => store,
    clock: () => new Date(),
    officeNumbers: () => runtime.config!.offices.map((o) => o.officeNumber),
    provisionedMarker: null,
    dropFolder: null,
    audit: () => {},
  });
  offices = createActiveOffices({ runtime, preferences: preferenceStore(dir.path), certificates: raw });
  certificates = notifyingCertificates(raw, offices.certificatesChanged);
});
afterEach(() => dir.remove());

/** Blob opens caused by `n` resolutions after the first. */
function opensOfRepeatedCalls(n: number): number {
  offices.active();
  const before = store.opens;
  for (let i = 0; i < n; i++) offices.active();
  return store.opens - before;
}

describe('default office resolution', () => {
  it('opens no certificate blob on repeated calls', () => {
    certificates.importP12(p12s.get(HOUMON.officeNumber)!, PASSWORD, 'SCREEN', 'installer');
    expect(opensOfRepeatedCalls(10)).toBe(0);
    expect(offices.active()?.officeNumber).toBe(HOUMON.officeNumber);
    // The office list asks every office too: answered from what was resolved.
    const before = store.opens;
    expect(offices.profiles().map((o) => offices.hasCertificate(o.officeNumber))).toEqual([false, true]);
    expect(store.opens).toBe(before);
  });

  it('an import or a removal changes the answer at once', () => {
    const active = () => offices.active()?.officeNumber;
    expect(active()).toBe(KYOTAKU.officeNumber); // no certificate anywhere: the first office
    expect(opensOfRepeatedCalls(5)).toBe(0);
    certificates.importP12(p12s.get(HOUMON.officeNumber)!, PASSWORD, 'SCREEN', 'installer');
    expect(active()).toBe(HOUMON.officeNumber);
    expect(opensOfRepeatedCalls(5)).toBe(0);
    certificates.importP12(p12s.get(KYOTAKU.officeNumber)!, PASSWORD, 'SCREEN', 'installer');
    expect(active()).toBe(KYOTAKU.officeNumber); // both have one: the first again
    certificates.remove('installer', KYOTAKU.officeNumber);
    expect(active()).toBe(HOUMON.officeNumber);
    certificates.remove('installer', HOUMON.officeNumber);
    expect(active()).toBe(KYOTAKU.officeNumber);
    expect(offices.hasCertificate(HOUMON.officeNumber)).toBe(false);
  });

  it('a refused import leaves the answer right', () => {
    expect(() => certificates.importP12(p12s.get(HOUMON.officeNumber)!, 'wrong', 'SCREEN', 'installer')).toThrow();
    expect(offices.active()?.officeNumber).toBe(KYOTAKU.officeNumber);
    expect(offices.hasCertificate(HOUMON.officeNumber)).toBe(false);
  });

  it('follows a changed configuration (office order), and the remembered choice wins', () => {
    certificates.importP12(p12s.get(KYOTAKU.officeNumber)!, PASSWORD, 'SCREEN', 'installer');
    certificates.importP12(p12s.get(HOUMON.officeNumber)!, PASSWORD, 'SCREEN', 'installer');
    expect(offices.active()?.officeNumber).toBe(KYOTAKU.officeNumber);
    runtime.config = configWith([HOUMON, KYOTAKU]);
    expect(offices.active()?.name).toBe(HOUMON.officeName);
    expect(opensOfRepeatedCalls(5)).toBe(0);
    offices.select(KYOTAKU.officeNumber);
    expect(offices.active()?.officeNumber).toBe(KYOTAKU.officeNumber);
  });
});
