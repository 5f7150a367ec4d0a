import forge from 'node-forge';
import { forgePrivateKey } from './keys';

// PKCS#12 export for the training office certificate. Three flavours, because real offices receive files of
// different ages (MACHINE.md "PKCS#12"):
// - 'aes256': key shrouded with PBES2/AES-256 (what current tools write);
// - '3des':   key shrouded with pbeWithSHAAnd3-KeyTripleDES-CBC, certificates unencrypted;
// - 'legacy': the pre-OpenSSL-3 default — key 3DES, certificates encrypted with pbeWithSHAAnd40BitRC2-CBC, which
//             OpenSSL 3 refuses without its legacy provider. Import tests need it; forge writes no RC2 bag itself,
//             so the certificate SafeContents is encrypted here.

export type P12Flavour = 'aes256' | '3des' | 'legacy';

export interface P12Input {
  privateKeyPem: string;
  certPem: string;
  /** Issuer chain after the leaf (e.g. the CA), optional. */
  chainPems?: string[];
  password: string;
  friendlyName?: string;
  flavour?: P12Flavour;
}

const { asn1 } = forge;
const ITERATIONS = 2048;

export function exportP12(input: P12Input): Buffer {
  const flavour = input.flavour ?? 'aes256';
  const certs = [input.certPem, ...(input.chainPems ?? [])].map((p) => forge.pki.certificateFromPem(p));
  const pfx = forge.pkcs12.toPkcs12Asn1(forgePrivateKey(input.privateKeyPem), certs, input.password, {
    algorithm: flavour === 'aes256' ? 'aes256' : '3des',
    friendlyName: input.friendlyName ?? 'kaigo-desk-training',
    generateLocalKeyId: true,
    count: ITERATIONS,
  });
  const out = flavour === 'legacy' ? encryptCertBagsRc240(pfx, input.password) : pfx;
  return Buffer.from(asn1.toDer(out).getBytes(), 'binary');
}

function octets(bytes: string): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
}
function oid(name: string): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(name).getBytes());
}
function int(n: number): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
}
function seq(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
}
function ctx0(items: forge.asn1.Asn1[]): forge.asn1.Asn1 {
  return asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, items);
}

/** Rewrites forge's PFX: the plain certificate ContentInfo becomes EncryptedData (RC2-40), then the MAC is redone. */
function encryptCertBagsRc240(pfx: forge.asn1.Asn1, password: string): forge.asn1.Asn1 {
  const [, authSafeCi] = pfx.value as forge.asn1.Asn1[];
  const authSafeOctets = ((authSafeCi!.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!;
  const authSafe = asn1.fromDer(authSafeOctets.value as string);
  const contents = authSafe.value as forge.asn1.Asn1[];
  // forge writes the certificate SafeContents first, as a plain 'data' ContentInfo.
  const certCi = contents[0]!;
  const certSafeContentsDer = ((certCi.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as string;

  const salt = forge.random.getBytesSync(8);
  const md = forge.md.sha1.create();
  const saltBuf = () => forge.util.createBuffer(salt);
  const key = forge.pkcs12.generateKey(password, saltBuf(), 1, ITERATIONS, 5, md);
  const iv = forge.pkcs12.generateKey(password, saltBuf(), 2, ITERATIONS, 8, forge.md.sha1.create());
  const cipher = forge.rc2.createEncryptionCipher(key, 40);
  cipher.start(iv);
  cipher.update(forge.util.createBuffer(certSafeContentsDer));
  cipher.finish();
  const encrypted = cipher.output.getBytes();

  contents[0] = seq([
    oid(forge.pki.oids.encryptedData!),
    ctx0([
      seq([
        int(0),
        seq([
          oid(forge.pki.oids.data!),
          seq([oid(forge.pki.oids['pbewithSHAAnd40BitRC2-CBC']!), seq([octets(salt), int(ITERATIONS)])]),
          // [0] IMPLICIT OCTET STRING encryptedContent
          asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, encrypted),
        ]),
      ]),
    ]),
  ]);
  const newAuthSafeDer = asn1.toDer(authSafe).getBytes();

  const macSalt = forge.random.getBytesSync(8);
  const macKey = forge.pkcs12.generateKey(password, forge.util.createBuffer(macSalt), 3, ITERATIONS, 20);
  const hmac = forge.hmac.create();
  hmac.start(forge.md.sha1.create(), macKey);
  hmac.update(newAuthSafeDer);
  const macData = seq([
    seq([
      seq([oid(forge.pki.oids.sha1!), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]),
      octets(hmac.digest().getBytes()),
    ]),
    octets(macSalt),
    int(ITERATIONS),
  ]);
  return seq([int(3), seq([oid(forge.pki.oids.data!), ctx0([octets(newAuthSafeDer)])]), macData]);
}
