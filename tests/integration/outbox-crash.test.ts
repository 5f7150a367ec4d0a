import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from './store-support/bundle';
import { runOutboxKillLoop } from './outbox-support/kill-loop';

// Issue 6 acceptance: jobs queued offline are delivered exactly once after the backend returns, even when the sending
// process is SIGKILLed between send and acknowledgement. Fixed seed and 4 kills here; `npm run soak` runs more.

let child: { file: string; remove(): void };
beforeAll(() => {
  child = bundleEntry('tests/integration/outbox-support/child.ts');
});
afterAll(() => child?.remove());

describe('outbox across SIGKILL', () => {
  it('delivers 12 jobs exactly once through 4 kills between send and acknowledgement', async () => {
    const result = await runOutboxKillLoop({ childFile: child.file, jobs: 12, kills: 4, seed: 20261126 });
    expect(result.problems).toEqual([]);
    expect(result.kills).toBe(4);
    expect(result.delivered).toBe(12);
  }, 120_000);
});
