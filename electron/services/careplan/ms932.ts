import iconv from 'iconv-lite';

// MS932 (Windows-31J) tables for the care-plan CSV (DOMAIN.md §4.5: MS932 only, 外字 forbidden). The tables are
// built once from iconv-lite's cp932 mapping, then decoding and encoding run as plain table look-ups: one pass
// over the bytes that also records the exact byte offset of anything that is not valid MS932 text (a lenient
// decoder would silently turn it into U+FFFD).

export type Ms932ProblemKind = 'invalid' | 'gaiji' | 'control';

export interface Ms932Problem {
  kind: Ms932ProblemKind;
  /** Offset of the offending byte(s) in the whole input. */
  byteOffset: number;
  /** Index of the replacement character (U+FFFD) in the decoded text. */
  charIndex: number;
  /** The offending bytes as hex, e.g. "E3 81". */
  bytesHex: string;
}

const REPLACEMENT = 0xfffd;
/** Problems recorded per input; beyond this only the count grows (binary junk would produce millions). */
export const MAX_RECORDED_PROBLEMS = 50;

interface Tables {
  /** Single bytes: code unit, or 0 for "lead byte", or REPLACEMENT for an invalid byte. */
  single: Uint16Array;
  /** Double bytes indexed by lead<<8|trail: code unit, 0 = invalid, PUA values = 外字 (user-defined area). */
  double: Uint16Array;
  /** Code unit → MS932 bytes (one byte: value < 0x100; two bytes: lead<<8|trail); 0 = not encodable. */
  encode: Uint16Array;
  /** Whether the runtime's native Shift_JIS decoder maps every valid byte exactly as the table (fast path). */
  nativeAgrees: boolean;
  /** Per byte, for the clean-input scan: TEXT_BYTE, LEAD_BYTE or PROBLEM_BYTE (a control or invalid byte). */
  byteClass: Uint8Array;
  /** Per lead<<8|trail: 1 when the pair is a valid, non-外字 character. */
  pairOk: Uint8Array;
}

const TEXT_BYTE = 0;
const LEAD_BYTE = 1;
const PROBLEM_BYTE = 2;

let tables: Tables | undefined;

const isLead = (b: number) => (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
const isPua = (c: number) => c >= 0xe000 && c <= 0xf8ff;

function buildTables(): Tables {
  const single = new Uint16Array(256).fill(REPLACEMENT);
  for (let b = 0; b < 0x80; b++) single[b] = b;
  for (let b = 0xa1; b <= 0xdf; b++) single[b] = 0xff61 + (b - 0xa1); // half-width katakana
  for (let b = 0; b < 256; b++) if (isLead(b)) single[b] = 0;

  const double = new Uint16Array(65536);
  const encode = new Uint16Array(65536);
  for (let b = 0; b < 0x80; b++) encode[b] = b;
  for (let b = 0xa1; b <= 0xdf; b++) encode[0xff61 + (b - 0xa1)] = b;
  // NUL is representable but never written (0 marks "not encodable"); control characters are rejected anyway.
  const pair = Buffer.alloc(2);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (!isLead(lead)) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const s = iconv.decode(pair, 'cp932');
      if (s.length !== 1) continue;
      const c = s.charCodeAt(0);
      if (c === REPLACEMENT) continue;
      double[(lead << 8) | trail] = c;
    }
  }
  // Encoding: MS932 maps some characters twice (NEC row 13 / IBM extensions / NEC-selected IBM extensions);
  // iconv-lite's choice is Microsoft's (JIS X 0208 first, then NEC row 13, then IBM over NEC-selected IBM).
  for (let code = 0x81; code < 65536; code++) {
    const c = double[code];
    if (!c || isPua(c) || encode[c]) continue;
    const bytes = iconv.encode(String.fromCharCode(c), 'cp932');
    if (bytes.length === 2) encode[c] = ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0);
  }
  const byteClass = new Uint8Array(256);
  for (let b = 0; b < 256; b++) {
    const c = single[b] as number;
    // NUL has single[0] === 0 too, but it is a control byte, never a lead.
    if (b < 0x80) byteClass[b] = isControl(b) ? PROBLEM_BYTE : TEXT_BYTE;
    else byteClass[b] = c === 0 ? LEAD_BYTE : c === REPLACEMENT ? PROBLEM_BYTE : TEXT_BYTE;
  }
  const pairOk = new Uint8Array(65536);
  for (let code = 0; code < 65536; code++) {
    const c = double[code] as number;
    if (c !== 0 && !isPua(c)) pairOk[code] = 1;
  }
  return { single, double, encode, nativeAgrees: nativeDecoderAgrees(single, double), byteClass, pairOk };
}

