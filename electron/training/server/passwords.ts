import crypto from 'node:crypto';

// Passwords are kept only as scrypt hashes; comparison is constant-time. An unknown staff ID is checked against a
// dummy hash so timing does not reveal which IDs exist.

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LEN = 32;

export interface PasswordHash {
  salt: Buffer;
  hash: Buffer;
}

export function hashPassword(password: string): PasswordHash {
  const salt = crypto.randomBytes(16);
  return { salt, hash: crypto.scryptSync(password.normalize('NFC'), salt, KEY_LEN, PARAMS) };
}

export function verifyPassword(password: string, stored: PasswordHash): boolean {
  const candidate = crypto.scryptSync(password.normalize('NFC'), stored.salt, KEY_LEN, PARAMS);
  return crypto.timingSafeEqual(candidate, stored.hash);
}

let dummy: PasswordHash | undefined;
export function dummyHash(): PasswordHash {
  dummy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  return dummy;
}

/** Constant-time equality of two short secrets (one-time passwords) via their SHA-256 digests. */
export function secretsEqual(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

export function tokenDigest(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
