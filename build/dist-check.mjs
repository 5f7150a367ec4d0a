#!/usr/bin/env node
// `npm run dist:check`: validates the packaging without downloading anything (issue 9) — electron-builder.yml, the
// Electron fuses of both flavours, the command-line shims and the example configuration against the real schema.
// Prints every problem as "file: key — message" and exits 1 if there is any; runs in CI (tests/support/test-all.sh).
//   node build/dist-check.mjs [--root DIR] [--config FILE]
// --root checks another copy of the project files (tests use temp copies); --config also validates an office's own
// configuration file before it is rolled out.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBuilderConfig } from './dist-check/builder.mjs';
import { checkConfigFile, EXAMPLE_CONFIG } from './dist-check/config-file.mjs';
import { checkFuses } from './dist-check/fuses.mjs';
import { formatProblem, problemList } from './dist-check/problems.mjs';
import { checkShims } from './dist-check/shims.mjs';

function parseArgs(argv) {
  const out = { root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), config: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag !== '--root' && flag !== '--config') || value === undefined) {
      return null;
    }
    out[flag.slice(2)] = path.resolve(value);
    i++;
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (!args) {
  process.stderr.write('使い方: node build/dist-check.mjs [--root フォルダ] [--config 設定ファイル]\n');
  process.exit(2);
}
const problems = problemList();
const add = problems.add;
const builder = checkBuilderConfig(args.root, add);
checkFuses(args.root, add);
checkShims(args.root, builder, add);
await checkConfigFile(path.join(args.root, EXAMPLE_CONFIG), EXAMPLE_CONFIG, add);
if (args.config) await checkConfigFile(args.config, args.config, add);

if (problems.list.length > 0) {
  process.stderr.write(`dist:check: ${problems.list.length}件の問題があります\n`);
  for (const p of problems.list) process.stderr.write(`  ${formatProblem(p)}\n`);
  process.exit(1);
}
process.stdout.write(
  'dist:check: OK（electron-builder.yml・fuses（release / test）・kaigo-desk シム・設定ファイルの例' +
    (args.config ? `・${args.config}` : '') +
    '）\n',
);
