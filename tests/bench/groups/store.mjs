// Store group: the encrypted databases at 100,000 rows (DESIGN.md §7: sync ≥ 20,000 snapshots/s; lookups p95 ≤ 5 ms).
// Raw SQL figures on our schema, indexes and cipher settings; the cache repository's own figures are in cache.mjs.
import { loadTs } from '../load-ts.mjs';

export async function run({ root, log }) {
  const { benchStore } = loadTs(root, 'tests/integration/store-support/bench-entry.ts');
  return benchStore(log);
}
