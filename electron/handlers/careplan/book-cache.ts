import { CarePlanBook, fileToModel, isModelledKind, parseCarePlanFile, type ModelFile } from '../../services/careplan';
import type { Ledger, LedgerEntry } from '../../services/ledger';

// The plans held, built once and kept: the care-plan book is the ledger's sent and imported files applied in
// ascending ファイル連番 (DOMAIN.md §4.4), and rebuilding it from every stored file on each view (and on each outage
// list, which reads today's 第6表 予定) re-parses the whole ledger. One built book per scope (the opened records
// database and the active office); any other scope, or invalidate() (app close), drops it.
// Each read first asks the ledger how many entries it holds and the newest id (one small query). Entries recorded
// since are read and applied on top when none is older than the newest 連番 already applied; an older one (a file
// that arrived late) can change what a later deletion removed (6表削除 after a re-sent 第6表), so the book is rebuilt.

export interface BookScope {
  /** The opened records database: a reopened store is a new object. */
  db: object;
  office: string | null;
}

export interface BookCacheOptions {
  ledger: () => Ledger;
  scope: () => BookScope;
  clock: () => Date;
}

export interface BookCacheStats {
  /** Full builds from every ledger file. */
  builds: number;
  /** Reads that applied newly recorded files on top of the held book. */
  updates: number;
  /** Ledger files read and parsed, in total. */
  filesRead: number;
}

export interface BookCache {
  /** The plans held, with the model files they were built from (ascending ledger id). */
  book(): { book: CarePlanBook; files: readonly ModelFile[] };
  invalidate(): void;
  stats(): BookCacheStats;
}

interface Built {
  scope: BookScope;
  book: CarePlanBook;
  files: ModelFile[];
  /** Ledger entries seen (all states) and the newest id seen. */
  count: number;
  lastId: number;
  /** Newest ファイル連番 applied ('' before any). */
  lastSequence: string;
}

/** Ledger entries that hold plan data: sent or imported files of a modelled kind (not 紙で送付, not 取込エラー). */
const holdsPlan = (e: LedgerEntry) => e.state !== 'paper' && e.state !== 'import-error' && isModelledKind(e.kind);

export function createBookCache(options: BookCacheOptions): BookCache {
  const stats: BookCacheStats = { builds: 0, updates: 0, filesRead: 0 };
  let built: Built | null = null;

  const read = (entries: readonly LedgerEntry[]): ModelFile[] => {
    const out: ModelFile[] = [];
    for (const e of entries.filter(holdsPlan)) {
      stats.filesRead++;
      const body = options.ledger().body(e.id);
      const m = fileToModel(parseCarePlanFile(e.fileName, body, { now: options.clock() }));
      if (m.ok) out.push(m.value);
    }
    return out;
  };
  const newest = (files: readonly ModelFile[], from: string) =>
    files.reduce((max, f) => (f.sequence > max ? f.sequence : max), from);

  const build = (scope: BookScope): Built => {
    stats.builds++;
    const entries = options.ledger().since(0);
    const files = read(entries);
    const book = new CarePlanBook();
    book.applyAll(files);
    const lastId = entries.at(-1)?.id ?? 0;
    return { scope, book, files, count: entries.length, lastId, lastSequence: newest(files, '') };
  };

  /** Applies what was recorded since `held` was built; null when only a rebuild is right. */
  const update = (held: Built): Built | null => {
    const head = options.ledger().head();
    if (head.count === held.count && head.lastId === held.lastId) return held;
    const added = options.ledger().since(held.lastId);
    // Entries removed or renumbered underneath: nothing to patch from.
    if (held.count + added.length !== head.count) return null;
    const files = read(added);
    if (files.some((f) => f.sequence < held.lastSequence)) return null;
    stats.updates++;
    held.book.applyAll(files);
    held.files.push(...files);
    held.count = head.count;
    held.lastId = added.at(-1)?.id ?? held.lastId;
    held.lastSequence = newest(files, held.lastSequence);
    return held;
  };

  return {
    book() {
      const scope = options.scope();
      const sameScope = built !== null && built.scope.db === scope.db && built.scope.office === scope.office;
      const held = sameScope ? update(built!) : null;
      built = held ?? build(scope);
      return { book: built.book, files: built.files };
    },
    invalidate() {
      built = null;
    },
    stats: () => ({ ...stats }),
  };
}
