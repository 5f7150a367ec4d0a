import crypto from 'node:crypto';

// What staff and installers see about a certificate (issue 5 item 2), read with Node's X.509 parser. The serial
// identifies the certificate: it is shown on the details screen but never logged.

export const EKU_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
export const EKU_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';

export interface CertificateInfo {
  subject: Record<string, string>;
  issuer: Record<string, string>;
  /** Upper-case hex. */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  keyType: string;
  /** Bits: RSA modulus length or EC curve size. */
  keySize: number;
  /** OIDs; empty when the certificate has no extendedKeyUsage extension. */
  extendedKeyUsage: string[];
  fingerprint256: string;
  /** The 介護保険事業所番号 when the subject CN has its shape (DOMAIN.md §2.16). */
  officeNumber: string | null;
}

function parseName(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };

export function inspectCertificate(certPem: string): CertificateInfo {
  const cert = new crypto.X509Certificate(certPem);
  const details = cert.publicKey.asymmetricKeyDetails ?? {};
  const keyType = cert.publicKey.asymmetricKeyType ?? 'unknown';
  const keySize = details.modulusLength ?? (details.namedCurve ? (CURVE_BITS[details.namedCurve] ?? 0) : 0);
  const subject = parseName(cert.subject);
  const cn = subject.CN ?? '';
  return {
    subject,
    issuer: parseName(cert.issuer),
    serialNumber: cert.serialNumber.toUpperCase(),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    keyType,
    keySize,
    extendedKeyUsage: cert.keyUsage ?? [],
    fingerprint256: cert.fingerprint256,
    officeNumber: /^\d{2}[0-9A-HJ-NPR-Z]\d{7}$/.test(cn) ? cn : null,
  };
}
