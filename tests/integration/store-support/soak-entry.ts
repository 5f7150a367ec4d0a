import path from 'node:path';
import { startKeyringSession } from '../../support/keyring';
import { tempDir } from '../../support/temp';
import { runCrashLoop, type CrashLoopResult } from './crash-loop';

/**
 * The long crash loop for `npm run soak` (tests/bench/soak/store-crash.mjs bundles child.ts, then loads and calls
 * this). No esbuild import here: this file is itself bundled.
 */
export async function soakStoreCrash(
  childFile: string,
  kills: number,
  seed: number,
  log: (l: string) => void,
): Promise<CrashLoopResult> {
  const keyring = await startKeyringSession();
  const dir = tempDir('kd-soak-crash-');
  try {
    return await runCrashLoop({ childFile, dataDir: path.join(dir.path, 'data'), env: keyring.env, kills, seed, log });
  } finally {
    dir.remove();
    await keyring.stop();
  }
}
