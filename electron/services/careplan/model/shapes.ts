// Nested parts of the model that the v4.1 files spread over flat columns: repeated frames (UPHOSOKU 種類別支給限度
// No.20–55, UPKIHON 緊急連絡先 No.46–61, UPYOBO 領域 No.24–39) and named groups (UPYOBO 基本チェックリスト No.43–54).
// A column map names such a column `<property>.<n>.<field>` (frame n, 1-based) or `<property>.<name>`; rows.ts
// reads and writes flat records, and the shape of the kind nests them into the model and flattens them back.

export type Flat = Record<string, unknown>;

export interface FrameSpec {
  /** Model property holding the frames as an array. */
  property: string;
  /** The item's Japanese name, for messages. */
  label: string;
  count: number;
  /** Frame fields in column order. */
  fields: readonly string[];
  /**
   * Which frames the model keeps: 'filled' = only non-empty ones (frames are filled from the first, e.g. UPHOSOKU
   * "1枠から順"), 'leading' = up to the last non-empty one (keeps positions), 'all' = every frame (fixed meaning).
   */
  keep: 'filled' | 'leading' | 'all';
}

export interface GroupSpec {
  /** Model property holding the group as an object. */
  property: string;
  /** Member names in column order. */
  names: readonly string[];
}

export interface Shape {
  frames?: readonly FrameSpec[];
  groups?: readonly GroupSpec[];
}

/** The flat column keys of frames, frame by frame. */
export function frameKeys(spec: FrameSpec): string[] {
  const keys: string[] = [];
  for (let n = 1; n <= spec.count; n++) for (const f of spec.fields) keys.push(`${spec.property}.${n}.${f}`);
  return keys;
}

export function groupKeys(spec: GroupSpec): string[] {
  return spec.names.map((name) => `${spec.property}.${name}`);
}

/** A column's value as read ('' or null when empty: int columns hold null). */
const valueOf = (flat: Flat, key: string) => (flat[key] === undefined ? '' : flat[key]);
const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;
const nestedProperties = (shape: Shape) => [
  ...(shape.frames ?? []).map((f) => f.property),
  ...(shape.groups ?? []).map((g) => g.property),
];

/** A flat record (one row) → the record with frames and groups nested. */
export function nest(shape: Shape, flat: Flat): Flat {
  const nested = new Set(nestedProperties(shape));
  const out: Flat = {};
  for (const [k, v] of Object.entries(flat)) if (!nested.has(k.split('.')[0]!)) out[k] = v;
  for (const spec of shape.frames ?? []) {
    const frames: Flat[] = [];
    for (let n = 1; n <= spec.count; n++) {
      const frame: Flat = {};
      for (const f of spec.fields) frame[f] = valueOf(flat, `${spec.property}.${n}.${f}`);
      frames.push(frame);
    }
    const filled = (f: Flat) => Object.values(f).some((v) => !isEmpty(v));
    if (spec.keep === 'filled') out[spec.property] = frames.filter(filled);
    else if (spec.keep === 'leading') {
      let last = frames.length;
      while (last > 0 && !filled(frames[last - 1]!)) last--;
      out[spec.property] = frames.slice(0, last);
    } else out[spec.property] = frames;
  }
  for (const spec of shape.groups ?? []) {
    const group: Flat = {};
    for (const name of spec.names) group[name] = valueOf(flat, `${spec.property}.${name}`);
    out[spec.property] = group;
  }
  return out;
}

/** Frames of a model record beyond what the columns hold (flatten would drop them): checked before writing. */
export function overflowingFrames(shape: Shape, record: Flat): { spec: FrameSpec; length: number }[] {
  return (shape.frames ?? []).flatMap((spec) => {
    const value = record[spec.property];
    return Array.isArray(value) && value.length > spec.count ? [{ spec, length: value.length }] : [];
  });
}

/** A model record → flat columns; missing frames or members become empty columns, frames beyond count are cut. */
export function flatten(shape: Shape, record: Flat): Flat {
  const nested = new Set(nestedProperties(shape));
  const out: Flat = {};
  for (const [k, v] of Object.entries(record)) if (!nested.has(k)) out[k] = v;
  for (const spec of shape.frames ?? []) {
    const value = record[spec.property];
    const frames = Array.isArray(value) ? (value as unknown[]) : [];
    frames.slice(0, spec.count).forEach((frame, i) => {
      const f = (frame ?? {}) as Flat;
      for (const field of spec.fields) out[`${spec.property}.${i + 1}.${field}`] = f[field];
    });
  }
  for (const spec of shape.groups ?? []) {
    const group = (record[spec.property] ?? {}) as Flat;
    for (const name of spec.names) out[`${spec.property}.${name}`] = group[name];
  }
  return out;
}
