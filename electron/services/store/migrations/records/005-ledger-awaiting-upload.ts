import type { SqliteDb } from '../../../../../native/sqlite';
import type { Migration } from '../../migration';

// Records migration 5: the ledger state 'awaiting-upload' (アップロード待ち, UX.md rule 13). Until now a file written
// into a folder for the official client or browser upload was stored as 'queued' with no outbox job; the state CHECK
// of migration 3 did not allow a state of its own. SQLite cannot alter a CHECK, so both ledger tables are rebuilt
// (the subjects table references the ledger, and with foreign_keys=ON the ledger cannot be dropped while it does).
// The runner wraps this in one transaction with the version bump (migration.ts), where PRAGMA foreign_keys cannot be
// switched off; the order below never leaves a dangling reference, and foreign_key_check confirms it before commit.
// Subject rows pointing at no ledger row (possible only if written with foreign keys off) are derived marks with
// nothing to mark: they are left behind rather than refusing to open the records database.
// ALTER TABLE … RENAME (legacy_alter_table off, the default) rewrites the subjects' REFERENCES to the final name.

export const records005: Migration = {
  version: 5,
  name: 'ledger-awaiting-upload',
  up(db) {
    db.exec(`
      CREATE TABLE careplan_ledger_new (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
        partner_office TEXT NOT NULL,
        partner_service TEXT NOT NULL,
        file_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        month TEXT,
        sequence TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        state TEXT NOT NULL
          CHECK (state IN ('queued', 'awaiting-upload', 'sent', 'received', 'imported', 'import-error', 'paper')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        staff_id TEXT,
        outbox_key TEXT UNIQUE,
        body BLOB
      );
      INSERT INTO careplan_ledger_new (id, direction, partner_office, partner_service, file_name, kind, month,
          sequence, sha256, bytes, state, created_at, updated_at, staff_id, outbox_key, body)
        SELECT id, direction, partner_office, partner_service, file_name, kind, month, sequence, sha256, bytes,
          CASE WHEN state = 'queued' AND outbox_key IS NULL THEN 'awaiting-upload' ELSE state END,
          created_at, updated_at, staff_id, outbox_key, body
        FROM careplan_ledger ORDER BY id;

      CREATE TABLE careplan_ledger_subjects_new (
        ledger_id INTEGER NOT NULL REFERENCES careplan_ledger_new (id),
        slot TEXT NOT NULL,
        superseded_by INTEGER REFERENCES careplan_ledger_new (id),
        PRIMARY KEY (ledger_id, slot)
      );
      INSERT INTO careplan_ledger_subjects_new (ledger_id, slot, superseded_by)
        SELECT s.ledger_id, s.slot, CASE WHEN n.id IS NULL THEN NULL ELSE s.superseded_by END
        FROM careplan_ledger_subjects s LEFT JOIN careplan_ledger n ON n.id = s.superseded_by
        WHERE s.ledger_id IN (SELECT id FROM careplan_ledger);

      DROP TABLE careplan_ledger_subjects;
      DROP TABLE careplan_ledger;
      ALTER TABLE careplan_ledger_new RENAME TO careplan_ledger;
      ALTER TABLE careplan_ledger_subjects_new RENAME TO careplan_ledger_subjects;

      CREATE INDEX careplan_ledger_created ON careplan_ledger (created_at);
      CREATE UNIQUE INDEX careplan_ledger_file ON careplan_ledger (direction, file_name, sha256);
      CREATE INDEX careplan_ledger_subjects_slot ON careplan_ledger_subjects (slot);
    `);
    assertNoDanglingReferences(db);
  },
};

/** Throws (so the runner rolls the whole step back) when a foreign key points nowhere after the rebuild. */
function assertNoDanglingReferences(db: SqliteDb): void {
  const broken = db.all('PRAGMA foreign_key_check');
  if (broken.length > 0) throw new Error(`records migration 5: ${broken.length} dangling references`);
}
