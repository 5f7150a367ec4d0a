import type { SqliteDb } from '../../../native/sqlite';
import { isKanaQuery, normaliseKana, prefixUpperBound } from '../text';
import { servedBySql } from './served';
import { PERSON_COLUMNS as COLUMNS, toPersonRow, type PersonDbRow as Row, type PersonRow } from './persons';

// Search over cached persons (issue 7): an insured number matches exactly; kana (hiragana or katakana, full or half
// width, spaces ignored) matches as a prefix of the reading through a B-tree range; anything else is a fragment of
// the kanji name. Results come in reading order, paged. `scope` limits the result to the persons this office may
// see (the same rule offline as online).

export type SearchMode = 'insured-number' | 'kana-prefix' | 'name-fragment' | 'empty';

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Person keys the current office may view; undefined = no restriction (tests, training admin). */
  scope?: ReadonlySet<string>;
  /**
   * The office (事業所番号) whose viewing scope applies (cache migration 2, served.ts): only persons it serves are
   * found, online and offline alike. Applied as a subquery, so it stays cheap at 100,000 persons.
   */
  servedBy?: string;
}

export interface SearchResult {
  mode: SearchMode;
  rows: PersonRow[];
  /** Whether another page follows. */
  hasMore: boolean;
}

const INSURED_NUMBER = /^(\d{10}|H\d{9})$/;

export function searchMode(query: string): SearchMode {
  const q = query.normalize('NFKC').replace(/\s+/g, '');
  if (q === '') return 'empty';
  if (INSURED_NUMBER.test(q)) return 'insured-number';
  return isKanaQuery(query) ? 'kana-prefix' : 'name-fragment';
}

export function searchPersons(db: SqliteDb, query: string, options: SearchOptions = {}): SearchResult {
  const limit = Math.max(1, Math.min(options.limit ?? 50, 500));
  const offset = Math.max(0, options.offset ?? 0);
  const mode = searchMode(query);
  const compact = query.normalize('NFKC').replace(/\s+/g, '');
  // The scope is applied in SQL (json_each over the allowed keys, or the office's served rows), so paging stays exact.
  let scopeSql = options.scope ? ' AND person_key IN (SELECT value FROM json_each(?))' : '';
  const scopeParams: string[] = options.scope ? [JSON.stringify([...options.scope])] : [];
  if (options.servedBy !== undefined) {
    scopeSql += ` AND ${servedBySql('persons.person_key')}`;
    scopeParams.push(options.servedBy);
  }
  const page = [limit + 1, offset]; // one row more than the page tells whether another page follows
  let rows: Row[];
  switch (mode) {
    case 'empty':
      return { mode, rows: [], hasMore: false };
    case 'insured-number':
      rows = db.all<Row>(
        `SELECT ${COLUMNS} FROM persons WHERE insured_number = ?${scopeSql} ORDER BY person_key LIMIT ? OFFSET ?`,
        compact,
        ...scopeParams,
        ...page,
      );
      break;
    case 'kana-prefix': {
      const prefix = normaliseKana(query);
      rows = db.all<Row>(
        `SELECT ${COLUMNS} FROM persons WHERE kana_key >= ? AND kana_key < ?${scopeSql}
         ORDER BY kana_key, person_key LIMIT ? OFFSET ?`,
        prefix,
        prefixUpperBound(prefix),
        ...scopeParams,
        ...page,
      );
      break;
    }
    case 'name-fragment':
      // instr() rather than LIKE: the user's text is never a pattern.
      rows = db.all<Row>(
        `SELECT ${COLUMNS} FROM persons WHERE instr(replace(replace(name, ' ', ''), char(12288), ''), ?) > 0${scopeSql}
         ORDER BY kana_key, person_key LIMIT ? OFFSET ?`,
        compact,
        ...scopeParams,
        ...page,
      );
      break;
  }
  const persons = rows.map(toPersonRow);
  return { mode, rows: persons.slice(0, limit), hasMore: persons.length > limit };
}
