// A small hand-written CSV tokenizer for the care-plan files (DOMAIN.md §4.5): comma-separated, fields optionally in
// double quotes with "" for an inner quote, CR/LF and commas kept inside quotes, CRLF line ends. It is a push state
// machine (write chunks, then end()), so a file can be fed in pieces; a field may span chunks.
//
// Tolerance: LF-only or CR-only line ends, a missing final line end, quotes on any field. Malformed quoting is
// reported as a syntax problem on the record instead of throwing.

export type CsvSyntaxProblem =
  /** A `"` inside an unquoted field (kept literally). */
  | 'stray-quote'
  /** Text after a closing quote before the next delimiter (kept literally). */
  | 'text-after-quote'
  /** The file ended inside a quoted field (a truncated file). */
  | 'unterminated-quote';

export interface CsvRecord {
  /** 1-based record number (a record may span several physical lines inside quotes). */
  number: number;
  fields: string[];
  /** Bit i set: field i was written in quotes (fields 0–30; see quotedAt for any field). */
  quotedMask: number;
  /** Quoted field indexes of 31 and above (rare: only wide layouts), else undefined. */
  quotedHigh: number[] | undefined;
  /** Offset (UTF-16 code units) of the record's first character in the whole decoded text. */
  startChar: number;
  /** Offset just after the record's last character (before its line end). */
  endChar: number;
  problems: CsvSyntaxProblem[];
}

export interface LineEndCounts {
  crlf: number;
  lf: number;
  cr: number;
  /** 1 when the last record has no line end. */
  missingFinal: number;
}

/** Shared by every record without syntax problems; never mutated. */
const NO_PROBLEMS: CsvSyntaxProblem[] = [];

const QUOTE = 0x22;
/** The largest of the four special characters (" , CR LF). */
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** Intern table (CsvTokenizer.text): 2^INTERN_BITS slots per column for the first INTERN_COLUMNS columns. */
const INTERN_BITS = 6;
const INTERN_SLOTS = 1 << INTERN_BITS;
const INTERN_COLUMNS = 128;
/** Knuth's multiplicative hashing constant (2^32 / golden ratio). */
const HASH = 0x9e3779b1 | 0;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
  AfterClose,
  AfterCr,
}

export class CsvTokenizer {
  private state = State.FieldStart;
  private acc = '';
  private fields: string[] = [];
  /**
   * Recently seen values per column, in a small direct-mapped table (column * INTERN_SLOTS + hash slot). Care-plan
   * rows repeat a few values per column (the same person, office, month, service codes, dates of one month), so a
   * field equal to a recent one reuses that string instead of allocating a copy: far fewer strings for the garbage
   * collector to copy on a large file (DESIGN.md §7: ≥ 30 MB/s). Only equal text is shared, so values are unchanged.
   */
  private readonly recent: (string | undefined)[] = [];
  /** Per column: the last raw quoted text with a "" inside, and that text unescaped. */
  private readonly lastRaw: (string | undefined)[] = [];
  private readonly lastUnescaped: (string | undefined)[] = [];
  /** Fields filled in `fields`, which is pre-sized to the previous record's count (fewer reallocations). */
  private fieldCount = 0;
  private quotedMask = 0;
  private quotedHigh: number[] | undefined;
  private problems: CsvSyntaxProblem[] = NO_PROBLEMS;
  private fieldQuoted = false;
  private recordStart = 0;
  private base = 0;
  private count = 0;
  private recordOpen = false;
  readonly lineEnds: LineEndCounts = { crlf: 0, lf: 0, cr: 0, missingFinal: 0 };

  constructor(private readonly onRecord: (record: CsvRecord) => void) {}

  private pushField(value: string) {
    const i = this.fieldCount++;
    if (this.fieldQuoted) {
      if (i < 31) this.quotedMask |= 1 << i;
      else (this.quotedHigh ??= []).push(i);
      this.fieldQuoted = false;
    }
    if (i < this.fields.length) this.fields[i] = value;
    else this.fields.push(value);
  }

