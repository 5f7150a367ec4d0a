import crypto from 'node:crypto';
import forge from 'node-forge';

// A training JPKI CA and per-person user-authentication certificates shaped like J-LIS's (CARD.md §1, §3):
// RSA-2048, sha256WithRSA, no personal attributes in the subject, about 1.5–1.6 KB so a check needs the same
// 7 READs as a real card. Training material only — the issuer names say so.

const CA_SUBJECT: forge.pki.CertificateField[] = [
  { shortName: 'C', value: 'JP' },
  { shortName: 'O', value: 'JPKI' },
  { shortName: 'OU', value: 'JPKI for user authentication' },
  { shortName: 'OU', value: 'Kaigo Desk training CA (not J-LIS)' },
];

/** Target size of an issued certificate (a real one is about 1,571 bytes, CARD.md §2). */
export const USER_CERT_TARGET_BYTES = 1571;

export interface TrainingCa {
  certificate: Buffer;
  privateKey: crypto.KeyObject;
}

export interface IssuedCard {
  certificate: Buffer;
  caCertificate: Buffer;
  privateKey: crypto.KeyObject;
}

function rsaKeyPair(): { publicKey: crypto.KeyObject; privateKey: crypto.KeyObject } {
  return crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
}

function toForgePublic(key: crypto.KeyObject): forge.pki.rsa.PublicKey {
  return forge.pki.publicKeyFromPem(key.export({ type: 'spki', format: 'pem' }).toString());
}

/** Signs with node's crypto (forge's JS RSA is ~10× slower); forge only builds the structure. */
function signCert(cert: forge.pki.Certificate, key: crypto.KeyObject): void {
  const oid = forge.pki.oids.sha256WithRSAEncryption as string;
  cert.signatureOid = oid;
  cert.siginfo.algorithmOid = oid;
  // getTBSCertificate exists in node-forge 1.x but is missing from @types/node-forge.
  const { getTBSCertificate } = forge.pki as unknown as {
    getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1;
  };
  const tbs = forge.asn1.toDer(getTBSCertificate(cert)).getBytes();
  cert.signature = crypto.sign('sha256', Buffer.from(tbs, 'binary'), key).toString('binary');
}

function derOf(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

/** Positive serial of `bytes` random bytes, hex, top bit clear. */
function serialHex(bytes: number, random: () => Buffer): string {
  const b = random().subarray(0, bytes);
  b.writeUInt8((b.readUInt8(0) & 0x7f) | 0x01, 0);
  return b.toString('hex');
}

export function createTrainingCa(now = new Date()): TrainingCa {
  const { publicKey, privateKey } = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = toForgePublic(publicKey);
  cert.serialNumber = serialHex(8, () => crypto.randomBytes(8));
  cert.validity.notBefore = new Date(now.getTime() - 365 * 86400_000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 86400_000);
  cert.setSubject(CA_SUBJECT);
  cert.setIssuer(CA_SUBJECT);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signCert(cert, privateKey);
  return { certificate: derOf(cert), privateKey };
}

/** certificatePolicies with one CPS URI; the URI's length is the knob that sizes the certificate. */
function policiesExtension(cpsUri: string): { id: string; critical: boolean; value: string } {
  const { asn1 } = forge;
  const seq = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
  const oid = (o: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(o).getBytes());
  const value = seq([
    seq([
      oid('1.2.392.200149.8.5.1.3.30'), // J-LIS user-authentication policy OID shape [I]
      seq([seq([oid('1.3.6.1.5.5.7.2.1'), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.IA5STRING, false, cpsUri)])]),
    ]),
  ]);
  return { id: '2.5.29.32', critical: false, value: asn1.toDer(value).getBytes() };
}

export interface IssueOptions {
  now?: Date;
  /** Issue a certificate that expired yesterday (training card `expired`). */
  expired?: boolean;
  /** Serial number source (random by default); the serial identifies the person in the national system. */
  serial?: Buffer;
}

export function issueUserAuthCard(ca: TrainingCa, options: IssueOptions = {}): IssuedCard {
  const now = options.now ?? new Date();
  const { publicKey, privateKey } = rsaKeyPair();
  const caCert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(ca.certificate.toString('binary')));
  const serial = serialHex(16, () => options.serial ?? crypto.randomBytes(16));
  const build = (cpsUri: string) => {
    const cert = forge.pki.createCertificate();
    cert.publicKey = toForgePublic(publicKey);
    cert.serialNumber = serial;
    const day = 86400_000;
    cert.validity.notBefore = new Date(now.getTime() - (options.expired ? 5 * 365 : 30) * day);
    cert.validity.notAfter = new Date(now.getTime() + (options.expired ? -1 : 5 * 365) * day);
    // User-authentication certificates carry no name or address; the subject is only the country [I].
    cert.setSubject([{ shortName: 'C', value: 'JP' }]);
    cert.setIssuer(caCert.subject.attributes);
    cert.setExtensions([
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', clientAuth: true },
      { name: 'subjectKeyIdentifier' },
      { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
      {
        name: 'cRLDistributionPoints',
        altNames: [{ type: 6, value: 'http://training.invalid/jpki/crl/user-authentication.crl' }],
      },
      policiesExtension(cpsUri),
    ]);
    signCert(cert, ca.privateKey);
    return derOf(cert);
  };
  const base = 'http://training.invalid/jpki/cps/';
  // Pad the CPS URI until the certificate has a real card's size (DER length forms may change on the way, so
  // converge in a few rounds; the signature length is fixed for RSA-2048).
  let pad = 0;
  let certificate = build(base);
  for (let round = 0; round < 4 && certificate.length !== USER_CERT_TARGET_BYTES; round++) {
    pad = Math.max(0, pad + USER_CERT_TARGET_BYTES - certificate.length);
    certificate = build(base + 'p'.repeat(pad));
  }
  return { certificate, caCertificate: ca.certificate, privateKey };
}

let sharedCa: TrainingCa | null = null;

/** One training CA per process (key generation is the slow part). */
export function trainingCa(): TrainingCa {
  sharedCa ??= createTrainingCa();
  return sharedCa;
}
