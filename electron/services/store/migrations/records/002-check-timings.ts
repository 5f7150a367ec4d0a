import type { Migration } from '../../migration';

// Records migration 2: how long each phase of a card check took (UX.md rule 15), kept locally so diagnostics can show
// the week's p50/p95 per phase. Durations only: no person, card or staff in these rows.
export const records002: Migration = {
  version: 2,
  name: 'check-timings',
  up(db) {
    db.exec(`
      CREATE TABLE check_timings (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('card', 'pin', 'network', 'display')),
        ms REAL NOT NULL CHECK (ms >= 0)
      );
      CREATE INDEX check_timings_phase_at ON check_timings (phase, at);
    `);
  },
};
