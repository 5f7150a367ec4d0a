import type { Migration } from '../../migration';

// Cache migration 1. `snapshots`: every record fetched from the service, kept whole as JSON with its fetch time,
// source, valid period and viewing deadline (閲覧期限); the newest per person and kind drives the views.
// `persons`: one row per insured person for lookup. person_key = 保険者番号 (6) + 被保険者番号 (10) (DOMAIN.md §2.2).
// kana_key is the normalised フリガナ (the cache service normalises); prefix search is a B-tree range on it
// (MACHINE.md "SQLite": `kana_key >= ? AND kana_key < ? || '\uffff'`), never LIKE.
export const cache001: Migration = {
  version: 1,
  name: 'snapshots-and-persons',
  up(db) {
    db.exec(`
      CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY,
        person_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        source TEXT NOT NULL,
        valid_from TEXT,
        valid_to TEXT,
        viewing_deadline TEXT,
        body TEXT NOT NULL
      );
      CREATE INDEX snapshots_latest ON snapshots (person_key, kind, fetched_at DESC, id DESC);
      CREATE INDEX snapshots_viewing_deadline ON snapshots (viewing_deadline) WHERE viewing_deadline IS NOT NULL;

      CREATE TABLE persons (
        person_key TEXT PRIMARY KEY,
        insurer_number TEXT NOT NULL,
        insured_number TEXT NOT NULL,
        name TEXT NOT NULL,
        name_kana TEXT NOT NULL,
        kana_key TEXT NOT NULL,
        birth_date TEXT,
        sex TEXT,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX persons_kana ON persons (kana_key);
      CREATE INDEX persons_insured_number ON persons (insured_number);
    `);
  },
};
