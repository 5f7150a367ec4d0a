import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Validates a configuration file (the shipped example, or an office's own with --config) against the one real
// schema, electron/services/config (DESIGN.md §4). The TypeScript schema is bundled in memory with esbuild (already a
// build tool of this project), so nothing is downloaded and no second copy of the rules exists.

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLE_CONFIG = 'resources/config/kaigo-desk.example.json';

let schema = null;
async function loadSchema() {
  if (schema) return schema;
  const result = await build({
    stdin: {
      contents: "export { validateConfiguration } from './electron/services/config/schema';",
      resolveDir: PROJECT,
      loader: 'ts',
      sourcefile: 'dist-check-schema.ts',
    },
    bundle: true,
    write: false,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  schema = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return schema;
}

/** `label` is how the file is named in problems (relative for the example, as given for --config). */
export async function checkConfigFile(file, label, add) {
  let raw;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    add(label, '(全体)', err.code === 'ENOENT' ? 'ファイルがありません' : 'ファイルを読み取れません');
    return;
  }
  let value;
  try {
    value = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    add(label, '(全体)', 'JSONとして読み取れません（括弧・カンマ・引用符を確認してください）');
    return;
  }
  const { validateConfiguration } = await loadSchema();
  const result = validateConfiguration(value);
  if (!result.ok) for (const p of result.problems) add(label, p.field, p.message);
}
