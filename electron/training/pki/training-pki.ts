import { issueCertificate, type NameField } from './certificate';
import { generateRsaKeyPair } from './keys';

// The training office/TLS PKI: its own root CA, a server certificate for loopback, and one client certificate per
// training office. Real client certificates are issued per office by 国保中央会 (DOMAIN.md §3.3); ours carry the
// 介護保険事業所番号 as CN so the server can map a certificate to an office, and say 練習用 so they are never
// mistaken for real ones. (Separate from the JPKI card CA in electron/training/virtual-card/.)

export interface CertAndKey {
  certPem: string;
  keyPem: string;
}

export interface TrainingOfficeIdentity {
  officeNumber: string;
  officeName: string;
}

export interface OfficeCredential extends TrainingOfficeIdentity, CertAndKey {}

export interface TrainingPki {
  ca: CertAndKey;
  server: CertAndKey;
  offices: OfficeCredential[];
}

const DAY = 24 * 60 * 60 * 1000;

export const TRAINING_CA_NAME = 'Kaigo Desk 練習用認証局';
export const CLIENT_CERT_UNIT = '介護保険証明書（練習用）';

export function createTrainingCa(now: Date, validDays = 3650): CertAndKey {
  const keys = generateRsaKeyPair();
  const subject: NameField[] = [
    { shortName: 'C', value: 'JP' },
    { shortName: 'O', value: 'Kaigo Desk Training' },
    { shortName: 'CN', value: TRAINING_CA_NAME },
  ];
  const certPem = issueCertificate({
    subject,
    subjectPublicKeyPem: keys.publicKeyPem,
    issuerPrivateKeyPem: keys.privateKeyPem,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + validDays * DAY),
    usage: 'ca',
  });
  return { certPem, keyPem: keys.privateKeyPem };
}

export interface ServerCertOptions {
  dnsNames?: string[];
  ipAddresses?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

export function issueServerCertificate(ca: CertAndKey, now: Date, opts: ServerCertOptions = {}): CertAndKey {
  const keys = generateRsaKeyPair();
  const certPem = issueCertificate({
    subject: [
      { shortName: 'C', value: 'JP' },
      { shortName: 'O', value: 'Kaigo Desk Training' },
      { shortName: 'CN', value: (opts.dnsNames ?? ['localhost'])[0] ?? 'localhost' },
    ],
    subjectPublicKeyPem: keys.publicKeyPem,
    issuerCertPem: ca.certPem,
    issuerPrivateKeyPem: ca.keyPem,
    notBefore: opts.notBefore ?? new Date(now.getTime() - DAY),
    notAfter: opts.notAfter ?? new Date(now.getTime() + 397 * DAY),
    usage: 'server',
    dnsNames: opts.dnsNames ?? ['localhost'],
    ipAddresses: opts.ipAddresses ?? ['127.0.0.1'],
  });
  return { certPem, keyPem: keys.privateKeyPem };
}

export interface ClientCertOptions {
  notBefore?: Date;
  notAfter?: Date;
  /** Below 2048 only to test refusal of weak keys. */
  keyBits?: number;
  /** Default ['clientAuth']; [] or ['serverAuth'] only to test refusal. */
  extendedKeyUsage?: Array<'serverAuth' | 'clientAuth'>;
}

/** An office client certificate. Real ones are valid one year (DOMAIN.md §3.3); so is ours by default. */
export function issueOfficeCertificate(
  ca: CertAndKey,
  office: TrainingOfficeIdentity,
  now: Date,
  opts: ClientCertOptions = {},
): OfficeCredential {
  const keys = generateRsaKeyPair(opts.keyBits ?? 2048);
  const certPem = issueCertificate({
    subject: [
      { shortName: 'C', value: 'JP' },
      { shortName: 'O', value: office.officeName },
      { shortName: 'OU', value: CLIENT_CERT_UNIT },
      { shortName: 'CN', value: office.officeNumber },
    ],
    subjectPublicKeyPem: keys.publicKeyPem,
    issuerCertPem: ca.certPem,
    issuerPrivateKeyPem: ca.keyPem,
    notBefore: opts.notBefore ?? new Date(now.getTime() - DAY),
    notAfter: opts.notAfter ?? new Date(now.getTime() + 365 * DAY),
    usage: 'client',
    extendedKeyUsage: opts.extendedKeyUsage ?? ['clientAuth'],
  });
  return { ...office, certPem, keyPem: keys.privateKeyPem };
}

export function createTrainingPki(offices: TrainingOfficeIdentity[], now: Date = new Date()): TrainingPki {
  const ca = createTrainingCa(now);
  return {
    ca,
    server: issueServerCertificate(ca, now),
    offices: offices.map((o) => issueOfficeCertificate(ca, o, now)),
  };
}
