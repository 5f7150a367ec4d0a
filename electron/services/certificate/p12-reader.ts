import crypto from 'node:crypto';
import forge from 'node-forge';
import { KaigoError } from '../errors';

// Opens the office's PKCS#12 file with node-forge, because the legacy RC2-40/3DES files that older issuing tools
// wrote are refused by OpenSSL 3 without its legacy provider (MACHINE.md "PKCS#12"). TLS later gets the extracted
// key and certificate as PEM, never the .p12 itself. Each kind of bad file gets its own code.

/** Real .p12 files are a few KB; anything this large is not a certificate file (and would stall forge). */
export const MAX_P12_BYTES = 256 * 1024;

export interface CertificateMaterial {
  keyPem: string;
  /** The leaf (client) certificate: the one whose public key matches the private key. */
  certPem: string;
  /** Other certificates in the file (issuer chain), possibly empty. */
  chainPems: string[];
}

function structure(bytes: Uint8Array): forge.asn1.Asn1 {
  if (bytes.length === 0 || bytes[0] !== 0x30) throw new KaigoError('CERT_FILE_NOT_PKCS12');
  let asn: forge.asn1.Asn1;
  try {
    asn = forge.asn1.fromDer(Buffer.from(bytes).toString('binary'), true);
  } catch (err) {
    // A cut-off download parses as a SEQUENCE whose declared length runs past the end.
    const truncated = err instanceof Error && /too few bytes|not enough bytes/i.test(err.message);
    throw new KaigoError(truncated ? 'CERT_FILE_DAMAGED' : 'CERT_FILE_NOT_PKCS12');
  }
  // PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, macData OPTIONAL }
  const items = asn.value;
  const version = Array.isArray(items) ? items[0] : undefined;
  if (
    !Array.isArray(items) ||
    !version ||
    version.type !== forge.asn1.Type.INTEGER ||
    typeof version.value !== 'string' ||
    forge.asn1.derToInteger(version.value) !== 3
  ) {
    throw new KaigoError('CERT_FILE_NOT_PKCS12');
  }
  return asn;
}

function publicKeyOf(pem: string): string {
  return crypto.createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
}

export function readP12(bytes: Uint8Array, password: string): CertificateMaterial {
  if (bytes.length > MAX_P12_BYTES) throw new KaigoError('CERT_FILE_TOO_LARGE');
  const asn = structure(bytes);
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn, true, password);
  } catch (err) {
    // forge reports a failed MAC (or, without a MAC, undecryptable bags) — both mean the password is wrong.
    const message = err instanceof Error ? err.message : '';
    throw new KaigoError(
      /MAC|password|decrypt|Too few bytes|ASN\.1|Invalid/i.test(message) ? 'CERT_WRONG_PASSWORD' : 'CERT_FILE_DAMAGED',
    );
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  const key = keyBags.find((b) => b.key)?.key;
  if (!key) throw new KaigoError('CERT_NO_PRIVATE_KEY');
  const certPems = certBags.filter((b) => b.cert).map((b) => forge.pki.certificateToPem(b.cert!));
  if (certPems.length === 0) throw new KaigoError('CERT_NO_CERTIFICATE');

  const keyPem = forge.pki.privateKeyToPem(key);
  const wanted = publicKeyOf(keyPem);
  const leaf = certPems.find((pem) => publicKeyOf(pem) === wanted);
  if (!leaf) throw new KaigoError('CERT_KEY_MISMATCH');
  return { keyPem, certPem: leaf, chainPems: certPems.filter((p) => p !== leaf) };
}
