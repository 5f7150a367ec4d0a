import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { KaigoError } from '../../electron/services/errors';
import {
  createDeliveryLoop,
  createOutbox,
  createTransport,
  outcomeOf,
  type LoopTimers,
  type Outbox,
} from '../../electron/services/outbox';
import { migrate, RECORDS_MIGRATIONS } from '../../electron/services/store';
import { tempDir } from '../support/temp';

// The delivery loop and transport of the app's outbox, on a real encrypted records file, driven by hand-fired
// timers: how failures are sorted (refused / retry / ambiguous), local senders by kind, the wait between passes,
// no overlapping passes, nothing before an online login, crash leftovers asked about first.

let dir: ReturnType<typeof tempDir>;
let db: SqliteDb;
let outbox: Outbox;

beforeEach(() => {
  dir = tempDir('kd-outbox-loop-');
  db = openEncryptedDb(path.join(dir.path, 'records.db'), { key: randomBytes(32), synchronous: 'FULL' });
  migrate(db, RECORDS_MIGRATIONS);
  outbox = createOutbox({ db: () => db, clock: () => new Date(), retryDelayMs: () => 0 });
});
afterEach(() => {
  db.close();
  dir.remove();
});

function timers(): LoopTimers & { waits: number[]; fire(): void } {
  let pending: (() => void) | null = null;
  const waits: number[] = [];
  return {
    waits,
    setTimeout: (fn, ms) => {
      waits.push(ms);
      pending = fn;
      return waits.length;
    },
    clearTimeout: () => (pending = null),
    fire: () => pending?.(),
  };
}

describe('outbox transport', () => {
  it('sorts failures: no answer is ambiguous, a service hiccup is retried, a refusal is final', () => {
    expect(outcomeOf(new KaigoError('SESSION_TIMEOUT'))).toEqual({ kind: 'ambiguous', code: 'SESSION_TIMEOUT' });
    expect(outcomeOf(new KaigoError('SESSION_UNREACHABLE')).kind).toBe('ambiguous');
    expect(outcomeOf(new KaigoError('SESSION_SERVICE_UNAVAILABLE'))).toEqual({
      kind: 'failed',
      code: 'SESSION_SERVICE_UNAVAILABLE',
      retryable: true,
    });
    expect(outcomeOf(new KaigoError('KIBAN_NOT_SERVED'))).toEqual({
      kind: 'failed',
      code: 'KIBAN_NOT_SERVED',
      retryable: false,
    });
  });

  it('runs local kinds with their sender and sends every other kind to the service', async () => {
    const ran: string[] = [];
    const transport = createTransport({
      senders: { 'reception.recheck': async (job) => void ran.push(`local:${job.kind}`) },
      deliver: async (job) => void ran.push(`service:${job.kind}`),
      known: async () => [],
    });
    const a = outbox.enqueue({ kind: 'reception.recheck', payload: {} });
    const b = outbox.enqueue({ kind: 'careplan.send', payload: {} });
    expect(await transport.send(a)).toEqual({ kind: 'delivered' });
    expect(await transport.send(b)).toEqual({ kind: 'delivered' });
    expect(ran).toEqual(['local:reception.recheck', 'service:careplan.send']);
  });
});

describe('delivery loop', () => {
  it('waits for an online login, then delivers; idles after a clean pass and backs off after a failure', async () => {
    let loggedIn = false;
    let fail = true;
    const t = timers();
    const loop = createDeliveryLoop({
      outbox: () => outbox,
      transport: createTransport({
        senders: {},
        deliver: async () => {
          if (fail) throw new KaigoError('SESSION_SERVICE_UNAVAILABLE');
        },
        known: async () => [],
      }),
      canSend: () => loggedIn,
      idleMs: 5_000,
      retryDelayMs: () => 1_234,
      timers: t,
    });
    const job = outbox.enqueue({ kind: 'x.y', payload: {} });
    loop.start();
    expect(t.waits).toEqual([0]);
    expect(await loop.kick()).toBeNull();
    expect(t.waits.at(-1)).toBe(5_000);
    loggedIn = true;
    expect((await loop.kick())!.failed).toBe(1);
    expect(t.waits.at(-1)).toBe(1_234);
    fail = false;
    expect((await loop.kick())!.delivered).toBe(1);
    expect(t.waits.at(-1)).toBe(5_000);
    expect(outbox.get(job.id)!.state).toBe('sent');
    loop.stop();
    const before = t.waits.length;
    await loop.kick();
    expect(t.waits).toHaveLength(before); // stopped: nothing scheduled
  });

  it('never runs two passes at once', async () => {
    let inFlight = 0;
    let most = 0;
    const loop = createDeliveryLoop({
      outbox: () => outbox,
      transport: createTransport({
        senders: {},
        deliver: async () => {
          most = Math.max(most, ++inFlight);
          await new Promise((r) => setTimeout(r, 5));
          inFlight--;
        },
        known: async () => [],
      }),
      canSend: () => true,
      retryDelayMs: () => 0,
      timers: timers(),
    });
    for (let i = 0; i < 4; i++) outbox.enqueue({ kind: 'x.y', payload: { i } });
    const reports = await Promise.all([loop.kick(), loop.kick(), loop.kick()]);
    expect(most).toBe(1);
    expect(reports.map((r) => r!.delivered)).toEqual([4, 0, 0]);
  });

  it('asks the service about a job a crash left half-sent before sending it again', async () => {
    const job = outbox.enqueue({ kind: 'x.y', payload: {} });
    outbox.claim(job.id); // the previous process died here
    const sends: string[] = [];
    const loop = createDeliveryLoop({
      outbox: () => outbox,
      transport: createTransport({
        senders: {},
        deliver: async (j) => void sends.push(j.idempotencyKey),
        known: async (keys) => keys, // the service has it
      }),
      canSend: () => true,
      retryDelayMs: () => 0,
      timers: timers(),
    });
    expect(await loop.kick()).toMatchObject({ confirmedBefore: 1, delivered: 0 });
    expect(sends).toEqual([]);
    expect(outbox.get(job.id)!.state).toBe('sent');
  });
});
