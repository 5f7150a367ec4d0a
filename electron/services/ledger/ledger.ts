import { createHash } from 'node:crypto';
import type { SqliteDb } from '../../../native/sqlite';
import { KaigoError } from '../errors';

// The exchange ledger (UX.md rule 13): every care-plan file sent or received — or sent on paper — with partner,
// month, file type, SHA-256, times and state, kept with the file itself in the encrypted records database as
// evidence for inspections (運営指導). A newer file (higher ファイル連番) for the same partner, table and person-month
// supersedes the older; a file that arrives late is itself marked superseded by the newer one already held.

// 'queued' waits in the outbox for the training channel; 'awaiting-upload' (アップロード待ち) was written into a folder
// for the official client or browser upload and waits for staff to mark it uploaded (records migration 5).
export type LedgerState = 'queued' | 'awaiting-upload' | 'sent' | 'received' | 'imported' | 'import-error' | 'paper';
export type LedgerDirection = 'sent' | 'received';

export const LEDGER_STATE_LABELS: Record<LedgerState, string> = {
  queued: '送信待ち',
  'awaiting-upload': 'アップロード待ち',
  sent: '送信済',
  received: '受信済',
  imported: '取込済',
  'import-error': '取込エラー',
  paper: '紙で送付',
};

/** State label of an entry, in Japanese. */
export function ledgerStateLabel(e: Pick<LedgerEntry, 'state'>): string {
  return LEDGER_STATE_LABELS[e.state];
}

export interface LedgerEntry {
  id: number;
  direction: LedgerDirection;
  partnerOffice: string;
  partnerService: string;
  fileName: string;
  /** File kind (UPPLAN …). */
  kind: string;
  month: string | null;
  sequence: string;
  sha256: string;
  bytes: number;
  state: LedgerState;
  createdAt: string;
  updatedAt: string;
  staffId: string | null;
  /** True when every person-month the file covers has a newer file. */
  superseded: boolean;
  /** State 'awaiting-upload': written for the official upload and not yet marked uploaded by staff. */
  awaitingUpload: boolean;
}

export interface LedgerRecordInput {
  direction: LedgerDirection;
  partner: { office: string; service: string };
  fileName: string;
  kind: string;
  month?: string | null;
  sequence: string;
  body: Uint8Array;
  state: LedgerState;
  staffId?: string | null;
  /** Key of the outbox job carrying the file (sent through the training channel). */
  outboxKey?: string | null;
  /** Table × person × key subjects of the file (careplan subjectsOf). */
  subjects: readonly string[];
}

interface Row {
  id: number;
  direction: LedgerDirection;
  partner_office: string;
  partner_service: string;
  file_name: string;
  kind: string;
  month: string | null;
  sequence: string;
  sha256: string;
  bytes: number;
  state: LedgerState;
  created_at: string;
  updated_at: string;
  staff_id: string | null;
  subjects: number;
  superseded: number;
}

const SELECT = `SELECT l.id, l.direction, l.partner_office, l.partner_service, l.file_name, l.kind, l.month, l.sequence,
    l.sha256, l.bytes, l.state, l.created_at, l.updated_at, l.staff_id,
    (SELECT COUNT(*) FROM careplan_ledger_subjects s WHERE s.ledger_id = l.id) AS subjects,
    (SELECT COUNT(*) FROM careplan_ledger_subjects s WHERE s.ledger_id = l.id AND s.superseded_by IS NOT NULL)
      AS superseded
  FROM careplan_ledger l`;

const toEntry = (r: Row): LedgerEntry => ({
  id: r.id,
  direction: r.direction,
  partnerOffice: r.partner_office,
  partnerService: r.partner_service,
  fileName: r.file_name,
  kind: r.kind,
  month: r.month,
  sequence: r.sequence,
  sha256: r.sha256,
  bytes: r.bytes,
  state: r.state,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  staffId: r.staff_id,
  superseded: r.subjects > 0 && r.subjects === r.superseded,
  awaitingUpload: r.state === 'awaiting-upload',
});

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface LedgerOptions {
  db: () => SqliteDb;
  clock: () => Date;
}

export interface Ledger {
  /** Records a file; the same file (direction, name, SHA-256) recorded again returns the existing entry. */
  record(input: LedgerRecordInput): LedgerEntry;
  /** The entry of exactly this file (direction, name, bytes), if recorded. */
  find(direction: LedgerDirection, fileName: string, body: Uint8Array): LedgerEntry | null;
  setState(id: number, state: LedgerState): LedgerEntry;
  /**
   * Staff uploaded the files with the official client or browser: アップロード待ち → 送信済, all or none.
   * CAREPLAN_LEDGER_NOT_FOUND / CAREPLAN_NOT_AWAITING_UPLOAD when any id is unknown or not awaiting upload.
   */
  markUploaded(ids: readonly number[]): LedgerEntry[];
  /** The entry of an outbox job, when the file went through the outbox. */
  byOutboxKey(key: string): LedgerEntry | null;
  get(id: number): LedgerEntry | null;
  /** The stored file. */
  body(id: number): Uint8Array;
  /** Newest first; optionally only one direction or state. */
  list(filter?: { direction?: LedgerDirection; state?: LedgerState }): LedgerEntry[];
  /** Entries recorded after `afterId`, in the order they were recorded (ascending id). */
  since(afterId: number): LedgerEntry[];
  /** How many entries there are and the newest id (0 when empty): tells a reader whether anything was recorded. */
  head(): { count: number; lastId: number };
}

