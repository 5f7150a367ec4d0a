import zlib from 'node:zlib';
import { GENESIS_MAC, rowMac, sealedHeadStore, sqlAuditStore, type AuditLog, type VerifyResult } from '../audit';
import { KaigoError } from '../errors';
import type { Store } from '../store';
import type { Vault } from '../vault';
import { openWithPassphrase, sealWithPassphrase, type ScryptParams } from './sealed-file';
import { readTables, SNAPSHOT_FORMAT, SnapshotSchema, writeTables, type RecordsSnapshot } from './snapshot';

// Moving an office to a new PC (issue 9): the records database (outbox, audit log, paper 証, notes …) leaves the old
// PC sealed with a passphrase and enters the new one after provisioning. The cache is not moved: it is a copy the
// service gives back (DESIGN.md §4 "Two kinds of stored data").
//
// The audit chain is keyed by a vault subkey, which is different on the new PC. So the old PC verifies its chain
// against its sealed head before exporting (a broken chain is not moved silently), and the new PC appends the
// imported rows after its own (provisioning already audited the certificate import), re-chaining them under its key
// with their original times, staff, actions and subject hashes, in one transaction; then it seals the new head and
// records one row saying how many rows were imported. A crash before the head is sealed leaves rows past the head with
// valid MACs, which verify like any append interrupted at that point. Subject hashes made on the old PC stay as they
// were (they cannot be re-keyed without the person's data): searching the new PC by person finds only new rows.

export interface TransferDeps {
  store: Pick<Store, 'records' | 'transaction'>;
  vault: Pick<Vault, 'subkey' | 'seal' | 'open'>;
  audit: AuditLog;
  clock: () => Date;
  appVersion: string;
  /** Tests use cheaper scrypt parameters; the app uses the default. */
  scrypt?: ScryptParams;
}

export interface TransferSummary {
  tables: Record<string, number>;
  auditRows: number;
}

const STAFF = 'installer';

export function exportRecords(deps: TransferDeps, passphrase: Buffer): { file: Buffer; summary: TransferSummary } {
  const before = deps.audit.verify();
  if (before.kind !== 'ok') throw new KaigoError('AUDIT_CHAIN_BROKEN', before.kind);
  // Recorded first, so the moved history includes its own export.
  deps.audit.record({ staffId: STAFF, action: 'export', detail: { format: 'RECORDS_MOVE' } });
  const snapshot = deps.store.transaction('records', (db): RecordsSnapshot => {
    const audit = [...sqlAuditStore(db).rows()].map((r) => ({
      time: r.time,
      staffId: r.staffId,
      action: r.action,
      subject: r.subject,
      detail: r.detail,
    }));
    return {
      format: SNAPSHOT_FORMAT,
      version: 1,
      exportedAt: deps.clock().toISOString(),
      appVersion: deps.appVersion,
      schemaVersion: db.userVersion(),
      tables: readTables(db),
      audit,
    };
  });
  const plain = zlib.gzipSync(Buffer.from(JSON.stringify(snapshot), 'utf8'));
  return { file: sealWithPassphrase(plain, passphrase, deps.scrypt), summary: summarise(snapshot) };
}

function summarise(snapshot: RecordsSnapshot): TransferSummary {
  const tables = Object.fromEntries(Object.entries(snapshot.tables).map(([name, t]) => [name, t.rows.length]));
  return { tables, auditRows: snapshot.audit.length };
}

function parseSnapshot(plain: Buffer): RecordsSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(zlib.gunzipSync(plain, { maxOutputLength: 512 * 1024 ** 2 }).toString('utf8'));
  } catch {
    throw new KaigoError('RECORDS_FILE_FORMAT', 'payload');
  }
  const parsed = SnapshotSchema.safeParse(value);
  if (!parsed.success) throw new KaigoError('RECORDS_FILE_FORMAT', 'snapshot-schema');
  return parsed.data;
}

export function importRecords(
  deps: TransferDeps,
  file: Buffer,
  passphrase: Buffer,
): { summary: TransferSummary; verify: VerifyResult } {
  const snapshot = parseSnapshot(openWithPassphrase(file, passphrase));
  // This PC's own chain must be intact before anything is appended to it.
  const before = deps.audit.verify();
  if (before.kind !== 'ok') throw new KaigoError('AUDIT_CHAIN_BROKEN', before.kind);
  const auditKey = deps.vault.subkey('audit-mac');
  try {
    const head = deps.store.transaction('records', (db) => {
      if (db.userVersion() !== snapshot.schemaVersion) throw new KaigoError('RECORDS_VERSION_MISMATCH', 'schema');
      writeTables(db, snapshot.tables);
      const rows = sqlAuditStore(db);
      const last = rows.last();
      let seq = Math.max(last?.seq ?? 0, rows.highWater() ?? 0);
      let prev = last?.mac ?? GENESIS_MAC;
      for (const r of snapshot.audit) {
        const body = {
          seq: ++seq,
          time: r.time,
          staffId: r.staffId,
          action: r.action,
          subject: r.subject,
          detail: r.detail,
        };
        const mac = rowMac(auditKey, prev, body);
        rows.insert({ ...body, mac });
        prev = mac;
      }
      return { seq, mac: prev };
    });
    if (snapshot.audit.length > 0) sealedHeadStore(deps.vault).write(head);
  } finally {
    auditKey.fill(0);
  }
  const summary = summarise(snapshot);
  deps.audit.record({
    staffId: STAFF,
    action: 'config-change',
    detail: { change: 'RECORDS_IMPORT', auditRows: Math.min(summary.auditRows, 999_999) },
  });
  return { summary, verify: deps.audit.verify() };
}
