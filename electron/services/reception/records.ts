import { randomUUID } from 'node:crypto';
import type { SqliteDb } from '../../../native/sqlite';
import { toJapanTime, isoDate } from '../../contract/time';
import {
  ReceptionForm,
  type ReceptionEntry,
  type ReceptionRecheck,
  type ReceptionState,
} from '../../contract/reception';
import { KaigoError } from '../errors';
import type { Outbox } from '../outbox';

// 障害時受付 records (UX.md rule 9) in the records database: saving an entry and queueing its re-run check in the
// outbox happen in one transaction, so there is never an entry without its job or a job without its entry. The
// outbox payload holds only the entry's id — no personal data travels through the queue.

export const RECHECK_JOB_KIND = 'reception.recheck';

interface Row {
  id: number;
  person_key: string;
  received_at: string;
  received_by: string;
  form: string;
  state: ReceptionState;
  outbox_key: string;
  recheck: string | null;
  decided_at: string | null;
  decided_by: string | null;
}

const toEntry = (r: Row): ReceptionEntry => ({
  id: r.id,
  personKey: r.person_key,
  receivedAt: r.received_at,
  receivedBy: r.received_by,
  state: r.state,
  form: JSON.parse(r.form) as ReceptionForm,
  recheck: r.recheck ? (JSON.parse(r.recheck) as ReceptionRecheck) : null,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
});

export interface ReceptionRecords {
  /** Validates (RECEPTION_INVALID naming the field, never its value), stores and queues the re-run. */
  save(form: unknown, staffId: string): ReceptionEntry;
  get(id: number): ReceptionEntry;
  /** Newest first. */
  list(limit?: number): ReceptionEntry[];
  /** The re-run answered: differences wait for approval; a refusal is kept with its code. */
  recordRecheck(id: number, recheck: ReceptionRecheck): ReceptionEntry;
  /** Staff decide on the differences (only while awaiting approval or refused). */
  decide(id: number, decision: 'approved' | 'rejected', staffId: string): ReceptionEntry;
}

export function receptionRecords(options: {
  db: () => SqliteDb;
  outbox: () => Outbox;
  clock: () => Date;
}): ReceptionRecords {
  const { db, clock } = options;

  const find = (id: number): Row => {
    const row = db().get<Row>('SELECT * FROM reception_entries WHERE id = ?', id);
    if (!row) throw new KaigoError('RECEPTION_NOT_FOUND', String(id));
    return row;
  };

  return {
    save(form, staffId) {
      const parsed = ReceptionForm.safeParse(form);
      if (!parsed.success) {
        throw new KaigoError('RECEPTION_INVALID', String(parsed.error.issues[0]?.path[0] ?? 'form'));
      }
      const value = parsed.data;
      if (value.birthDate > isoDate(toJapanTime(clock()))) throw new KaigoError('RECEPTION_INVALID', 'birthDate');
      if (!/^[\x21-\x7e]{1,64}$/.test(staffId)) throw new KaigoError('RECEPTION_INVALID', 'staff');
      const personKey = `${value.insurerNumber}-${value.insuredNumber}`;
      const key = randomUUID();
      return db().transaction(() => {
        const { lastInsertRowid } = db().run(
          `INSERT INTO reception_entries (person_key, received_at, received_by, form, state, outbox_key)
           VALUES (?, ?, ?, ?, 'queued', ?)`,
          personKey,
          clock().toISOString(),
          staffId,
          JSON.stringify(value),
          key,
        );
        const id = Number(lastInsertRowid);
        options.outbox().enqueue({ kind: RECHECK_JOB_KIND, payload: { receptionId: id }, idempotencyKey: key });
        return toEntry(find(id));
      });
    },
    get: (id) => toEntry(find(id)),
    list(limit = 200) {
      return db()
        .all<Row>('SELECT * FROM reception_entries ORDER BY id DESC LIMIT ?', Math.min(Math.max(limit, 1), 500))
        .map(toEntry);
    },
    recordRecheck(id, recheck) {
      const row = find(id);
      // A decided entry stays decided; a repeated re-run (e.g. after a crash) refreshes what waits for approval.
      if (row.state === 'approved' || row.state === 'rejected') return toEntry(row);
      const state: ReceptionState = recheck.refusalCode ? 'recheck-refused' : 'awaiting-approval';
      db().run('UPDATE reception_entries SET state = ?, recheck = ? WHERE id = ?', state, JSON.stringify(recheck), id);
      return toEntry(find(id));
    },
    decide(id, decision, staffId) {
      return db().transaction(() => {
        const row = find(id);
        if (row.state !== 'awaiting-approval' && row.state !== 'recheck-refused') {
          throw new KaigoError('RECEPTION_NOT_AWAITING', row.state);
        }
        db().run(
          'UPDATE reception_entries SET state = ?, decided_at = ?, decided_by = ? WHERE id = ?',
          decision,
          clock().toISOString(),
          staffId,
          id,
        );
        return toEntry(find(id));
      });
    },
  };
}