export function createLedger(options: LedgerOptions): Ledger {
  const db = options.db;
  const get = (id: number) => {
    const row = db().get<Row>(`${SELECT} WHERE l.id = ?`, id);
    return row ? toEntry(row) : null;
  };
  return {
    get,
    find(direction, fileName, body) {
      const row = db().get<Row>(
        `${SELECT} WHERE l.direction = ? AND l.file_name = ? AND l.sha256 = ?`,
        direction,
        fileName,
        sha256Hex(body),
      );
      return row ? toEntry(row) : null;
    },
    record(input) {
      const sha = sha256Hex(input.body);
      const existing = db().get<{ id: number }>(
        'SELECT id FROM careplan_ledger WHERE direction = ? AND file_name = ? AND sha256 = ?',
        input.direction,
        input.fileName,
        sha,
      );
      if (existing) return get(existing.id)!;
      const now = options.clock().toISOString();
      return db().transaction(() => {
        const r = db().run(
          `INSERT INTO careplan_ledger (direction, partner_office, partner_service, file_name, kind, month, sequence,
             sha256, bytes, state, created_at, updated_at, staff_id, outbox_key, body)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          input.direction,
          input.partner.office,
          input.partner.service,
          input.fileName,
          input.kind,
          input.month ?? null,
          input.sequence,
          sha,
          input.body.length,
          input.state,
          now,
          now,
          input.staffId ?? null,
          input.outboxKey ?? null,
          Buffer.from(input.body),
        );
        const id = Number(r.lastInsertRowid);
        for (const subject of input.subjects) {
          // Slots are per direction and partner: what we sent to A does not supersede what B sent us.
          const slot = `${input.direction}|${input.partner.office}|${subject}`;
          const others = db().all<{ ledger_id: number; sequence: string }>(
            `SELECT s.ledger_id, l.sequence FROM careplan_ledger_subjects s JOIN careplan_ledger l ON l.id = s.ledger_id
             WHERE s.slot = ? AND s.superseded_by IS NULL`,
            slot,
          );
          const newer = others
            .filter((o) => o.sequence > input.sequence)
            .sort((a, b) => (a.sequence < b.sequence ? 1 : -1));
          if (newer.length > 0) {
            db().run(
              'INSERT INTO careplan_ledger_subjects (ledger_id, slot, superseded_by) VALUES (?, ?, ?)',
              id,
              slot,
              newer[0]!.ledger_id,
            );
            continue;
          }
          for (const o of others)
            db().run(
              'UPDATE careplan_ledger_subjects SET superseded_by = ? WHERE ledger_id = ? AND slot = ?',
              id,
              o.ledger_id,
              slot,
            );
          db().run('INSERT INTO careplan_ledger_subjects (ledger_id, slot) VALUES (?, ?)', id, slot);
        }
        return get(id)!;
      });
    },
    setState(id, state) {
      const r = db().run(
        'UPDATE careplan_ledger SET state = ?, updated_at = ? WHERE id = ?',
        state,
        options.clock().toISOString(),
        id,
      );
      if (r.changes === 0) throw new KaigoError('CAREPLAN_LEDGER_NOT_FOUND');
      return get(id)!;
    },
    markUploaded(ids) {
      const unique = [...new Set(ids)];
      return db().transaction(() =>
        unique.map((id) => {
          const e = get(id);
          if (!e) throw new KaigoError('CAREPLAN_LEDGER_NOT_FOUND');
          if (e.state !== 'awaiting-upload') throw new KaigoError('CAREPLAN_NOT_AWAITING_UPLOAD');
          db().run(
            `UPDATE careplan_ledger SET state = 'sent', updated_at = ? WHERE id = ? AND state = 'awaiting-upload'`,
            options.clock().toISOString(),
            id,
          );
          return get(id)!;
        }),
      );
    },
    since(afterId) {
      return db().all<Row>(`${SELECT} WHERE l.id > ? ORDER BY l.id`, afterId).map(toEntry);
    },
    head() {
      const r = db().get<{ count: number; last_id: number | null }>(
        'SELECT COUNT(*) AS count, MAX(id) AS last_id FROM careplan_ledger',
      );
      return { count: r?.count ?? 0, lastId: r?.last_id ?? 0 };
    },
    byOutboxKey(key) {
      const row = db().get<Row>(`${SELECT} WHERE l.outbox_key = ?`, key);
      return row ? toEntry(row) : null;
    },
    body(id) {
      const row = db().get<{ body: Buffer | null }>('SELECT body FROM careplan_ledger WHERE id = ?', id);
      if (!row) throw new KaigoError('CAREPLAN_LEDGER_NOT_FOUND');
      return new Uint8Array(row.body ?? Buffer.alloc(0));
    },
    list(filter = {}) {
      const where: string[] = [];
      const params: string[] = [];
      if (filter.direction) {
        where.push('l.direction = ?');
        params.push(filter.direction);
      }
      if (filter.state) {
        where.push('l.state = ?');
        params.push(filter.state);
      }
      const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY l.created_at DESC, l.id DESC`;
      return db()
        .all<Row>(sql, ...params)
        .map(toEntry);
    },
  };
}
