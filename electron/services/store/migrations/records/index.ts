import type { Migration } from '../../migration';
import { records001 } from './001-outbox-paper-notes-audit';
import { records002 } from './002-check-timings';
import { records003 } from './003-careplan-exchange';
import { records004 } from './004-reception';
import { records005 } from './005-ledger-awaiting-upload';

/** The records database's migrations, in order (one file each). */
export const RECORDS_MIGRATIONS: readonly Migration[] = [records001, records002, records003, records004, records005];
