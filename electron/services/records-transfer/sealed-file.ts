import crypto from 'node:crypto';
import { KaigoError } from '../errors';

// The records file for moving to a new PC, sealed with a passphrase (issue 9):
//   magic "KDRX" (4) | format version (1) | KDF id (1, 1 = scrypt) | log2 N (1) | r (1) | p (1) | salt (16)
//   | nonce (12) | key check (16) | GCM tag (16) | ciphertext
// scrypt(passphrase, salt) gives 64 bytes: an AES-256-GCM key and a check key. The key check (HMAC of a constant
// under the check key) tells a wrong passphrase apart from a damaged or edited file; the whole header is the
// authenticated data, so any change to it or to the ciphertext fails the GCM tag.

const MAGIC = Buffer.from('KDRX', 'ascii');
const FORMAT_VERSION = 1;
const KDF_SCRYPT = 1;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const CHECK_BYTES = 16;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 5 + SALT_BYTES + NONCE_BYTES + CHECK_BYTES;
const CHECK_LABEL = 'kaigo-desk records passphrase check v1';

export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}

/** ~0.3 s and 128 MiB on an office PC: slow enough to make guessing a stolen file's passphrase expensive. */
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 17, r: 8, p: 1 };

/** Bounds a file may ask for, so a crafted header cannot make the import use unbounded memory or time. */
const LIMITS = { log2N: [14, 20], r: [1, 16], p: [1, 4] } as const;

export const MIN_PASSPHRASE_CHARS = 12;

function deriveKeys(passphrase: Buffer, salt: Buffer, params: ScryptParams): { enc: Buffer; check: Buffer } {
  const N = 2 ** params.log2N;
  const out = crypto.scryptSync(passphrase, salt, 64, {
    N,
    r: params.r,
    p: params.p,
    maxmem: 128 * N * params.r * params.p + 32 * 1024 * 1024,
  });
  return { enc: out.subarray(0, 32), check: out.subarray(32) };
}

const keyCheck = (checkKey: Buffer) =>
  crypto.createHmac('sha256', checkKey).update(CHECK_LABEL).digest().subarray(0, CHECK_BYTES);

export function sealWithPassphrase(plain: Buffer, passphrase: Buffer, params: ScryptParams = DEFAULT_SCRYPT): Buffer {
  const salt = crypto.randomBytes(SALT_BYTES);
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const keys = deriveKeys(passphrase, salt, params);
  try {
    const header = Buffer.concat([
      MAGIC,
      Buffer.from([FORMAT_VERSION, KDF_SCRYPT, params.log2N, params.r, params.p]),
      salt,
      nonce,
      keyCheck(keys.check),
    ]);
    const cipher = crypto.createCipheriv('aes-256-gcm', keys.enc, nonce);
    cipher.setAAD(header);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([header, cipher.getAuthTag(), body]);
  } finally {
    keys.enc.fill(0);
    keys.check.fill(0);
  }
}

const inRange = (value: number, [min, max]: readonly [number, number]) => value >= min && value <= max;

/** The plain bytes; KaigoError RECORDS_FILE_FORMAT, RECORDS_PASSPHRASE_WRONG or RECORDS_FILE_TAMPERED otherwise. */
export function openWithPassphrase(file: Buffer, passphrase: Buffer): Buffer {
  if (file.length < HEADER_BYTES + TAG_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new KaigoError('RECORDS_FILE_FORMAT', 'magic');
  }
  let at = MAGIC.length;
  const [version, kdf, log2N, r, p] = file.subarray(at, at + 5);
  at += 5;
  if (version !== FORMAT_VERSION || kdf !== KDF_SCRYPT) throw new KaigoError('RECORDS_FILE_FORMAT', 'version');
  const params = { log2N: log2N!, r: r!, p: p! };
  if (!inRange(params.log2N, LIMITS.log2N) || !inRange(params.r, LIMITS.r) || !inRange(params.p, LIMITS.p)) {
    throw new KaigoError('RECORDS_FILE_TAMPERED', 'kdf-params');
  }
  const salt = file.subarray(at, (at += SALT_BYTES));
  const nonce = file.subarray(at, (at += NONCE_BYTES));
  const check = file.subarray(at, (at += CHECK_BYTES));
  const header = file.subarray(0, HEADER_BYTES);
  const tag = file.subarray(HEADER_BYTES, HEADER_BYTES + TAG_BYTES);
  const keys = deriveKeys(passphrase, salt, params);
  try {
    if (!crypto.timingSafeEqual(keyCheck(keys.check), check)) throw new KaigoError('RECORDS_PASSPHRASE_WRONG');
    const decipher = crypto.createDecipheriv('aes-256-gcm', keys.enc, nonce);
    decipher.setAAD(header);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(file.subarray(HEADER_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new KaigoError('RECORDS_FILE_TAMPERED', 'gcm');
    }
  } finally {
    keys.enc.fill(0);
    keys.check.fill(0);
  }
}
