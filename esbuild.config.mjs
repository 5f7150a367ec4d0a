// Bundles the main process, the preload and the CLI into out/. The renderer is built by Vite (vite.config.ts).
import { build } from 'esbuild';

// Native modules stay outside the bundle: they are loaded from node_modules (unpacked from asar when packaged).
const native = ['@napi-rs/keyring', 'better-sqlite3-multiple-ciphers', 'smartcard'];

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'out/main.js',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', ...native],
  }),
  // Sandboxed renderers load only one CommonJS preload that may require nothing but 'electron'.
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'out/preload.js',
    platform: 'browser',
    target: 'chrome130',
    format: 'cjs',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/cli/main.ts'],
    outfile: 'out/cli.js',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    external: ['electron', ...native],
  }),
]);
