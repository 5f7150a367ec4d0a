import crypto from 'node:crypto';

// The on-disk format of a sealed blob (version 1):
//   magic "KDSB" (4) | format version (1) | master key id (8) | nonce (12) | GCM tag (16) | ciphertext
// AES-256-GCM; the authenticated data is the header before the tag plus the blob's name, so a blob that is edited,
// renamed or swapped for another blob fails to open. The key id lets rotation resume after a crash: a blob says which
// master key sealed it.

export const BLOB_MAGIC = Buffer.from('KDSB', 'ascii');
export const BLOB_FORMAT_VERSION = 1;
export const KEY_ID_BYTES = 8;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = BLOB_MAGIC.length + 1 + KEY_ID_BYTES + NONCE_BYTES; // authenticated, before the tag
export const BLOB_OVERHEAD = HEADER_BYTES + TAG_BYTES;

export class BlobFormatError extends Error {
  constructor(readonly reason: 'format' | 'version' | 'authentication') {
    super(`sealed blob: ${reason}`);
    this.name = 'BlobFormatError';
  }
}

function aad(header: Buffer, name: string): Buffer {
  return Buffer.concat([header, Buffer.from(`\0${name}`, 'utf8')]);
}

export function sealBlob(name: string, plain: Uint8Array, key: Buffer, keyId: Buffer): Buffer {
  if (key.length !== 32 || keyId.length !== KEY_ID_BYTES) throw new RangeError('bad key or key id length');
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const header = Buffer.concat([BLOB_MAGIC, Buffer.from([BLOB_FORMAT_VERSION]), keyId, nonce]);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad(header, name));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, cipher.getAuthTag(), body]);
}

/** The key id a blob names, without decrypting it. */
export function blobKeyId(blob: Buffer): Buffer {
  if (blob.length < BLOB_OVERHEAD || !blob.subarray(0, BLOB_MAGIC.length).equals(BLOB_MAGIC)) {
    throw new BlobFormatError('format');
  }
  if (blob[BLOB_MAGIC.length] !== BLOB_FORMAT_VERSION) throw new BlobFormatError('version');
  const at = BLOB_MAGIC.length + 1;
  return Buffer.from(blob.subarray(at, at + KEY_ID_BYTES));
}

export function openBlob(name: string, blob: Buffer, key: Buffer): Buffer {
  blobKeyId(blob); // validates magic and version
  const header = blob.subarray(0, HEADER_BYTES);
  const nonce = header.subarray(HEADER_BYTES - NONCE_BYTES);
  const tag = blob.subarray(HEADER_BYTES, HEADER_BYTES + TAG_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(aad(header, name));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(blob.subarray(BLOB_OVERHEAD)), decipher.final()]);
  } catch {
    throw new BlobFormatError('authentication');
  }
}
