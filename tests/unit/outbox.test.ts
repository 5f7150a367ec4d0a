import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { createOutbox, deliverDue, type DeliveryTransport, type OutboxJob } from '../../electron/services/outbox';
import { migrate, RECORDS_MIGRATIONS } from '../../electron/services/store';
import { tempDir } from '../support/temp';

// The outbox on a real encrypted records database file.
let dir: ReturnType<typeof tempDir>;
let key: Buffer;
let db: SqliteDb;
let now: number;

const open = () => {
  const handle = openEncryptedDb(path.join(dir.path, 'records.db'), { key, synchronous: 'FULL' });
  migrate(handle, RECORDS_MIGRATIONS);
  return handle;
};

beforeEach(() => {
  dir = tempDir('kd-outbox-');
  key = randomBytes(32);
  db = open();
  now = Date.parse('2026-11-26T01:00:00Z');
});
afterEach(() => {
  if (db.open) db.close();
  dir.remove();
});

const outbox = () =>
  createOutbox({ db: () => db, clock: () => new Date(now), retryDelayMs: () => 60_000, maxAttempts: 3 });

/** A server that deduplicates on the idempotency key, and can lose its answer. */
function server() {
  const received = new Map<string, number>();
  let loseNextAnswer = false;
  let failNext: { code: string; retryable: boolean } | null = null;
  const transport: DeliveryTransport = {
    async send(job: OutboxJob) {
      if (failNext) {
        const f = failNext;
        failNext = null;
        return { kind: 'failed', ...f };
      }
      received.set(job.idempotencyKey, (received.get(job.idempotencyKey) ?? 0) + 1);
      if (loseNextAnswer) {
        loseNextAnswer = false;
        return { kind: 'ambiguous', code: 'SESSION_TIMEOUT' };
      }
      return { kind: 'delivered' };
    },
    async alreadyDelivered(k) {
      return received.has(k);
    },
  };
  return {
    transport,
    received,
    loseNextAnswer: () => (loseNextAnswer = true),
    failNext: (code: string, retryable: boolean) => (failNext = { code, retryable }),
  };
}

describe('outbox', () => {
  it('queues a job once per idempotency key and keeps it across a reopen', () => {
    const a = outbox().enqueue({ kind: 'careplan.send', payload: { month: '202612' }, idempotencyKey: 'k-1' });
    const b = outbox().enqueue({ kind: 'careplan.send', payload: { month: 'other' }, idempotencyKey: 'k-1' });
    expect(b.id).toBe(a.id);
    expect(b.payload).toEqual({ month: '202612' });
    db.close();
    db = open();
    expect(outbox().get(a.id)).toMatchObject({ state: 'pending', idempotencyKey: 'k-1', attempts: 0 });
    expect(outbox().list()[0]).not.toHaveProperty('payload');
  });

  it('delivers due jobs and marks them sent', async () => {
    const s = server();
    outbox().enqueue({ kind: 'x', payload: 1 });
    outbox().enqueue({ kind: 'x', payload: 2 });
    expect(await deliverDue(outbox(), s.transport)).toMatchObject({ delivered: 2 });
    expect(outbox().counts()).toMatchObject({ sent: 2, pending: 0 });
    expect(await deliverDue(outbox(), s.transport)).toMatchObject({ delivered: 0 });
  });

  it('retries a retryable failure after the backoff and gives up after the last attempt', async () => {
    const s = server();
    const job = outbox().enqueue({ kind: 'x', payload: 1 });
    s.failNext('SESSION_UNREACHABLE', true);
    await deliverDue(outbox(), s.transport);
    expect(outbox().get(job.id)).toMatchObject({ state: 'pending', attempts: 1, lastErrorCode: 'SESSION_UNREACHABLE' });
    expect(outbox().due()).toHaveLength(0); // not before the backoff
    now += 60_000;
    s.failNext('SESSION_UNREACHABLE', false);
    await deliverDue(outbox(), s.transport);
    expect(outbox().get(job.id)).toMatchObject({ state: 'failed', attempts: 2 });
  });

  it('delivers exactly once when the answer is lost: asks the server before resending', async () => {
    const s = server();
    const job = outbox().enqueue({ kind: 'x', payload: 1 });
    s.loseNextAnswer();
    expect(await deliverDue(outbox(), s.transport)).toMatchObject({ ambiguous: 1 });
    expect(outbox().get(job.id)!.state).toBe('ambiguous');
    expect(await deliverDue(outbox(), s.transport)).toMatchObject({ confirmedBefore: 1, delivered: 0 });
    expect(outbox().get(job.id)!.state).toBe('sent');
    expect(s.received.get(job.idempotencyKey)).toBe(1);
  });

  it('turns a send interrupted by a crash into ambiguous, and resends only if the server lacks it', async () => {
    const s = server();
    const job = outbox().enqueue({ kind: 'x', payload: 1 });
    outbox().claim(job.id); // the process dies here, before any answer
    db.close();
    db = open();
    expect(outbox().recoverInterrupted()).toBe(1);
    expect(await deliverDue(outbox(), s.transport)).toMatchObject({ delivered: 1 });
    expect(s.received.get(job.idempotencyKey)).toBe(1);
  });
});
