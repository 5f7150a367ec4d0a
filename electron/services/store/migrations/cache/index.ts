import type { Migration } from '../../migration';
import { cache001 } from './001-snapshots-and-persons';
import { cache002 } from './002-served-persons';
import { cache003 } from './003-served-at-counter';

/** The cache database's migrations, in order (one file each). */
export const CACHE_MIGRATIONS: readonly Migration[] = [cache001, cache002, cache003];
