// Soak: the store crash loop with many SIGKILLs (the CI test runs 8). KD_SOAK_KILLS / KD_SOAK_SEED override.
import { bundleChild, loadTs } from '../load-ts.mjs';

export async function run({ root, log }) {
  const kills = Number(process.env.KD_SOAK_KILLS ?? 200);
  const seed = Number(process.env.KD_SOAK_SEED ?? Date.now() % 1e9);
  // The writer/verifier runs as separate node processes, so it is bundled to a file that stays while the loop runs.
  const child = bundleChild(root, 'tests/integration/store-support/child.ts', 'store-crash-child');
  try {
    log(`store crash loop: ${kills} kills, seed ${seed}`);
    const { soakStoreCrash } = loadTs(root, 'tests/integration/store-support/soak-entry.ts');
    const result = await soakStoreCrash(child.file, kills, seed, (l) => log(l));
    log(`committed ${result.committed} rows over ${result.kills} kills`);
    if (result.problems.length > 0) {
      for (const p of result.problems) log(`PROBLEM ${p}`);
      process.exitCode = 1;
    }
    return { kills: result.kills, committed: result.committed, problems: result.problems.length, seed };
  } finally {
    child.remove();
  }
}
