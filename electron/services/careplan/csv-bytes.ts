import type { CsvRecord, CsvSyntaxProblem, LineEndCounts } from './csv-tokenizer';
import { MS932_BYTE, ms932CleanScan } from './ms932';

// Whole-file fast path of the CSV reader (DESIGN.md §7: ≥ 30 MB/s): tokenizes MS932 bytes directly, without
// decoding the file first. It gives exactly the records of Ms932Decoder + CsvTokenizer, but only for the common
// case: every byte valid, non-外字, non-control MS932 and the quoting well formed. On anything else it gives up
// (returns undefined) and the caller reads the file again on the exact path, which reports the findings.
//
// Why bytes work: the four CSV specials (" , CR LF) are below 0x40, the smallest MS932 trail byte, so a special
// byte is never half of a character, and a field's bytes decode on their own to the same text.

/** Shared by every record (the fast path gives up on any syntax problem); never mutated. */
const NO_PROBLEMS: CsvSyntaxProblem[] = [];

// Byte kinds for the scan: the MS932 classes, with the specials and non-ASCII single bytes split out.
const TEXT = 0;
const LEAD = 1;
const PROBLEM = 2;
const QUOTE = 3;
const COMMA = 4;
const CR = 5;
const LF = 6;
/** A valid single byte that is not ASCII (half-width katakana): the value needs the MS932 decoder. */
const HIGH = 7;

/** Intern table per column (as CsvTokenizer.text): 2^INTERN_BITS slots for each of the first INTERN_COLUMNS. */
const INTERN_BITS = 6;
const INTERN_SLOTS = 1 << INTERN_BITS;
const INTERN_COLUMNS = 128;
/** Knuth's multiplicative hashing constant (2^32 / golden ratio). */
const HASH = 0x9e3779b1 | 0;

let kinds: { kind: Uint8Array; pairOk: Uint8Array } | undefined | null;

function byteKinds(): { kind: Uint8Array; pairOk: Uint8Array } | undefined {
  if (kinds === undefined) {
    const scan = ms932CleanScan();
    if (!scan) kinds = null;
    else {
      const kind = new Uint8Array(256);
      for (let b = 0; b < 256; b++) {
        const c = scan.byteClass[b];
        kind[b] = c === MS932_BYTE.lead ? LEAD : c === MS932_BYTE.problem ? PROBLEM : b >= 0x80 ? HIGH : TEXT;
      }
      kind[0x22] = QUOTE;
      kind[0x2c] = COMMA;
      kind[0x0d] = CR;
      kind[0x0a] = LF;
      kinds = { kind, pairOk: scan.pairOk };
    }
  }
  return kinds ?? undefined;
}

/**
 * Tokenizes a whole file held in memory, calling onRecord for each record exactly as CsvTokenizer would on the
 * decoded text. Returns the line-end counts, or undefined when the bytes need the exact path (records may have
 * been delivered by then: the caller must discard what it built).
 */
export function tokenizeCleanMs932(
  bytes: Uint8Array,
  onRecord: (record: CsvRecord) => void,
): LineEndCounts | undefined {
  const tables = byteKinds();
  if (!tables) return undefined;
  const tokenizer = new CleanTokenizer(bytes, tables.kind, tables.pairOk);
  return tokenizer.run(onRecord) ? tokenizer.lineEnds : undefined;
}

/**
 * Small methods called per record and per field (not one big loop): V8 optimizes them early and keeps them
 * optimized from one file to the next, where a single long loop would wait for on-stack replacement.
 */
class CleanTokenizer {
  readonly lineEnds: LineEndCounts = { crlf: 0, lf: 0, cr: 0, missingFinal: 0 };
  private readonly n: number;
  private readonly raw: Buffer;
  private readonly view: DataView;
  private readonly decoder = new TextDecoder('shift_jis');
  /** Lead bytes before the scan position: the decoded text offset of byte i is i - leads. */
  private leads = 0;
  /** Set by the scans for the field just scanned: its lead bytes, a non-ASCII byte, a doubled quote. */
  private spanLeads = 0;
  private high = false;
  private escaped = false;
  /** Set by the scans: the intern slot whose value the field turned out to be (-1: decode it). */
  private hit = -1;
  /** Where the next record starts, set by readRecord. */
  private next = 0;
  // Recently seen values: slot → raw span (start, length, lead bytes) in `bytes` and its text. A field whose bytes
  // equal a recent one of its column reuses that string: no decoding and no copy (care-plan columns repeat a few
  // values). Two slots per hash (the most recent first), so two alternating values that collide still both hit.
  private readonly slotStart = new Int32Array(INTERN_COLUMNS * INTERN_SLOTS);
  private readonly slotLength = new Int32Array(INTERN_COLUMNS * INTERN_SLOTS).fill(-1);
  private readonly slotLeads = new Int32Array(INTERN_COLUMNS * INTERN_SLOTS);
  /** 1 when the span may hold quotes or delimiters (it was read in quotes): never a candidate for a bare field. */
  private readonly slotQuoted = new Uint8Array(INTERN_COLUMNS * INTERN_SLOTS);
  private readonly slotText: string[] = new Array<string>(INTERN_COLUMNS * INTERN_SLOTS).fill('');
  /**
   * The slot of each column's last bare / quoted value: the field is first matched against it in one pass (the
   * common case: the same value as the row before), and scanned byte by byte only when it differs.
   */
  private readonly lastBare = new Int32Array(INTERN_COLUMNS).fill(-1);
  private readonly lastQuoted = new Int32Array(INTERN_COLUMNS).fill(-1);

