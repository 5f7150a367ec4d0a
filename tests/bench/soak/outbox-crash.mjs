// Soak: exactly-once outbox delivery across many SIGKILLs between send and acknowledgement (the CI test runs 4 kills
// over 12 jobs). KD_SOAK_OUTBOX_KILLS / KD_SOAK_OUTBOX_JOBS / KD_SOAK_SEED override.
import { bundleChild, loadTs } from '../load-ts.mjs';

export async function run({ root, log }) {
  const kills = Number(process.env.KD_SOAK_OUTBOX_KILLS ?? 60);
  const jobs = Number(process.env.KD_SOAK_OUTBOX_JOBS ?? 150);
  const seed = Number(process.env.KD_SOAK_SEED ?? Date.now() % 1e9);
  // The delivering process runs as separate node processes, so it is bundled to a file that stays while the loop runs.
  const child = bundleChild(root, 'tests/integration/outbox-support/child.ts', 'outbox-crash-child');
  try {
    log(`outbox kill loop: ${jobs} jobs, ${kills} kills, seed ${seed}`);
    const { runOutboxKillLoop } = loadTs(root, 'tests/integration/outbox-support/kill-loop.ts');
    const result = await runOutboxKillLoop({ childFile: child.file, jobs, kills, seed, log: (l) => log(l) });
    log(`delivered ${result.delivered}/${jobs} over ${result.kills} kills`);
    if (result.problems.length > 0) {
      for (const p of result.problems) log(`PROBLEM ${p}`);
      process.exitCode = 1;
    }
    return { kills: result.kills, delivered: result.delivered, problems: result.problems.length, seed };
  } finally {
    child.remove();
  }
}
