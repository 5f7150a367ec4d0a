// Loads a TypeScript module for a benchmark: bundles it with esbuild into a temporary CommonJS file (native modules
// and electron stay external, resolved from node_modules) and requires it. Shared by every bench group.
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const EXTERNAL = ['@napi-rs/keyring', 'better-sqlite3-multiple-ciphers', 'smartcard', 'electron'];

export function loadTs(root, entry) {
  return bundleAndRequire(root, path.basename(entry, '.ts'), { entryPoints: [path.join(root, entry)] });
}

/** The same for a few lines of TypeScript (e.g. re-exports of several modules), resolved from the project root. */
export function loadTsSource(root, name, contents) {
  return bundleAndRequire(root, name, {
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: `${name}.ts` },
  });
}

/**
 * Bundles a TypeScript entry to a CommonJS file that stays until `remove()`: for children that run as separate node
 * processes (soak crash loops) while the loop runs.
 */
export function bundleChild(root, entry, name) {
  const outfile = bundleToFile(root, `${name}-${process.pid}`, { entryPoints: [path.join(root, entry)] });
  return { file: outfile, remove: () => fs.rmSync(outfile, { force: true }) };
}

function bundleToFile(root, fileName, input) {
  const dir = path.join(root, 'test-output', 'bundles');
  fs.mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `${fileName}.cjs`);
  buildSync({
    ...input,
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: EXTERNAL,
    logLevel: 'warning',
  });
  return outfile;
}

function bundleAndRequire(root, name, input) {
  const outfile = bundleToFile(root, `${name}-${process.pid}-${Date.now()}`, input);
  try {
    return createRequire(path.join(root, 'package.json'))(outfile);
  } finally {
    fs.rmSync(outfile, { force: true });
  }
}

/** Median and p95 of a list of numbers. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95) };
}