  /** s[from, to) as the value of the next field: a recent equal string of this column when there is one. */
  private text(s: string, from: number, to: number): string {
    const length = to - from;
    const column = this.fieldCount;
    if (length === 0 || column >= INTERN_COLUMNS) return s.slice(from, to);
    // Hash of the length and the first and last two characters (where dates and numbers of one column differ).
    const mixed = Math.imul(
      s.charCodeAt(to - 1) ^ (s.charCodeAt(to - (length > 1 ? 2 : 1)) << 16) ^ (s.charCodeAt(from) << 8) ^ length,
      HASH,
    );
    const slot = column * INTERN_SLOTS + (mixed >>> (32 - INTERN_BITS));
    const known = this.recent[slot];
    if (known !== undefined && known.length === length) {
      let k = length - 1;
      while (k >= 0 && known.charCodeAt(k) === s.charCodeAt(from + k)) k--;
      if (k < 0) return known;
    }
    const value = s.slice(from, to);
    this.recent[slot] = value;
    return value;
  }

  /** A quoted field's raw text with each "" as one quote; the column's last result is reused for the same raw text. */
  private unescaped(raw: string): string {
    const column = this.fieldCount;
    if (raw === this.lastRaw[column]) return this.lastUnescaped[column] as string;
    const value = raw.replaceAll('""', '"');
    this.lastRaw[column] = raw;
    this.lastUnescaped[column] = value;
    return value;
  }

  private endRecord(endChar: number) {
    this.count++;
    const count = this.fieldCount;
    if (count < this.fields.length) this.fields.length = count;
    const record: CsvRecord = {
      number: this.count,
      fields: this.fields,
      quotedMask: this.quotedMask,
      quotedHigh: this.quotedHigh,
      startChar: this.recordStart,
      endChar,
      problems: this.problems,
    };
    this.fields = new Array<string>(count);
    this.fieldCount = 0;
    this.quotedMask = 0;
    this.quotedHigh = undefined;
    this.problems = NO_PROBLEMS;
    this.recordOpen = false;
    this.onRecord(record);
  }

  private problem(p: CsvSyntaxProblem) {
    if (this.problems === NO_PROBLEMS) this.problems = [p];
    else if (!this.problems.includes(p)) this.problems.push(p);
  }

