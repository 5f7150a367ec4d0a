import type { Migration } from '../../migration';

// Records migration 1: what the office owns and the service cannot give back (DESIGN.md §4 "Two kinds of stored
// data"). The file itself is encrypted, so payloads are plain JSON inside it.
// - outbox: durable send queue; idempotency_key is unique so a job is queued once (DESIGN.md §5).
// - paper_certificates: hand-entered paper 証 (被保険者証, 負担割合証, 負担限度額認定証 — DOMAIN.md §2.2, §2.5, §2.6).
// - office_notes: office-local notes about a person.
// - audit_log: the append-only HMAC chain (services/audit). AUTOINCREMENT keeps sqlite_sequence as a high-water mark
//   that survives deleting the tail, which the audit verifier uses to tell "tail deleted" from "never written".
export const records001: Migration = {
  version: 1,
  name: 'outbox-paper-notes-audit',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'ambiguous')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        next_attempt_at TEXT,
        last_error_code TEXT
      );
      CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

      CREATE TABLE paper_certificates (
        id INTEGER PRIMARY KEY,
        person_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        entered_by TEXT NOT NULL,
        valid_from TEXT,
        valid_to TEXT,
        body TEXT NOT NULL
      );
      CREATE INDEX paper_certificates_person ON paper_certificates (person_key, kind, entered_at DESC);

      CREATE TABLE office_notes (
        id INTEGER PRIMARY KEY,
        person_key TEXT NOT NULL,
        staff_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX office_notes_person ON office_notes (person_key, created_at DESC);

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        staff_id TEXT,
        action TEXT NOT NULL,
        subject_hash TEXT,
        detail TEXT,
        mac BLOB NOT NULL
      );
      CREATE INDEX audit_log_at ON audit_log (at);
    `);
  },
};
