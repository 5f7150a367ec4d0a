// Soak: 100,000 mutated care-plan files (issue 8: "100,000 in npm run soak"); CI runs a bounded fixed-seed share in
// tests/unit/careplan-fuzz.test.ts with the same mutations (tests/support/careplan-fuzz.ts).
// KD_SOAK_CAREPLAN_COUNT / KD_SOAK_SEED override; the seed and index of every problem are printed for replay.
import fs from 'node:fs';
import path from 'node:path';
import { loadTs } from '../load-ts.mjs';

const FILES = [
  'UPPLAN_202412_1310100019_43_1310200017_11_20241125093000.CSV',
  'UPSIKYU_202412_1310100019_43_1310200017_11_20241125093000.CSV',
  'UPHOSOKU_202412_1310100019_43_1310200017_11_20241125093000.CSV',
  'UP2KYO_1310100019_43_1310200017_11_20241120100000.CSV',
  'UPKIHON_1310000011_46_1310100019_43_20241118090000.CSV',
];

export async function run({ root, log }) {
  const total = Number(process.env.KD_SOAK_CAREPLAN_COUNT ?? 100_000);
  const seed = Number(process.env.KD_SOAK_SEED ?? Date.now() % 1e9);
  const { fuzzCarePlan } = loadTs(root, 'tests/support/careplan-fuzz.ts');
  const per = Math.ceil(total / FILES.length);
  let problems = 0;
  let slowestMs = 0;
  for (const [k, name] of FILES.entries()) {
    const valid = fs.readFileSync(path.join(root, 'tests', 'fixtures', 'careplan', 'canonical', name));
    const result = fuzzCarePlan({ name, valid, seed: seed + k, count: per });
    log(`${name.split('_')[0]}: ${result.count} files, seed ${seed + k}, slowest ${result.slowestMs.toFixed(0)} ms`);
    for (const p of result.problems.slice(0, 20)) log(`PROBLEM ${name.split('_')[0]} seed ${seed + k} ${p}`);
    problems += result.problems.length;
    slowestMs = Math.max(slowestMs, result.slowestMs);
  }
  if (problems > 0) process.exitCode = 1;
  return { files: per * FILES.length, problems, slowestMs: Math.round(slowestMs), seed };
}