  write(s: string): void {
    const n = s.length;
    const base = this.base;
    let i = 0;
    let seg = 0; // start of the current field's text within this chunk
    while (i < n) {
      // Fast path for the common shapes: a field that starts and ends inside this chunk, bare or quoted without
      // inner quotes. Anything else falls through to the general state machine below.
      if (this.state === State.FieldStart && this.recordOpen) {
        const c = s.charCodeAt(i);
        if (c === QUOTE) {
          // Collect the quoted value ("" = one quote); give up (state untouched) if it is not closed in this chunk
          // or the closing quote is not followed by a delimiter.
          let value: string | null = null;
          let escaped = false; // a "" inside
          let from = i + 1;
          let q = 0;
          let d = 0;
          for (;;) {
            q = s.indexOf('"', from);
            if (q < 0 || q + 1 >= n) break;
            d = s.charCodeAt(q + 1);
            if (d === QUOTE) {
              escaped = true;
              from = q + 2;
              continue;
            }
            if (d === COMMA || d === CR || d === LF)
              value = escaped ? this.unescaped(this.text(s, i + 1, q)) : this.text(s, i + 1, q);
            break;
          }
          if (value !== null) {
            this.fieldQuoted = true;
            this.pushField(value);
            if (d !== COMMA) this.lineEnd(d, base + q + 1);
            i = q + 2;
            continue;
          }
        } else if (c !== COMMA && c !== CR && c !== LF) {
          let j = i;
          let e = 0;
          let stray = false;
          for (; j < n; j++) {
            e = s.charCodeAt(j);
            if (e > COMMA) continue; // digits, letters, kana: one comparison per character
            if (e === COMMA || e === CR || e === LF) break;
            if (e === QUOTE) stray = true;
          }
          if (j < n) {
            if (stray) this.problem('stray-quote');
            this.pushField(this.text(s, i, j));
            if (e === COMMA) i = j + 1;
            else {
              this.lineEnd(e, base + j);
              i = j + 1;
            }
            continue;
          }
        }
      }
      switch (this.state) {
        case State.AfterCr: {
          if (s.charCodeAt(i) === LF) {
            this.lineEnds.crlf++;
            i++;
          } else this.lineEnds.cr++;
          this.state = State.FieldStart;
          break;
        }
        case State.FieldStart: {
          if (!this.recordOpen) {
            this.recordOpen = true;
            this.recordStart = base + i;
          }
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            this.fieldQuoted = true;
            this.state = State.Quoted;
            i++;
            seg = i;
          } else if (c === COMMA) {
            this.pushField('');
            i++;
          } else if (c === CR || c === LF) {
            this.pushField('');
            this.lineEnd(c, base + i);
            i++;
          } else {
            this.state = State.Unquoted;
            seg = i;
          }
          break;
        }
        case State.Unquoted: {
          let j = i;
          let c = 0;
          for (; j < n; j++) {
            c = s.charCodeAt(j);
            if (c === COMMA || c === CR || c === LF) break;
            if (c === QUOTE) this.problem('stray-quote');
          }
          if (j === n) {
            this.acc += s.slice(seg, n);
            i = n;
            break;
          }
          const value = this.acc === '' ? s.slice(seg, j) : this.acc + s.slice(seg, j);
          this.acc = '';
          this.pushField(value);
          if (c === COMMA) this.state = State.FieldStart;
          else this.lineEnd(c, base + j);
          i = j + 1;
          break;
        }
        case State.Quoted: {
          const q = s.indexOf('"', i);
          if (q < 0) {
            this.acc += s.slice(seg, n);
            i = n;
            break;
          }
          this.acc += s.slice(seg, q);
          this.state = State.QuoteInQuoted;
          i = q + 1;
          break;
        }
        case State.QuoteInQuoted: {
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            this.acc += '"';
            this.state = State.Quoted;
            i++;
            seg = i;
          } else {
            this.state = State.AfterClose;
          }
          break;
        }
        case State.AfterClose: {
          const c = s.charCodeAt(i);
          if (c === COMMA || c === CR || c === LF) {
            const value = this.acc;
            this.acc = '';
            this.fieldQuoted = true;
            this.pushField(value);
            if (c === COMMA) this.state = State.FieldStart;
            else this.lineEnd(c, base + i);
          } else {
            this.problem('text-after-quote');
            this.acc += s[i];
          }
          i++;
          break;
        }
      }
    }
    this.base += n;
  }

  /** Ends the record at a CR or LF found at absolute offset `at`. */
  private lineEnd(c: number, at: number) {
    this.endRecord(at);
    if (c === LF) {
      this.lineEnds.lf++;
      this.state = State.FieldStart;
    } else this.state = State.AfterCr;
  }

  end(): void {
    const at = this.base;
    switch (this.state) {
      case State.AfterCr:
        this.lineEnds.cr++;
        return;
      case State.FieldStart:
        if (this.recordOpen) {
          this.pushField('');
          this.lineEnds.missingFinal = 1;
          this.endRecord(at);
        }
        return;
      case State.Unquoted:
        this.pushField(this.acc);
        break;
      case State.Quoted:
        this.problem('unterminated-quote');
        this.fieldQuoted = true;
        this.pushField(this.acc);
        break;
      case State.QuoteInQuoted:
      case State.AfterClose:
        this.fieldQuoted = true;
        this.pushField(this.acc);
        break;
    }
    this.acc = '';
    this.lineEnds.missingFinal = 1;
    this.endRecord(at);
    this.state = State.FieldStart;
  }
}

/** Whether field `index` of a record was written in quotes. */
export function quotedAt(record: CsvRecord, index: number): boolean {
  return index < 31 ? (record.quotedMask & (1 << index)) !== 0 : (record.quotedHigh?.includes(index) ?? false);
}