/**
 * The WHATWG Shift_JIS decoder (ICU, native) is several times faster than a JS loop. It is used only for input
 * already scanned clean, and only if it decodes every valid MS932 byte sequence exactly like the table.
 */
function nativeDecoderAgrees(single: Uint16Array, double: Uint16Array): boolean {
  let decoder;
  try {
    decoder = new TextDecoder('shift_jis', { fatal: true });
  } catch {
    return false;
  }
  const bytes: number[] = [];
  let expected = '';
  for (let b = 0x09; b < 0x100; b++) {
    const c = single[b] as number;
    if (c === 0 || c === REPLACEMENT || isControl(b)) continue; // controls never reach the native path
    bytes.push(b);
    expected += String.fromCharCode(c);
  }
  for (let code = 0x8140; code < 0x10000; code++) {
    const c = double[code] as number;
    if (c === 0 || isPua(c)) continue;
    bytes.push(code >> 8, code & 0xff);
    expected += String.fromCharCode(c);
  }
  try {
    return decoder.decode(Uint8Array.from(bytes)) === expected;
  } catch {
    return false;
  }
}

function getTables(): Tables {
  tables ??= buildTables();
  return tables;
}

/** Classification of a byte for the clean-input scan (see Tables.byteClass). */
export const MS932_BYTE = { text: TEXT_BYTE, lead: LEAD_BYTE, problem: PROBLEM_BYTE } as const;

/**
 * The clean-input scan tables, for callers that scan bytes themselves (the whole-file CSV fast path); undefined
 * when the native decoder does not agree with the table (then only the exact decoder may be used).
 */
export function ms932CleanScan(): { byteClass: Uint8Array; pairOk: Uint8Array } | undefined {
  const t = getTables();
  return t.nativeAgrees ? { byteClass: t.byteClass, pairOk: t.pairOk } : undefined;
}

const hex = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');

/** C0 controls other than TAB, LF and CR, and DEL, are not text: a sign of a binary or corrupted file. */
const isControl = (b: number) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f;

/**
 * Streaming MS932 decoder: feed chunks with write(), then end(). A lead byte at the end of a chunk waits for its
 * trail byte in the next chunk. Every problem is replaced by U+FFFD in the text and recorded with its byte offset.
 */
export class Ms932Decoder {
  private readonly t = getTables();
  private pendingLead = -1;
  private byteBase = 0;
  private charBase = 0;
  private readonly utf16 = new TextDecoder('utf-16le');
  readonly problems: Ms932Problem[] = [];
  problemCount = 0;

  private record(kind: Ms932ProblemKind, byteOffset: number, charIndex: number, bytes: number[]) {
    this.problemCount++;
    if (this.problems.length < MAX_RECORDED_PROBLEMS)
      this.problems.push({ kind, byteOffset, charIndex, bytesHex: bytes.map(hex).join(' ') });
  }

  private readonly native = this.t.nativeAgrees ? new TextDecoder('shift_jis') : undefined;
  /** Set once a problem was seen: from then on every chunk goes through the exact (slower) loop. */
  private exact = !this.t.nativeAgrees;

  write(chunk: Uint8Array): string {
    if (!this.exact && this.native) {
      const clean = this.scanClean(chunk);
      if (clean >= 0) {
        const text = this.native.decode(chunk, { stream: true });
        this.pendingLead = clean > 0 ? (chunk[chunk.length - 1] as number) : -1;
        this.byteBase += chunk.length;
        this.charBase += text.length;
        return text;
      }
      // The native decoder may hold the pending lead byte; the exact loop takes it over from pendingLead.
      this.exact = true;
    }
    return this.writeExact(chunk);
  }

  /**
   * Checks a chunk without decoding it: -1 when it holds a problem, else 1 when it ends with a lead byte (whose
   * trail comes in the next chunk) and 0 otherwise. Mirrors writeExact's classification exactly.
   */
  private scanClean(chunk: Uint8Array): number {
    // One table look-up per byte (DESIGN.md §7: ≥ 30 MB/s); the tables encode writeExact's classification.
    const { byteClass, pairOk } = this.t;
    const n = chunk.length;
    let i = 0;
    if (this.pendingLead >= 0) {
      if (n === 0) return 1;
      if (pairOk[(this.pendingLead << 8) | (chunk[0] as number)] === 0) return -1;
      i = 1;
    }
    for (; i < n; i++) {
      const k = byteClass[chunk[i] as number];
      if (k === TEXT_BYTE) continue;
      if (k === PROBLEM_BYTE) return -1;
      if (++i >= n) return 1;
      if (pairOk[((chunk[i - 1] as number) << 8) | (chunk[i] as number)] === 0) return -1;
    }
    return 0;
  }

