import type { Migration } from '../../migration';

// Records migration 3: care-plan exchange (issue 8, UX.md rules 13–14).
// - careplan_partners: the partner address book (事業所番号 + サービス種類 + name, whether they exchange data).
// - careplan_ledger: every file sent or received (or sent on paper): partner, month, file type, SHA-256, times, state;
//   the file itself is kept (inside the encrypted database) as evidence for inspections and for the inbox.
// - careplan_ledger_subjects: the persons and months a file covers; a newer file (higher ファイル連番) for the same
//   partner, table and person-month marks the older subject superseded, and a file whose subjects are all superseded
//   shows as 差替済.
export const records003: Migration = {
  version: 3,
  name: 'careplan-exchange',
  up(db) {
    db.exec(`
      CREATE TABLE careplan_partners (
        id INTEGER PRIMARY KEY,
        office TEXT NOT NULL,
        service TEXT NOT NULL,
        name TEXT NOT NULL,
        exchanges_data INTEGER NOT NULL CHECK (exchanges_data IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (office, service)
      );

      CREATE TABLE careplan_ledger (
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
          CHECK (state IN ('queued', 'sent', 'received', 'imported', 'import-error', 'paper')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        staff_id TEXT,
        outbox_key TEXT UNIQUE,
        body BLOB
      );
      CREATE INDEX careplan_ledger_created ON careplan_ledger (created_at);
      CREATE UNIQUE INDEX careplan_ledger_file ON careplan_ledger (direction, file_name, sha256);

      CREATE TABLE careplan_ledger_subjects (
        ledger_id INTEGER NOT NULL REFERENCES careplan_ledger (id),
        slot TEXT NOT NULL,
        superseded_by INTEGER REFERENCES careplan_ledger (id),
        PRIMARY KEY (ledger_id, slot)
      );
      CREATE INDEX careplan_ledger_subjects_slot ON careplan_ledger_subjects (slot);
    `);
  },
};
