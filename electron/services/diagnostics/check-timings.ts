import type { SqliteDb } from '../../../native/sqlite';

// The phases of a card check timed on this PC (UX.md rule 15): card detection and reading, the client typing the
// PIN, the network round trips, and the screen showing the result. Diagnostics shows the last 7 days' p50/p95.

export const CHECK_PHASES = ['card', 'pin', 'network', 'display'] as const;
export type CheckPhase = (typeof CHECK_PHASES)[number];

export interface PhaseStats {
  phase: CheckPhase;
  count: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

const WEEK_MS = 7 * 86_400_000;

export interface CheckTimings {
  record(phase: CheckPhase, ms: number, at: Date): void;
  weekStats(now: Date): PhaseStats[];
}

export function checkTimings(db: () => SqliteDb): CheckTimings {
  return {
    record(phase, ms, at) {
      if (!Number.isFinite(ms) || ms < 0 || ms > 3_600_000) return; // a clock jump is not a measurement
      db().run('INSERT INTO check_timings (at, phase, ms) VALUES (?, ?, ?)', at.toISOString(), phase, ms);
    },
    weekStats(now) {
      const since = new Date(now.getTime() - WEEK_MS).toISOString();
      return CHECK_PHASES.map((phase) => {
        const values = db()
          .all<{ ms: number }>('SELECT ms FROM check_timings WHERE phase = ? AND at >= ? ORDER BY ms', phase, since)
          .map((r) => r.ms);
        const at = (q: number) =>
          values.length ? values[Math.min(values.length - 1, Math.floor(q * values.length))]! : null;
        return { phase, count: values.length, p50Ms: at(0.5), p95Ms: at(0.95) };
      });
    },
  };
}