  private writeExact(chunk: Uint8Array): string {
    const { single, double } = this.t;
    const n = chunk.length;
    const out = new Uint16Array(n + 1);
    let o = 0;
    let i = 0;
    if (this.pendingLead >= 0 && n > 0) {
      // A pair split across chunks. An invalid pair consumes only the lead byte, exactly as in the main loop.
      const c = double[(this.pendingLead << 8) | (chunk[0] as number)] as number;
      o = this.decodePair(this.pendingLead, chunk[0] as number, this.byteBase - 1, out, o);
      i = c !== 0 ? 1 : 0;
      this.pendingLead = -1;
    }
    for (; i < n; i++) {
      const b = chunk[i] as number;
      if (b < 0x80) {
        if (isControl(b)) {
          this.record('control', this.byteBase + i, this.charBase + o, [b]);
          out[o++] = REPLACEMENT;
        } else out[o++] = b;
        continue;
      }
      const s = single[b] as number;
      if (s !== 0) {
        if (s === REPLACEMENT) this.record('invalid', this.byteBase + i, this.charBase + o, [b]);
        out[o++] = s;
        continue;
      }
      if (i + 1 >= n) {
        this.pendingLead = b;
        break;
      }
      const trail = chunk[i + 1] as number;
      const c = double[(b << 8) | trail] as number;
      if (c !== 0 && !isPua(c)) {
        out[o++] = c;
        i++;
      } else {
        o = this.decodePair(b, trail, this.byteBase + i, out, o);
        if (c !== 0) i++; // 外字: both bytes consumed; an invalid pair consumes only the lead byte
      }
    }
    this.byteBase += n;
    const text = this.utf16.decode(out.subarray(0, o));
    this.charBase += o;
    return text;
  }

  /** Slow path: a pair that needs a problem record (or the pair split across chunks). Returns the new out index. */
  private decodePair(lead: number, trail: number, byteOffset: number, out: Uint16Array, o: number): number {
    const c = this.t.double[(lead << 8) | trail] as number;
    if (c !== 0 && !isPua(c)) {
      out[o++] = c;
      return o;
    }
    if (c !== 0) {
      this.record('gaiji', byteOffset, this.charBase + o, [lead, trail]);
      out[o++] = REPLACEMENT;
      return o;
    }
    // Invalid pair: report it at the lead byte; the trail byte is decoded on its own (it may be ASCII, a comma).
    this.record('invalid', byteOffset, this.charBase + o, [lead, trail]);
    out[o++] = REPLACEMENT;
    return o;
  }

  end(): string {
    if (this.pendingLead < 0) return '';
    this.record('invalid', this.byteBase - 1, this.charBase, [this.pendingLead]);
    this.pendingLead = -1;
    this.charBase += 1;
    return '\ufffd';
  }
}

export interface DecodedText {
  text: string;
  problems: Ms932Problem[];
  problemCount: number;
}

export function decodeMs932(bytes: Uint8Array): DecodedText {
  const d = new Ms932Decoder();
  const text = d.write(bytes) + d.end();
  return { text, problems: d.problems, problemCount: d.problemCount };
}

export interface UnencodableChar {
  /** Index in the string (UTF-16 code units). */
  index: number;
  /** The character (a whole surrogate pair when outside the BMP). */
  char: string;
}

/** Characters that cannot be written in MS932 (or are control characters other than TAB/CR/LF). */
export function findUnencodable(text: string, limit = MAX_RECORDED_PROBLEMS): UnencodableChar[] {
  const { encode } = getTables();
  const found: UnencodableChar[] = [];
  for (let i = 0; i < text.length && found.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? isControl(c) : encode[c] === 0) {
      const cp = text.codePointAt(i) ?? c;
      const char = String.fromCodePoint(cp);
      found.push({ index: i, char });
      i += char.length - 1;
    }
  }
  return found;
}

/** Encodes text known to be encodable (check with findUnencodable first); any other character becomes "?". */
export function encodeMs932(text: string): Uint8Array {
  const { encode } = getTables();
  const out = new Uint8Array(text.length * 2);
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const e = c < 0x80 ? c : (encode[c] as number);
    if (e === 0 && c !== 0) out[o++] = 0x3f;
    else if (e < 0x100) out[o++] = e;
    else {
      out[o++] = e >> 8;
      out[o++] = e & 0xff;
    }
  }
  return out.subarray(0, o);
}
