// Test hooks of the training backend for outage and crash scenarios (issue 6): delay an answer after the route has
// taken effect (so a client can be killed between send and acknowledgement), or answer like a failing service.
// Never used by the app itself; the e2e harness and integration tests set them through TrainingServer.hooks.

export interface ServerHooks {
  /** Milliseconds to hold an answer after the route ran; 0 = answer at once. */
  answerDelayMs: number;
  /** Paths whose answers are held; empty = every path. */
  delayPaths: string[];
  /** Answer every request under /api/v1/persons/ with 503 (the service is down behind a reachable front). */
  unavailable: boolean;
}

export const createHooks = (): ServerHooks => ({ answerDelayMs: 0, delayPaths: [], unavailable: false });

export function delayFor(hooks: ServerHooks, path: string): number {
  if (hooks.answerDelayMs <= 0) return 0;
  return hooks.delayPaths.length === 0 || hooks.delayPaths.includes(path) ? hooks.answerDelayMs : 0;
}
