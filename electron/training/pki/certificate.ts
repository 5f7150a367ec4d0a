import crypto from 'node:crypto';
import forge from 'node-forge';
import { forgePrivateKey, forgePublicKey } from './keys';

// X.509 issuing with node-forge. Distinguished-name values may be Japanese: they are written as UTF8String
// (forge UTF-8-encodes values itself for that tag).

export interface NameField {
  /** Short name as forge knows it: CN, O, OU, C, L, ST, serialNumber. */
  shortName: string;
  value: string;
}

export type Usage = 'ca' | 'server' | 'client';

export interface IssueRequest {
  subject: NameField[];
  subjectPublicKeyPem: string;
  /** The issuer's certificate (PEM); omitted for a self-signed root. */
  issuerCertPem?: string;
  issuerPrivateKeyPem: string;
  notBefore: Date;
  notAfter: Date;
  usage: Usage;
  /** Server certificates: DNS names and IP addresses for subjectAltName. */
  dnsNames?: string[];
  ipAddresses?: string[];
  /** Tests may issue certificates without clientAuth on purpose. */
  extendedKeyUsage?: Array<'serverAuth' | 'clientAuth'>;
}

function toAttributes(fields: NameField[]): forge.pki.CertificateField[] {
  return fields.map((f) => {
    const ascii = /^[\x20-\x7e]*$/.test(f.value);
    if (ascii && f.shortName === 'C') return { shortName: f.shortName, value: f.value };
    return {
      shortName: f.shortName,
      value: f.value,
      valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
    };
  });
}

/** A positive random serial (high bit cleared so DER needs no sign byte games). */
function randomSerial(): string {
  const bytes = crypto.randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

export function issueCertificate(req: IssueRequest): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublicKey(req.subjectPublicKeyPem);
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = req.notBefore;
  cert.validity.notAfter = req.notAfter;
  cert.setSubject(toAttributes(req.subject));
  if (req.issuerCertPem) {
    // forge parses UTF8String values as raw UTF-8 bytes but encodes them again on write: decode first.
    const issuerAttrs = forge.pki
      .certificateFromPem(req.issuerCertPem)
      .subject.attributes.map((a) =>
        (a.valueTagClass as unknown) === forge.asn1.Type.UTF8 && typeof a.value === 'string'
          ? { ...a, value: forge.util.decodeUtf8(a.value) }
          : a,
      );
    cert.setIssuer(issuerAttrs);
  } else {
    cert.setIssuer(toAttributes(req.subject));
  }
  const extensions: object[] = [];
  if (req.usage === 'ca') {
    extensions.push({ name: 'basicConstraints', cA: true, critical: true });
    extensions.push({ name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true });
  } else {
    extensions.push({ name: 'basicConstraints', cA: false });
    extensions.push({ name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true });
    const eku = req.extendedKeyUsage ?? [req.usage === 'server' ? 'serverAuth' : 'clientAuth'];
    if (eku.length > 0) {
      extensions.push({
        name: 'extKeyUsage',
        serverAuth: eku.includes('serverAuth'),
        clientAuth: eku.includes('clientAuth'),
      });
    }
  }
  const altNames = [
    ...(req.dnsNames ?? []).map((value) => ({ type: 2, value })),
    ...(req.ipAddresses ?? []).map((ip) => ({ type: 7, ip })),
  ];
  if (altNames.length > 0) extensions.push({ name: 'subjectAltName', altNames });
  extensions.push({ name: 'subjectKeyIdentifier' });
  if (req.issuerCertPem) {
    const issuer = forge.pki.certificateFromPem(req.issuerCertPem);
    extensions.push({
      name: 'authorityKeyIdentifier',
      keyIdentifier: issuer.generateSubjectKeyIdentifier().getBytes(),
    });
  }
  cert.setExtensions(extensions);
  cert.sign(forgePrivateKey(req.issuerPrivateKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}
