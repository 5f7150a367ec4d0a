// The diagnostics report for support (issue 9, `kaigo-desk diagnostics`). It holds versions, states, codes, counts
// and durations only: never names, kana, insured numbers, birth dates, notes, certificate subjects or serials, user
// names (home folders are shown as ~), PINs, passwords, tokens or keys. A test scans it for seeded personal data.

/** Something that could not be checked: the error code only. */
export interface Failed {
  error: string;
}

export interface DatabaseHealth {
  /** 'ok', or how many problems PRAGMA integrity_check listed (their text may quote data, so it is not kept). */
  integrity: 'ok' | { problems: number };
  /** PRAGMA user_version: the last migration applied. */
  migrationVersion: number;
  /** Rows per table: counts only. */
  rows: Record<string, number>;
}

export interface SupportReport {
  kind: 'kaigo-desk-diagnostics';
  version: 1;
  generatedAt: string;
  app: { version: string; node: string; electron: string | null; platform: string; osRelease: string; arch: string };
  mode: 'training' | 'configured' | 'misconfigured';
  configuration: { valid: boolean; files: string[]; problems: Array<{ file: string; field: string }> };
  readers: { serviceUp: boolean; names: string[] } | Failed;
  connection:
    | { checked: false; reason: 'no-certificate' | 'misconfigured' }
    | {
        checked: true;
        ok: boolean;
        code: string | null;
        tlsVersion: string | null;
        roundTripMs: number | null;
        serverProblem: string | null;
        interceptionSuspected: boolean;
      }
    | Failed;
  databases: { cache: DatabaseHealth | Failed; records: DatabaseHealth | Failed };
  audit: { result: string; count?: number; unsealed?: number; seq?: number } | Failed;
  cardCheckTimings: Array<{ phase: string; count: number; p50Ms: number | null; p95Ms: number | null }> | Failed;
  lastErrors:
    | {
        outbox: Array<{ code: string; count: number; lastAt: string }>;
        audit: Array<{ at: string; action: string; outcome: string }>;
      }
    | Failed;
}
