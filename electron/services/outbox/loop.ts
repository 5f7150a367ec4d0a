import { deliverDue, type DeliveryReport, type DeliveryTransport } from './deliver';
import type { Outbox } from './outbox';

// The delivery loop of the main process: runs a pass over the due jobs, then waits (short when idle, the
// connectivity backoff after failures) and runs again. Passes never overlap. Sends wait for an online login:
// while `canSend()` is false a pass touches nothing. Timers are injected so tests drive the loop step by step.

export interface LoopTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DeliveryLoopOptions {
  outbox: () => Outbox;
  transport: DeliveryTransport;
  canSend(): boolean;
  /** Wait after a clean pass (or while sends must wait). */
  idleMs?: number;
  /** Wait after a pass with failures: the connectivity machine's backoff. */
  retryDelayMs(): number;
  timers?: LoopTimers;
  onPass?(report: DeliveryReport): void;
  /** A pass threw (e.g. the records database could not open); the loop carries on. */
  onError?(err: unknown): void;
}

export interface DeliveryLoop {
  start(): void;
  stop(): void;
  /** Runs a pass now (after the current one, if any); null when sends must wait. */
  kick(): Promise<DeliveryReport | null>;
}

const realTimers: LoopTimers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref(); // never keeps a CLI or test process alive
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export function createDeliveryLoop(options: DeliveryLoopOptions): DeliveryLoop {
  const timers = options.timers ?? realTimers;
  const idleMs = options.idleMs ?? 5_000;
  let handle: unknown = null;
  let running = false;
  let recovered = false;
  let chain: Promise<unknown> = Promise.resolve();

  const pass = async (): Promise<DeliveryReport | null> => {
    if (!options.canSend()) return null;
    const outbox = options.outbox();
    // Jobs a crash left 'sending' may have arrived: they become ambiguous and are asked about first.
    if (!recovered) {
      outbox.recoverInterrupted();
      recovered = true;
    }
    const report = await deliverDue(outbox, options.transport);
    options.onPass?.(report);
    return report;
  };

  const schedule = (ms: number) => {
    if (!running) return;
    if (handle !== null) timers.clearTimeout(handle);
    handle = timers.setTimeout(() => {
      handle = null;
      void loop.kick();
    }, ms);
  };

  const loop: DeliveryLoop = {
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    stop() {
      running = false;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
    kick() {
      const next = chain.then(async () => {
        let report: DeliveryReport | null = null;
        try {
          report = await pass();
        } catch (err) {
          options.onError?.(err);
        }
        const troubled = report !== null && (report.failed > 0 || report.ambiguous > 0);
        schedule(troubled ? options.retryDelayMs() : idleMs);
        return report;
      });
      chain = next.catch(() => undefined);
      return next;
    },
  };
  return loop;
}
