import fs from 'node:fs';
import path from 'node:path';
import { KaigoError } from '../errors';
import { readProvisionFiles, type ProvisionFiles } from './provision-files';

// The installer's drop folder (DESIGN.md §4 "Per machine vs per user"): the configuration names a folder holding the
// office .p12 and, next to it, its password in a file of the same base name with the extension `.password`
// (e.g. `office.p12` + `office.password`). At the first start of a user who was never provisioned, the app imports
// them the same way as `kaigo-desk provision`. DESIGN.md §4 only asks that the password file be readable by
// installers alone; it does not ask the app to delete it, so both files are left as they are.

export const PASSWORD_FILE_EXTENSION = '.password';
const P12_EXTENSIONS = ['.p12', '.pfx'];

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
  return { kind: 'found', p12File, passwordFile, files: () => readProvisionFiles(p12File, passwordFile) };
}
