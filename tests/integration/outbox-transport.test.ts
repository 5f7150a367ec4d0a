import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { createDeliveryClient } from '../../electron/services/kiban';
import {
  createDeliveryLoop,
  createOutbox,
  createTransport,
  type LoopTimers,
  type Outbox,
} from '../../electron/services/outbox';
import type { Session } from '../../electron/services/session';
import { migrate, RECORDS_MIGRATIONS } from '../../electron/services/store';
import { startTrainingServer, type TrainingServer } from '../../electron/training/server';
import { tempDir } from '../support/temp';
import { loginTrainingStaff } from '../support/training-tls';
import { trainingPki } from './training-server.support';

// The outbox transport against the training backend over real TLS 1.3 mutual auth, with a real encrypted records
// database: sends carry the idempotency key, the server keeps one effect per key, an ambiguous job is looked up
// before any resend, and nothing is sent before an online login.

let server: TrainingServer;
let dir: ReturnType<typeof tempDir>;
let db: SqliteDb;
const sessions: Session[] = [];

async function login(timeoutMs = 5_000): Promise<Session> {
  return loginTrainingStaff({ server, pki: trainingPki(), staffId: 'cm-renshu01', opened: sessions, timeoutMs });
}

/** Timers the test fires by hand: the loop never runs on its own here. */
function manualTimers(): LoopTimers & { pending: number[] } {
  const pending: number[] = [];
  return {
    pending,
    setTimeout: (_fn, ms) => (pending.push(ms), pending.length),
    clearTimeout: () => {},
  };
}

function setup(session: Session, canSend = () => true) {
  db.exec('DELETE FROM outbox');
  const outbox: Outbox = createOutbox({ db: () => db, clock: () => new Date() });
  const client = createDeliveryClient(session);
  const transport = createTransport({
    senders: {},
    deliver: async (job) => {
      await client.send({ kind: job.kind, payload: job.payload, idempotencyKey: job.idempotencyKey });
    },
    known: (keys) => client.known(keys),
  });
  const timers = manualTimers();
  const loop = createDeliveryLoop({ outbox: () => outbox, transport, canSend, retryDelayMs: () => 1000, timers });
  loop.start();
  return { outbox, client, loop, timers };
}

beforeAll(async () => {
  server = await startTrainingServer({ pki: trainingPki() });
  dir = tempDir('kd-outbox-');
  db = openEncryptedDb(path.join(dir.path, 'records.db'), { key: randomBytes(32), synchronous: 'FULL' });
  migrate(db, RECORDS_MIGRATIONS);
});
afterEach(async () => {
  server.hooks.answerDelayMs = 0;
  server.hooks.delayPaths = [];
  server.hooks.unavailable = false;
  await server.resume();
});
afterAll(async () => {
  for (const s of sessions) await s.close();
  await server?.close();
  db?.close();
  dir?.remove();
});

describe('outbox transport ⇄ training backend', () => {
  it('delivers queued jobs once each, with the key; a repeated key gets the kept answer and no second effect', async () => {
    const { outbox, client, loop } = setup(await login());
    const jobs = Array.from({ length: 5 }, (_, i) => outbox.enqueue({ kind: 'training.note', payload: { n: i } }));
    const report = await loop.kick();
    expect(report).toMatchObject({ delivered: 5, failed: 0, ambiguous: 0 });
    for (const job of jobs) {
      expect(outbox.get(job.id)!.state).toBe('sent');
      expect(server.data.idempotency.effects(job.idempotencyKey)).toBe(1);
    }
    const first = server.data.deliveries.find((d) => d.idempotencyKey === jobs[0]!.idempotencyKey)!;
    const again = await client.send({
      kind: 'training.note',
      payload: { n: 0 },
      idempotencyKey: jobs[0]!.idempotencyKey,
    });
    expect(again.receiptId).toBe(first.receiptId);
    expect(server.data.idempotency.effects(jobs[0]!.idempotencyKey)).toBe(1);
    expect(server.data.deliveries.filter((d) => d.idempotencyKey === jobs[0]!.idempotencyKey)).toHaveLength(1);
  });

  it('sends nothing before an online login', async () => {
    let loggedIn = false;
    const { outbox, loop } = setup(await login(), () => loggedIn);
    const job = outbox.enqueue({ kind: 'training.note', payload: {} });
    expect(await loop.kick()).toBeNull();
    expect(outbox.get(job.id)!.state).toBe('pending');
    expect(server.data.idempotency.effects(job.idempotencyKey)).toBe(0);
    loggedIn = true;
    expect((await loop.kick())!.delivered).toBe(1);
  });

  it('after a lost answer asks the server first and does not resend what arrived', async () => {
    const { outbox, loop } = setup(await login(400));
    server.hooks.delayPaths = ['/api/v1/deliveries'];
    server.hooks.answerDelayMs = 1_500; // the effect happens, the answer comes after the client gave up
    const job = outbox.enqueue({ kind: 'training.note', payload: {} });
    const first = await loop.kick();
    expect(first!.ambiguous).toBe(1);
    expect(outbox.get(job.id)).toMatchObject({ state: 'ambiguous', lastErrorCode: 'SESSION_TIMEOUT', attempts: 1 });
    expect(server.data.idempotency.effects(job.idempotencyKey)).toBe(1);
    server.hooks.answerDelayMs = 0;
    const second = await loop.kick();
    expect(second).toMatchObject({ confirmedBefore: 1, delivered: 0 });
    expect(outbox.get(job.id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(server.data.idempotency.effects(job.idempotencyKey)).toBe(1);
  });

  it('keeps jobs while the service is gone and delivers them once when it is back', async () => {
    const { outbox, loop, timers } = setup(await login(2_000));
    await server.suspend();
    const job = outbox.enqueue({ kind: 'training.note', payload: {} });
    const down = await loop.kick();
    expect(down!.delivered).toBe(0);
    expect(['ambiguous', 'pending']).toContain(outbox.get(job.id)!.state);
    expect(timers.pending.at(-1)).toBe(1000); // the retry backoff, not the idle wait
    await server.resume();
    const up = await loop.kick();
    expect(up!.delivered + up!.confirmedBefore).toBe(1);
    expect(outbox.get(job.id)!.state).toBe('sent');
    expect(server.data.idempotency.effects(job.idempotencyKey)).toBe(1);
  });

  it('a 503 from the service is a retryable failure, not a delivery', async () => {
    const { outbox, loop } = setup(await login());
    server.hooks.unavailable = true;
    const job = outbox.enqueue({ kind: 'training.note', payload: {} });
    expect((await loop.kick())!.failed).toBe(1);
    expect(outbox.get(job.id)).toMatchObject({ state: 'pending', lastErrorCode: 'SESSION_SERVICE_UNAVAILABLE' });
    expect(server.data.idempotency.effects(job.idempotencyKey)).toBe(0);
  });

  it('the server refuses a delivery without an idempotency key', async () => {
    const session = await login();
    const { deliveryResponse } = await import('../../electron/services/kiban/deliveries');
    const before = server.data.deliveries.length;
    const err = await session
      .call('POST', '/api/v1/deliveries', deliveryResponse, { kind: 'training.note', payload: {} })
      .catch((e: unknown) => e as { code: string; serviceCode: string });
    expect(err).toMatchObject({ code: 'SESSION_BAD_RESPONSE', serviceCode: 'IDEMPOTENCY_KEY_REQUIRED' });
    expect(server.data.deliveries).toHaveLength(before);
  });
});
