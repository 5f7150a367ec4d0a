// Renderer group: the initial JavaScript the window loads (DESIGN.md §7 target ≤ 300 KB gzip).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export async function run({ root, log }) {
  const dir = path.join(root, 'out', 'renderer');
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  // Initial JS = the entry module plus every chunk it preloads.
  const scripts = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  let raw = 0;
  let gzip = 0;
  for (const src of scripts) {
    const bytes = fs.readFileSync(path.join(dir, src));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  log(`${scripts.length} initial script(s): ${raw} bytes, ${gzip} bytes gzip`);
  return { initialJsBytes: raw, initialJsGzipBytes: gzip, initialJsFiles: scripts.length };
}
