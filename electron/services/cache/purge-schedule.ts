// When the purge runs (issue 7): once before the first read of the cache in this app run ("at start": nothing past
// its 閲覧期限 is ever shown after a restart), then every few hours while the app stays open. The timer is injected
// so tests drive the ticks; a run never overlaps the previous one, and a failed run is reported, not thrown.

export interface PurgeTimer {
  /** Calls fn every `ms` milliseconds until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

/** The real timer; unref'd so an idle purge never keeps a CLI process alive. */
export const intervalTimer: PurgeTimer = {
  every(ms, fn) {
    const handle = setInterval(fn, ms);
    handle.unref?.();
    return () => clearInterval(handle);
  },
};

export const PURGE_INTERVAL_HOURS = 6;

export interface PurgeSchedule {
  /** Runs the first purge (once; later calls wait for it) and starts the timer. */
  ensureStarted(): Promise<void>;
  /** Stops the timer (app close). */
  stop(): void;
}

export function createPurgeSchedule(options: {
  /** The purge at start, awaited before the first cached read. */
  atStart: () => Promise<void>;
  /** The scheduled purge (may also ask the service which persons are still served). */
  onTick: () => Promise<void>;
  timer?: PurgeTimer | undefined;
  everyMs?: number;
  onError: (err: unknown) => void;
}): PurgeSchedule {
  const timer = options.timer ?? intervalTimer;
  const everyMs = options.everyMs ?? PURGE_INTERVAL_HOURS * 3_600_000;
  let first: Promise<void> | null = null;
  let running = false;
  let stopTimer: (() => void) | null = null;
  let stopped = false;

  const guarded = async (fn: () => Promise<void>) => {
    if (running || stopped) return;
    running = true;
    try {
      await fn();
    } catch (err) {
      options.onError(err);
    } finally {
      running = false;
    }
  };

  return {
    ensureStarted() {
      first ??= guarded(options.atStart).then(() => {
        if (!stopped) stopTimer = timer.every(everyMs, () => void guarded(options.onTick));
      });
      return first;
    },
    stop() {
      stopped = true;
      stopTimer?.();
      stopTimer = null;
    },
  };
}
