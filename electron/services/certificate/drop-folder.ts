import fs from 'node:fs';
import path from 'node:path';
import { KaigoError } from '../errors';
import { readProvisionFiles, type ProvisionFiles } from './provision-files';

// The installer's drop folder (DESIGN.md §4 "Per machine vs per user"): the configuration names a folder holding the
// office .p12 and, next to it, its password in a file of the same base name with the extension `.password`
// (e.g. `office.p12` + `office.password`). At the first start of a user who was never provisioned, the app imports
// them the same way as `kaigo-desk provision`. Both files are left as they are (the next user of the PC needs them).
//
// Who may read the password file: DESIGN.md §4's "readable only by installers" cannot hold as written, since each
// user provisioned on this PC imports it at their own first start with their own rights. So: the installer (owner,
// administrators; the only ones who may change it) and the users of this PC may read it — nobody else. Windows:
// build/installer.nsh sets the folder's ACL (Administrators and SYSTEM full, the PC's Users read, inheritance
// removed). macOS/Linux: the installer owns the file and gives read to a group of the PC's Kaigo Desk users
// (`chmod 640`); a file that others can read, or that anyone but its owner can write, is refused here
// (CERT_DROP_PASSWORD_FILE_EXPOSED) before it is read.

export const PASSWORD_FILE_EXTENSION = '.password';
const P12_EXTENSIONS = ['.p12', '.pfx'];

/** Permission bits that expose a password file: read or write by others, write by the group. */
const EXPOSING_MODE_BITS = 0o026;

/**
 * Refuses (CERT_DROP_PASSWORD_FILE_EXPOSED) a password file that is readable or writable by others, or writable by
 * its group, on POSIX. Windows has no mode bits: the installer's ACL guards the folder. A missing file is left for the
 * reader to report (CERT_PASSWORD_FILE_UNREADABLE).
 */
export function checkPasswordFilePermissions(file: string): void {
  if (process.platform === 'win32') return;
  let mode: number;
  try {
    mode = fs.statSync(file).mode;
  } catch {
    return;
  }
  if ((mode & EXPOSING_MODE_BITS) !== 0) throw new KaigoError('CERT_DROP_PASSWORD_FILE_EXPOSED');
}

export type DropFolderFind =
  { kind: 'none' } | { kind: 'found'; p12File: string; passwordFile: string; files: () => ProvisionFiles };

/** Looks for exactly one .p12/.pfx in the folder; several are ambiguous (CERT_DROP_FOLDER_AMBIGUOUS). */
export function findDropFolderCertificate(folder: string): DropFolderFind {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return { kind: 'none' }; // no folder (yet) on this PC: nothing to import
  }
  const p12s = names.filter((n) => P12_EXTENSIONS.includes(path.extname(n).toLowerCase())).sort();
  if (p12s.length === 0) return { kind: 'none' };
  if (p12s.length > 1) throw new KaigoError('CERT_DROP_FOLDER_AMBIGUOUS');
  const p12File = path.join(folder, p12s[0]!);
  const passwordFile = path.join(folder, path.basename(p12s[0]!, path.extname(p12s[0]!)) + PASSWORD_FILE_EXTENSION);
  const files = () => {
    checkPasswordFilePermissions(passwordFile);
    return readProvisionFiles(p12File, passwordFile);
  };
  return { kind: 'found', p12File, passwordFile, files };
}
