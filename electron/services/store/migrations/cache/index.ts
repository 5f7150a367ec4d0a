import type { Migration } from '../../migration';
import { cache001 } from './001-snapshots-and-persons';

/** The cache database's migrations, in order (one file each). */
export const CACHE_MIGRATIONS: readonly Migration[] = [cache001];
