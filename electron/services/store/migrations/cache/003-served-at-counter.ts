import type { Migration } from '../../migration';

// Cache migration 3: which scope rows the counter added (a 証 entered on paper, or the counter's declaration after a
// rejected 障害時受付; UX.md rule 6). The service's served list does not know those persons yet, so its refresh must
// not drop them (cache/served.ts). Until now only the counter wrote rows with neither a 閲覧期限 nor an online check
// (the service's list always gives a deadline, an online check always a time), so exactly those are marked.
export const cache003: Migration = {
  version: 3,
  name: 'served-at-counter',
  up(db) {
    db.exec(`
      ALTER TABLE served_persons ADD COLUMN at_counter INTEGER NOT NULL DEFAULT 0 CHECK (at_counter IN (0, 1));
      UPDATE served_persons SET at_counter = 1 WHERE viewing_deadline IS NULL AND last_checked_at IS NULL;
      CREATE INDEX served_persons_counter ON served_persons (person_key) WHERE at_counter = 1;
    `);
  },
};
