import type { ConnectionCheckReport } from '../../contract/setup';
import type { AuditLog } from '../audit';
import type { Runtime } from '../config';
import { checkTimings } from '../diagnostics';
import { KaigoError } from '../errors';
import type { SqliteDb } from '../store';
import type { DatabaseHealth, Failed, SupportReport } from './types';

// Collects the report. Each part is checked on its own: a part that fails is reported by its error code and the
// rest still runs (a support report is most needed when something is broken).

export interface ReportSources {
  version: string;
  clock: () => Date;
  platform: { node: string; electron: string | null; platform: string; osRelease: string; arch: string };
  homeDir: string;
  runtime: Pick<Runtime, 'mode' | 'configFiles' | 'problems'>;
  readers(): Promise<{ serviceUp: boolean; readers: string[] }>;
  certificateInstalled(): Promise<boolean>;
  connectionCheck(): Promise<ConnectionCheckReport>;
  cache(): SqliteDb;
  records(): SqliteDb;
  audit(): AuditLog;
}

const CODE = /^[A-Z][A-Z0-9_.-]{0,63}$/;
const asCode = (value: unknown): string => (typeof value === 'string' && CODE.test(value) ? value : 'OTHER');

/** Only our own error codes leave a failure; anything else is reported by its kind. */
function failed(err: unknown): Failed {
  if (err instanceof KaigoError) return { error: err.code };
  return { error: err instanceof Error ? `INTERNAL:${err.name}` : 'INTERNAL' };
}

async function guard<T>(fn: () => T | Promise<T>): Promise<T | Failed> {
  try {
    return await fn();
  } catch (err) {
    return failed(err);
  }
}

/** Paths under the user's home folder would show the OS user name. */
function homeless(file: string, homeDir: string): string {
  return homeDir && file.startsWith(homeDir) ? `~${file.slice(homeDir.length)}` : file;
}

function databaseHealth(db: SqliteDb): DatabaseHealth {
  const check = db.integrityCheck();
  const names = db
    .all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .map((r) => r.name);
  const rows: Record<string, number> = {};
  for (const name of names) {
    rows[name] = db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`)?.n ?? 0;
  }
  const ok = check.length === 1 && check[0] === 'ok';
  return { integrity: ok ? 'ok' : { problems: check.length }, migrationVersion: db.userVersion(), rows };
}

function lastErrors(records: SqliteDb, audit: AuditLog, now: Date): SupportReport['lastErrors'] {
  const outbox = records
    .all<{ code: string; n: number; at: string }>(
      `SELECT last_error_code AS code, COUNT(*) AS n, MAX(updated_at) AS at FROM outbox
       WHERE last_error_code IS NOT NULL GROUP BY last_error_code ORDER BY at DESC LIMIT 10`,
    )
    .map((r) => ({ code: asCode(r.code), count: r.n, lastAt: String(r.at).slice(0, 24) }));
  const failures: Array<{ at: string; action: string; outcome: string }> = [];
  const since = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  for (const row of audit.rows({ fromIso: since }).reverse()) {
    if (!row.detail) continue;
    let detail: Record<string, unknown>;
    try {
      detail = JSON.parse(row.detail) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (detail.outcome === undefined || detail.outcome === 'OK') continue;
    failures.push({ at: row.time, action: asCode(row.action.toUpperCase()), outcome: asCode(detail.outcome) });
    if (failures.length === 10) break;
  }
  return { outbox, audit: failures };
}

export async function collectSupportReport(src: ReportSources): Promise<SupportReport> {
  const now = src.clock();
  const misconfigured = src.runtime.mode === 'misconfigured';
  const readers = await guard(async () => {
    const status = await src.readers();
    return { serviceUp: status.serviceUp, names: status.readers };
  });
  const connection = misconfigured
    ? ({ checked: false, reason: 'misconfigured' } as const)
    : await guard(async (): Promise<SupportReport['connection']> => {
        if (!(await src.certificateInstalled())) return { checked: false, reason: 'no-certificate' };
        const r = await src.connectionCheck();
        return {
          checked: true,
          ok: r.ok,
          code: r.code === null ? null : asCode(r.code),
          tlsVersion: r.tlsVersion,
          roundTripMs: r.roundTripMs,
          serverProblem: r.serverProblem,
          interceptionSuspected: r.interceptionSuspected,
        };
      });
  const unavailable = { error: 'CONFIG_INVALID' };
  return {
    kind: 'kaigo-desk-diagnostics',
    version: 1,
    generatedAt: now.toISOString(),
    app: { version: src.version, ...src.platform },
    mode: src.runtime.mode,
    configuration: {
      valid: !misconfigured,
      files: src.runtime.configFiles.map((f) => homeless(f, src.homeDir)),
      problems: src.runtime.problems.map((p) => ({ file: homeless(p.file, src.homeDir), field: p.field })),
    },
    readers,
    connection,
    databases: {
      cache: misconfigured ? unavailable : await guard(() => databaseHealth(src.cache())),
      records: misconfigured ? unavailable : await guard(() => databaseHealth(src.records())),
    },
    audit: misconfigured
      ? unavailable
      : await guard(() => {
          const r = src.audit().verify();
          return r.kind === 'ok'
            ? { result: 'ok', count: r.count, unsealed: r.unsealed }
            : { result: r.kind, ...('seq' in r ? { seq: r.seq } : {}) };
        }),
    cardCheckTimings: misconfigured ? unavailable : await guard(() => checkTimings(src.records).weekStats(now)),
    lastErrors: misconfigured ? unavailable : await guard(() => lastErrors(src.records(), src.audit(), now)),
  };
}
