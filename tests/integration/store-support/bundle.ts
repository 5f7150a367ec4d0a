import { buildSync } from 'esbuild';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, TEST_OUTPUT } from '../../support/paths';

// Bundles a TypeScript entry into one CommonJS file so a test can run it as a real, separate `node` process (Node 20
// cannot run .ts). The bundle goes under test-output/ inside the repo so the native modules resolve from
// node_modules; only the native modules stay external, as in the app's own build.
const NATIVE = ['@napi-rs/keyring', 'better-sqlite3-multiple-ciphers', 'smartcard', 'electron'];

export function bundleEntry(entry: string): { file: string; remove(): void } {
  const dir = path.join(TEST_OUTPUT, 'bundles');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${path.basename(entry, '.ts')}-${crypto.randomBytes(4).toString('hex')}.cjs`);
  buildSync({
    entryPoints: [path.resolve(ROOT, entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: NATIVE,
    logLevel: 'warning',
  });
  return { file, remove: () => fs.rmSync(file, { force: true }) };
}
