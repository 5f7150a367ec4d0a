// Cache group: 100,000 synthetic persons in an encrypted cache file (DESIGN.md §7). The memory figure is taken in a
// fresh process that only opens the filled cache, searches and pages, as the app would after a restart.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadTs } from '../load-ts.mjs';

export async function run({ root, log }) {
  const { benchCache } = loadTs(root, 'tests/bench/entries/cache.ts');
  const { file, keyHex, ...figures } = benchCache(log);
  try {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { loadTs } from ${JSON.stringify(path.join(root, 'tests/bench/load-ts.mjs'))};
         const m = loadTs(${JSON.stringify(root)}, 'tests/bench/entries/cache.ts');
         process.stdout.write(String(m.rssWithCacheOpen(process.env.KD_FILE, process.env.KD_KEY)));`,
      ],
      { env: { ...process.env, KD_FILE: file, KD_KEY: keyHex } },
    );
    figures.rssWithCacheOpenMb = Number(String(out).trim());
    log(`RSS with the cache open after a search and a page: ${figures.rssWithCacheOpenMb} MB`);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  return figures;
}
