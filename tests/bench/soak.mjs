// `npm run soak`: long-running loops (crash loops, large fuzzing) that do not belong in CI or the bench.
// Each soak lives in tests/bench/soak/<name>.mjs and exports run({ root, log, iterations }).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = path.join(root, 'tests', 'bench', 'soak');
// `npm run soak -- careplan` runs only the soaks whose file name contains one of the given words.
const only = process.argv.slice(2);
const soaks = (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.mjs')) : []).filter(
  (f) => only.length === 0 || only.some((w) => f.includes(w)),
);
if (soaks.length === 0) {
  process.stderr.write('soak: no soak runs defined yet\n');
}
for (const file of soaks) {
  process.stderr.write(`soak: ${file}\n`);
  const mod = await import(path.join(dir, file));
  const figures = await mod.run({ root, log: (l) => process.stderr.write(`  ${l}\n`) });
  if (figures) process.stdout.write(`${JSON.stringify({ soak: file, ...figures })}\n`);
}
