import { CSV_VERSION } from '../field-rules';
import { COLUMN_MAPS, type ColumnMap, type ModelledKind } from './columns';
import { flatten, nest } from './shapes';
import type { ModelByKind } from './types';

// Mapping between v4.1 rows (one string per column, as read by the validator) and the typed model, both ways.
// Rows sharing a relation key (DOMAIN.md §4.6: person + 対象年月, or person + 計画作成（変更）日; for the 介護予防
// 別表, person + 相談日 or 計画作成(変更)日) become one group; groups keep the order in which their first row
// appeared, rows keep file order within a group. Column frames and groups are nested per shapes.ts. The model is
// built only from files the validator passed without errors, so int columns hold integers here.

type Value = string | number | null;
type Rec = Record<string, Value>;

const ITEMS_KEY: Partial<Record<ModelledKind, string>> = { UPPLAN: 'items', UPJSK: 'items' };
const itemsKey = (kind: ModelledKind) => ITEMS_KEY[kind] ?? 'rows';

function parseInt(value: string): number | null {
  if (value === '') return null;
  return /^-?\d+$/.test(value) ? Number(value) : null;
}

function rowToRecord(map: ColumnMap, fields: readonly string[]): Rec {
  const rec: Rec = {};
  map.keys.forEach((key, i) => {
    if (key === '') return;
    const value = fields[i] ?? '';
    rec[key] = map.ints.has(key) ? parseInt(value) : value;
  });
  return rec;
}

function recordToRow(map: ColumnMap, rec: Rec): string[] {
  return map.keys.map((key, i) => {
    if (i === 0) return CSV_VERSION;
    if (key === '') return '';
    const value = rec[key];
    return value === null || value === undefined ? '' : String(value);
  });
}

/** Rows (data rows of one file, in file order) → the model of that kind. */
export function rowsToModel<K extends ModelledKind>(kind: K, rows: readonly (readonly string[])[]): ModelByKind[K] {
  const map = COLUMN_MAPS[kind];
  const records = rows.map((fields) => {
    const rec = rowToRecord(map, fields);
    return map.shape ? (nest(map.shape, rec) as Rec) : rec;
  });
  if (map.group.length === 0) return records as unknown as ModelByKind[K];
  const groups = new Map<string, Record<string, unknown>>();
  const list = itemsKey(kind);
  for (const rec of records) {
    const key = map.group.map((g) => rec[g]).join('\u0000');
    let group = groups.get(key);
    if (!group) {
      group = {};
      for (const g of [...map.group, ...map.head]) group[g] = rec[g] ?? '';
      group[list] = [];
      groups.set(key, group);
    }
    const item: Record<string, unknown> = {};
    const overrides: Rec = {};
    for (const [k, v] of Object.entries(rec)) {
      if (map.group.includes(k)) continue;
      if (map.head.includes(k)) {
        if (v !== group[k]) overrides[k] = v;
        continue;
      }
      item[k] = v;
    }
    if (Object.keys(overrides).length > 0) item['overrides'] = overrides;
    (group[list] as unknown[]).push(item);
  }
  return [...groups.values()] as unknown as ModelByKind[K];
}

/** The model of a kind → rows in column order (CSVバージョン written as CSV_VERSION, 識別子 empty). */
export function modelToRows<K extends ModelledKind>(kind: K, content: ModelByKind[K]): string[][] {
  const map = COLUMN_MAPS[kind];
  const entries = content as unknown as Record<string, unknown>[];
  if (map.group.length === 0)
    return entries.map((e) => recordToRow(map, map.shape ? (flatten(map.shape, e) as Rec) : (e as Rec)));
  const list = itemsKey(kind);
  const rows: string[][] = [];
  for (const group of entries) {
    const shared: Rec = {};
    for (const g of [...map.group, ...map.head]) shared[g] = group[g] as Value;
    for (const item of (group[list] as Record<string, unknown>[]) ?? []) {
      const { overrides, ...own } = item as { overrides?: Rec } & Rec;
      rows.push(recordToRow(map, { ...shared, ...(overrides ?? {}), ...own }));
    }
  }
  return rows;
}
