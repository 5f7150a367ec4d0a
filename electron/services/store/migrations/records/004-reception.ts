import type { Migration } from '../../migration';

// Records migration 4: 障害時受付 (outage reception, UX.md rule 9). What staff wrote down at the counter while the
// service could not answer; the re-run's result and the differences wait here for a staff decision, so nothing is
// overwritten silently. form / recheck are JSON inside the encrypted file; outbox_key ties the entry to its
// re-run job in the outbox.
export const records004: Migration = {
  version: 4,
  name: 'reception',
  up(db) {
    db.exec(`
      CREATE TABLE reception_entries (
        id INTEGER PRIMARY KEY,
        person_key TEXT NOT NULL,
        received_at TEXT NOT NULL,
        received_by TEXT NOT NULL,
        form TEXT NOT NULL,
        state TEXT NOT NULL
          CHECK (state IN ('queued', 'awaiting-approval', 'recheck-refused', 'approved', 'rejected')),
        outbox_key TEXT NOT NULL UNIQUE,
        recheck TEXT,
        decided_at TEXT,
        decided_by TEXT
      );
      CREATE INDEX reception_entries_state ON reception_entries (state, received_at);
    `);
  },
};
