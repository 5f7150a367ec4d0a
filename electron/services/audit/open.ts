import type { SqliteDb } from '../../../native/sqlite';
import type { Logger } from '../log';
import type { Vault } from '../vault';
import { sealedHeadStore } from './head';
import { createAuditLog, type AuditLog } from './log';
import { sqlAuditStore } from './sql-store';

export interface OpenAuditLogOptions {
  /** The records database (services/store `store.records()`), migrated to include `audit_log`. */
  records: SqliteDb;
  vault: Pick<Vault, 'subkey' | 'seal' | 'open'>;
  clock?: () => Date;
  log?: Logger;
}

/** The app's audit log: rows in the records database, key and sealed head from the vault. */
export function openAuditLog(options: OpenAuditLogOptions): AuditLog {
  return createAuditLog({
    store: sqlAuditStore(options.records),
    head: sealedHeadStore(options.vault),
    auditKey: options.vault.subkey('audit-mac'),
    clock: options.clock,
    log: options.log,
  });
}
