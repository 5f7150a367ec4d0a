import type { Migration } from '../../migration';

// Cache migration 2: the viewing scope (DESIGN.md §4 "scoped by the office's viewing rights (also offline)";
// DOMAIN.md §2.1: only an office that confirmed the person's identity and still serves them may view).
// `served_persons`: one row per office (事業所番号) and person this office fetched or was told it serves, with the
// grant's 閲覧期限 and when the office last confirmed the person online (card check or fetch; the outage list of
// today's visitors reads it). Rows cached before this migration have no office: they stay out of every scope until
// the next online fetch or served-list refresh, and a refresh purges persons no office serves (the cache is a copy).
export const cache002: Migration = {
  version: 2,
  name: 'served-persons',
  up(db) {
    db.exec(`
      CREATE TABLE served_persons (
        office_number TEXT NOT NULL,
        person_key TEXT NOT NULL,
        viewing_deadline TEXT,
        last_checked_at TEXT,
        PRIMARY KEY (office_number, person_key)
      ) WITHOUT ROWID;
      CREATE INDEX served_persons_person ON served_persons (person_key);
      CREATE INDEX served_persons_checked ON served_persons (office_number, last_checked_at)
        WHERE last_checked_at IS NOT NULL;
    `);
  },
};