  constructor(
    private readonly bytes: Uint8Array,
    private readonly kind: Uint8Array,
    private readonly pairOk: Uint8Array,
  ) {
    this.n = bytes.length;
    this.raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  run(onRecord: (record: CsvRecord) => void): boolean {
    let number = 0;
    let count = 0;
    for (let i = 0; i < this.n; i = this.next) {
      const record = this.readRecord(i, ++number, count);
      if (record === undefined) return false;
      count = record.fields.length;
      onRecord(record);
    }
    return true;
  }

  /** The record starting at byte i (its fields array pre-sized to `count`), or undefined to give up. */
  private readRecord(i: number, number: number, count: number): CsvRecord | undefined {
    const { bytes, kind, n } = this;
    const startChar = i - this.leads;
    const fields = new Array<string>(count);
    let column = 0;
    let quotedMask = 0;
    let quotedHigh: number[] | undefined;
    for (;;) {
      let value: string;
      let j: number;
      if (i < n && bytes[i] === 0x22) {
        j = this.scanQuoted(column, i + 1);
        if (j < 0) return undefined;
        value = this.text(column, i + 1, j, true);
        if (column < 31) quotedMask |= 1 << column;
        else (quotedHigh ??= []).push(column);
        j++; // past the closing quote
      } else {
        j = this.scanBare(column, i);
        if (j < 0) return undefined;
        value = this.text(column, i, j, false);
      }
      if (column < fields.length) fields[column] = value;
      else fields.push(value);
      column++;
      if (j >= n) {
        // The input ends inside the record: this was its last field (also an empty one after a final comma).
        this.lineEnds.missingFinal = 1;
        this.next = n;
        if (column < fields.length) fields.length = column;
        return { number, fields, quotedMask, quotedHigh, startChar, endChar: n - this.leads, problems: NO_PROBLEMS };
      }
      const k = kind[bytes[j] as number];
      // A comma at the very end is followed by one more, empty field (read with i === n).
      if (k === COMMA) i = j + 1;
      else if (k === CR || k === LF) {
        if (column < fields.length) fields.length = column;
        const endChar = j - this.leads;
        if (k === LF) {
          this.lineEnds.lf++;
          this.next = j + 1;
        } else if (j + 1 < n && bytes[j + 1] === 0x0a) {
          this.lineEnds.crlf++;
          this.next = j + 2;
        } else {
          this.lineEnds.cr++;
          this.next = j + 1;
        }
        return { number, fields, quotedMask, quotedHigh, startChar, endChar, problems: NO_PROBLEMS };
      } else return undefined; // text after a closing quote
    }
  }

  /** End of the bare field starting at `from` (its delimiter or the input end), or -1 to give up. */
  private scanBare(column: number, from: number): number {
    const { bytes, kind, n } = this;
    if (column < INTERN_COLUMNS) {
      // The column's last bare value followed by a delimiter: the same field (its bytes were checked then).
      const slot = this.lastBare[column] as number;
      if (slot >= 0 && this.slotQuoted[slot] === 0 && (this.slotLength[slot] as number) > 0) {
        const end = from + (this.slotLength[slot] as number);
        const k = end < n ? kind[bytes[end] as number] : COMMA;
        if ((k === COMMA || k === CR || k === LF) && end <= n && this.sameAs(slot, from)) return this.take(slot, end);
      }
    }
    let high = false;
    let leads = 0;
    let j = from;
    while (j < n) {
      const k = kind[bytes[j] as number];
      if (k === TEXT) j++;
      else if (k === COMMA || k === CR || k === LF) break;
      else if (k === LEAD) {
        if (!this.pairAt(j)) return -1;
        high = true;
        leads++;
        j += 2;
      } else if (k === HIGH) {
        high = true;
        j++;
      } else return -1; // a stray quote or a problem byte
    }
    return this.scanned(j, leads, high, false);
  }

  /** Offset of the closing quote of the quoted field whose text starts at `from`, or -1 to give up. */
  private scanQuoted(column: number, from: number): number {
    const { bytes, kind, n } = this;
    if (column < INTERN_COLUMNS) {
      // The column's last quoted value followed by a closing quote (not a doubled one): the same field.
      const slot = this.lastQuoted[column] as number;
      if (slot >= 0 && (this.slotLength[slot] as number) > 0) {
        const end = from + (this.slotLength[slot] as number);
        if (end < n && bytes[end] === 0x22 && (end + 1 >= n || bytes[end + 1] !== 0x22) && this.sameAs(slot, from))
          return this.take(slot, end);
      }
    }
    let high = false;
    let escaped = false;
    let leads = 0;
    let j = from;
    for (;;) {
      if (j >= n) return -1; // unterminated quote
      const k = kind[bytes[j] as number];
      if (k === TEXT || k === COMMA || k === CR || k === LF) j++;
      else if (k === QUOTE) {
        if (j + 1 >= n || bytes[j + 1] !== 0x22) break;
        escaped = true;
        j += 2;
      } else if (k === LEAD) {
        if (!this.pairAt(j)) return -1;
        high = true;
        leads++;
        j += 2;
      } else if (k === HIGH) {
        high = true;
        j++;
      } else return -1;
    }
    return this.scanned(j, leads, high, escaped);
  }

  /** A field found equal to the span of `slot`, ending at `end`. */
  private take(slot: number, end: number): number {
    this.hit = slot;
    this.leads += this.slotLeads[slot] as number;
    return end;
  }

  /** A field scanned byte by byte, ending at `end`. */
  private scanned(end: number, leads: number, high: boolean, escaped: boolean): number {
    this.hit = -1;
    this.leads += leads;
    this.spanLeads = leads;
    this.high = high;
    this.escaped = escaped;
    return end;
  }

  /** Whether the lead byte at j has a valid, non-外字 trail byte. */
  private pairAt(j: number): boolean {
    return j + 1 < this.n && this.pairOk[((this.bytes[j] as number) << 8) | (this.bytes[j + 1] as number)] === 1;
  }

  /** The text of field `column`, bytes [from, to) as just scanned (read in quotes when `quoted`). */
  private text(column: number, from: number, to: number, quoted: boolean): string {
    if (this.hit >= 0) return this.slotText[this.hit] as string;
    const length = to - from;
    if (length === 0) return '';
    if (column >= INTERN_COLUMNS) return this.decode(from, to);
    const bytes = this.bytes;
    // Hash of the length and the first and last two bytes (where numbers and dates of one column differ).
    const mixed = Math.imul(
      (bytes[to - 1] as number) ^
        ((bytes[length > 1 ? to - 2 : from] as number) << 8) ^
        ((bytes[from] as number) << 16) ^
        (length << 24),
      HASH,
    );
    let slot = column * INTERN_SLOTS + ((mixed >>> (32 - INTERN_BITS)) & ~1);
    let value: string;
    if (this.slotLength[slot] === length && this.sameAs(slot, from)) value = this.slotText[slot] as string;
    else if (this.slotLength[slot + 1] === length && this.sameAs(slot + 1, from)) {
      slot++;
      value = this.slotText[slot] as string;
    } else {
      value = this.decode(from, to);
      this.slotStart[slot + 1] = this.slotStart[slot] as number;
      this.slotLength[slot + 1] = this.slotLength[slot] as number;
      this.slotLeads[slot + 1] = this.slotLeads[slot] as number;
      this.slotQuoted[slot + 1] = this.slotQuoted[slot] as number;
      this.slotText[slot + 1] = this.slotText[slot] as string;
      this.slotStart[slot] = from;
      this.slotLength[slot] = length;
      this.slotLeads[slot] = this.spanLeads;
      this.slotQuoted[slot] = quoted ? 1 : 0;
      this.slotText[slot] = value;
    }
    if (quoted) this.lastQuoted[column] = slot;
    else this.lastBare[column] = slot;
    return value;
  }

  /** Whether the bytes from `from` equal the span of `slot` (the caller checked the length fits). */
  private sameAs(slot: number, from: number): boolean {
    const start = this.slotStart[slot] as number;
    const length = this.slotLength[slot] as number;
    // Four bytes at a time (unaligned reads through a DataView), then the rest byte by byte.
    const view = this.view;
    let k = 0;
    for (; k + 4 <= length; k += 4) if (view.getUint32(start + k) !== view.getUint32(from + k)) return false;
    const bytes = this.bytes;
    for (; k < length; k++) if (bytes[start + k] !== bytes[from + k]) return false;
    return true;
  }

  private decode(from: number, to: number): string {
    const value = this.high
      ? this.decoder.decode(this.bytes.subarray(from, to))
      : this.raw.toString('latin1', from, to);
    return this.escaped ? value.replaceAll('""', '"') : value;
  }
}
