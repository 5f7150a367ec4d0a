import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the Electron binary is, if this machine has one. The `electron` package is installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 on the build machines (MACHINE.md "Installing"), so it has no dist/ folder there.

export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(PROJECT, 'package.json'));

/** The executable from KAIGO_ELECTRON or the electron package, or null when it is not installed. */
export function electronBinary(env = process.env) {
  if (env.KAIGO_ELECTRON) return fs.existsSync(env.KAIGO_ELECTRON) ? env.KAIGO_ELECTRON : null;
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(dir, 'dist', rel);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Whether a package can be resolved from the project (without loading it). */
export function hasPackage(name) {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}
