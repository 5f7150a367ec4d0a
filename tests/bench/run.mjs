// `npm run bench [-- GROUP…]`: runs benchmark groups, progress to stderr, and prints one flat JSON object of named
// figures as the LAST line of stdout (also written to bench-results/latest.json). Figures are never asserted as
// timings in tests; targets live in DESIGN.md §7.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const groupsDir = path.join(root, 'tests', 'bench', 'groups');
const available = fs
  .readdirSync(groupsDir)
  .filter((f) => f.endsWith('.mjs'))
  .map((f) => f.replace(/\.mjs$/, ''))
  .sort();

const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((g) => !available.includes(g));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench group(s): ${unknown.join(', ')}; available: ${available.join(', ')}\n`);
  process.exit(2);
}
const groups = asked.length > 0 ? asked : available;

process.stderr.write('bench: building…\n');
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

const figures = {};
for (const group of groups) {
  process.stderr.write(`bench: ${group}…\n`);
  const started = Date.now();
  const mod = await import(path.join(groupsDir, `${group}.mjs`));
  const result = await mod.run({ root, log: (line) => process.stderr.write(`  ${line}\n`) });
  for (const [key, value] of Object.entries(result)) figures[`${group}.${key}`] = value;
  process.stderr.write(`bench: ${group} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const line = JSON.stringify(figures);
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results', 'latest.json'), line + '\n');
process.stdout.write(line + '\n');
