// Idempotency keys on the training backend (DESIGN.md §5): the first request with a key runs and its answer is
// kept; a repeat with the same key gets the kept answer and has no second effect. The count of effects per key is
// what the outbox tests assert on ("delivered exactly once"). A real service would keep keys for a limited time;
// training keeps them for the life of the process.

export interface StoredAnswer {
  path: string;
  status: number;
  body: unknown;
  at: string;
}

export class IdempotencyLedger {
  private readonly answers = new Map<string, StoredAnswer>();
  private readonly effectCounts = new Map<string, number>();

  /** The kept answer for this key on this path, if any. */
  replay(key: string, path: string): StoredAnswer | null {
    const stored = this.answers.get(key);
    return stored && stored.path === path ? stored : null;
  }

  /** A route ran with this key: count the effect, and keep the answer if it succeeded (refusals may be retried). */
  record(key: string, answer: StoredAnswer): void {
    this.effectCounts.set(key, (this.effectCounts.get(key) ?? 0) + 1);
    const ok = (answer.body as { ok?: unknown } | null)?.ok === true;
    if (answer.status === 200 && ok) this.answers.set(key, answer);
  }

  has(key: string): boolean {
    return this.answers.has(key);
  }

  /** How many times a route took effect with this key (1 = exactly once). */
  effects(key: string): number {
    return this.effectCounts.get(key) ?? 0;
  }

  /** Every key with its effect count. */
  allEffects(): Map<string, number> {
    return new Map(this.effectCounts);
  }
}
