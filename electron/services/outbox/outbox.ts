import { randomUUID } from 'node:crypto';
import type { SqliteDb } from '../../../native/sqlite';

// The durable outbox (DESIGN.md §5): everything sent to the service is first written here, in the records database,
// so it survives restarts, crashes and pulled cables. Each job has an idempotency key that goes with every attempt;
// the server deduplicates on it, so at-least-once delivery becomes exactly once. A job whose send started but whose
// answer never arrived is "ambiguous": before resending, the deliverer asks the server whether it already has it.

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'ambiguous';

export interface OutboxJob {
  id: number;
  idempotencyKey: string;
  kind: string;
  payload: unknown;
  state: OutboxState;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  nextAttemptAt: string | null;
  lastErrorCode: string | null;
}

/** What the UI lists: no payload (it may hold personal data the list does not need). */
export type OutboxSummary = Omit<OutboxJob, 'payload'>;

interface Row {
  id: number;
  idempotency_key: string;
  kind: string;
  payload: string;
  state: OutboxState;
  attempts: number;
  created_at: string;
  updated_at: string;
  next_attempt_at: string | null;
  last_error_code: string | null;
}

const toJob = (r: Row): OutboxJob => ({
  id: r.id,
  idempotencyKey: r.idempotency_key,
  kind: r.kind,
  payload: JSON.parse(r.payload) as unknown,
  state: r.state,
  attempts: r.attempts,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  nextAttemptAt: r.next_attempt_at,
  lastErrorCode: r.last_error_code,
});

export interface OutboxOptions {
  /** The records database (opened lazily by the caller). */
  db: () => SqliteDb;
  clock: () => Date;
  /** Backoff after a retryable failure, from the attempt count. */
  retryDelayMs?: (attempts: number) => number;
  /** After this many attempts a retryable failure becomes permanent ('failed'), for staff to look at. */
  maxAttempts?: number;
}

export interface Outbox {
  /** Queues a job; with a key that already exists, returns the existing job and queues nothing. */
  enqueue(job: { kind: string; payload: unknown; idempotencyKey?: string }): OutboxJob;
  get(id: number): OutboxJob | null;
  /** Jobs to work on now: pending and due, or ambiguous (to be checked with the server). */
  due(limit?: number): OutboxJob[];
  /** Marks a job as being sent (committed before the network call, so a crash leaves it ambiguous, not pending). */
  claim(id: number): OutboxJob;
  markSent(id: number): void;
  /** A failure: retryable → pending again after a backoff; otherwise failed. */
  markFailed(id: number, code: string, retryable: boolean): void;
  /** The send may or may not have reached the server. */
  markAmbiguous(id: number, code: string): void;
  /** At start: jobs left 'sending' by a crash become ambiguous. Returns how many. */
  recoverInterrupted(): number;
  list(): OutboxSummary[];
  counts(): Record<OutboxState, number>;
}

const defaultDelay = (attempts: number) => Math.min(10 * 60_000, 2_000 * 2 ** Math.max(0, attempts - 1));

export function createOutbox(options: OutboxOptions): Outbox {
  const delay = options.retryDelayMs ?? defaultDelay;
  const maxAttempts = options.maxAttempts ?? 20;
  const now = () => options.clock().toISOString();
  const db = options.db;

  const get = (id: number): OutboxJob | null => {
    const row = db().get<Row>('SELECT * FROM outbox WHERE id = ?', id);
    return row ? toJob(row) : null;
  };

  const update = (
    id: number,
    state: OutboxState,
    fields: { nextAttemptAt?: string | null; code?: string | null } = {},
  ) => {
    const result = db().run(
      `UPDATE outbox SET state = ?, updated_at = ?, next_attempt_at = ?, last_error_code = coalesce(?, last_error_code)
       WHERE id = ?`,
      state,
      now(),
      fields.nextAttemptAt ?? null,
      fields.code ?? null,
      id,
    );
    if (result.changes !== 1) throw new Error(`outbox job ${id} not found`);
  };

  return {
    enqueue({ kind, payload, idempotencyKey }) {
      const key = idempotencyKey ?? randomUUID();
      const at = now();
      return db().transaction(() => {
        const existing = db().get<Row>('SELECT * FROM outbox WHERE idempotency_key = ?', key);
        if (existing) return toJob(existing);
        const { lastInsertRowid } = db().run(
          `INSERT INTO outbox (idempotency_key, kind, payload, state, attempts, created_at, updated_at, next_attempt_at)
           VALUES (?, ?, ?, 'pending', 0, ?, ?, ?)`,
          key,
          kind,
          JSON.stringify(payload),
          at,
          at,
          at,
        );
        return get(Number(lastInsertRowid))!;
      });
    },
    get,
    due(limit = 50) {
      return db()
        .all<Row>(
          `SELECT * FROM outbox
           WHERE (state = 'pending' AND next_attempt_at <= ?) OR state = 'ambiguous'
           ORDER BY id LIMIT ?`,
          now(),
          limit,
        )
        .map(toJob);
    },
    claim(id) {
      return db().transaction(() => {
        const job = get(id);
        if (!job || (job.state !== 'pending' && job.state !== 'ambiguous')) {
          throw new Error(`outbox job ${id} cannot be claimed in state ${job?.state ?? 'missing'}`);
        }
        db().run(
          `UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?`,
          now(),
          id,
        );
        return get(id)!;
      });
    },
    markSent: (id) => update(id, 'sent'),
    markFailed(id, code, retryable) {
      const job = get(id);
      if (!job) throw new Error(`outbox job ${id} not found`);
      if (retryable && job.attempts < maxAttempts) {
        const next = new Date(options.clock().getTime() + delay(job.attempts)).toISOString();
        update(id, 'pending', { nextAttemptAt: next, code });
      } else {
        update(id, 'failed', { code });
      }
    },
    markAmbiguous: (id, code) => update(id, 'ambiguous', { code }),
    recoverInterrupted() {
      return db().run(`UPDATE outbox SET state = 'ambiguous', updated_at = ? WHERE state = 'sending'`, now()).changes;
    },
    list() {
      return db()
        .all<Row>('SELECT * FROM outbox ORDER BY id DESC LIMIT 500')
        .map((r) => {
          const { payload: _payload, ...summary } = toJob(r);
          return summary;
        });
    },
    counts() {
      const counts: Record<OutboxState, number> = { pending: 0, sending: 0, sent: 0, failed: 0, ambiguous: 0 };
      for (const r of db().all<{ state: OutboxState; n: number }>(
        'SELECT state, count(*) AS n FROM outbox GROUP BY state',
      )) {
        counts[r.state] = r.n;
      }
      return counts;
    },
  };
}
