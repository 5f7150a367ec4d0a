import fs from 'node:fs';
import { KaigoError } from '../errors';
import { MAX_P12_BYTES } from './p12-reader';

// Reading the two files an installer hands over (issue 5 item 6): the office .p12 and a file holding its password.
// The size is checked before reading, so a 50 MB file is refused without loading it. The password never comes from
// a command line (it would be visible in the process list and shell history).

/** A password file holds one line; anything longer is not one. */
const MAX_PASSWORD_FILE_BYTES = 4096;

export interface ProvisionFiles {
  bytes: Buffer;
  password: string;
}

function sizeOf(file: string, code: 'CERT_FILE_UNREADABLE' | 'CERT_PASSWORD_FILE_UNREADABLE'): number {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new KaigoError(code);
    return stat.size;
  } catch (err) {
    if (err instanceof KaigoError) throw err;
    throw new KaigoError(code);
  }
}

/** Reads a .p12 of acceptable size; CERT_FILE_UNREADABLE / CERT_FILE_TOO_LARGE otherwise. */
export function readP12File(file: string): Buffer {
  if (sizeOf(file, 'CERT_FILE_UNREADABLE') > MAX_P12_BYTES) throw new KaigoError('CERT_FILE_TOO_LARGE');
  try {
    return fs.readFileSync(file);
  } catch {
    throw new KaigoError('CERT_FILE_UNREADABLE');
  }
}

/** The password is the file's text without its trailing line break(s); an empty password file is refused. */
export function readPasswordFile(file: string): string {
  if (sizeOf(file, 'CERT_PASSWORD_FILE_UNREADABLE') > MAX_PASSWORD_FILE_BYTES) {
    throw new KaigoError('CERT_PASSWORD_FILE_UNREADABLE');
  }
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch {
    throw new KaigoError('CERT_PASSWORD_FILE_UNREADABLE');
  }
  const password = raw
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/[\r\n]+$/, '');
  raw.fill(0);
  if (password.length === 0 || /[\r\n]/.test(password)) throw new KaigoError('CERT_PASSWORD_FILE_UNREADABLE');
  return password;
}

export function readProvisionFiles(p12File: string, passwordFile: string): ProvisionFiles {
  const password = readPasswordFile(passwordFile);
  return { bytes: readP12File(p12File), password };
}
