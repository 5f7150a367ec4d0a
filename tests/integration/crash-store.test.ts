import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir } from '../support/temp';
import { bundleEntry } from './store-support/bundle';
import { runCrashLoop } from './store-support/crash-loop';

// Crash safety (issue 3 acceptance): a writer process is SIGKILLed at seeded random points, 8 times (more in
// `npm run soak`). After every kill both databases open, integrity_check is ok, no committed row is lost and the
// sealed counter blob opens and is not behind.

let keyring: KeyringSession;
let child: { file: string; remove(): void };
beforeAll(async () => {
  keyring = await startKeyringSession();
  child = bundleEntry('tests/integration/store-support/child.ts');
});
afterAll(async () => {
  child?.remove();
  await keyring?.stop();
});

describe('crash safety of the store', () => {
  it('survives 8 SIGKILLs of a writer with no committed row lost', async () => {
    const dir = tempDir('kd-crash-');
    try {
      const result = await runCrashLoop({
        childFile: child.file,
        dataDir: path.join(dir.path, 'data'),
        env: keyring.env,
        kills: 8,
        seed: 20261126,
      });
      expect(result.problems).toEqual([]);
      expect(result.committed).toBeGreaterThanOrEqual(8);
    } finally {
      dir.remove();
    }
  }, 120_000);
});
