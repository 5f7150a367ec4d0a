import type { Migration } from '../../migration';
import { records001 } from './001-outbox-paper-notes-audit';

/** The records database's migrations, in order (one file each). */
export const RECORDS_MIGRATIONS: readonly Migration[] = [records001];
