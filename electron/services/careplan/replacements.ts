import { SUGGESTED_REPLACEMENTS } from './encode';
import { encodeMs932, findUnencodable } from './ms932';
import type { UnitPart } from './model';

// Characters to replace before export (issue 8 §2): those MS932 cannot write at all (the writer refuses them) and
// the machine-dependent ones MS932 can write but other vendors' Shift_JIS readers often garble — NEC special
// characters (lead byte 0x87: ①, Ⅰ, ㈱ …) and the IBM / NEC-selected IBM extensions (0xED–0xEE, 0xFA–0xFC: 髙, 﨑 …),
// outside JIS X 0208. Nothing is replaced silently: the user chooses each replacement (or accepts the suggestions),
// and the choices are returned so the caller can record them.

/** Suggestions for machine-dependent characters that MS932 can write (a warning, not an error). */
const MACHINE_DEPENDENT_SUGGESTIONS: Readonly<Record<string, string>> = {
  // Written as escapes: editors and tools may normalise look-alike ideographs silently.
  '\u9ad9': '\u9ad8', // 髙 → 高
  '\ufa11': '\u5d0e', // 﨑 → 崎
  '\u5fb7': '\u5fb3', // 德 → 徳
  '\u6801': '\u67f3', // 栁 → 柳
  '\u7028': '\u702c', // 瀨 → 瀬
  '\u3231': '(株)', // ㈱
  '\u3232': '(有)', // ㈲
  '\u3239': '(代)', // ㈹
  '\u2116': 'No.', // №
  '\u2121': 'TEL', // ℡
  ...Object.fromEntries(Array.from({ length: 20 }, (_, k) => [String.fromCodePoint(0x2460 + k), `(${k + 1})`])),
  ...Object.fromEntries(
    ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'].map((r, k) => [String.fromCodePoint(0x2160 + k), r]),
  ),
  ...Object.fromEntries(
    ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'].map((r, k) => [String.fromCodePoint(0x2170 + k), r]),
  ),
};

export interface ReplacementCandidate {
  char: string;
  /** U+XXXX. */
  codePoint: string;
  /** true: MS932 cannot write it (export is refused until replaced); false: machine-dependent (a warning). */
  required: boolean;
  /** The suggested replacement, or null when none is known (the user types one). */
  suggestion: string | null;
  /** How many times it occurs in the unit. */
  count: number;
}

export interface ReplacementChoice {
  char: string;
  replacement: string;
  count: number;
}

const codePointOf = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function machineDependent(char: string): boolean {
  const bytes = encodeMs932(char);
  if (bytes.length !== 2) return false;
  const lead = bytes[0]!;
  return lead === 0x87 || lead === 0xed || lead === 0xee || (lead >= 0xfa && lead <= 0xfc);
}

/** Every string in a part's content, depth first (model objects hold strings, numbers, null, arrays, objects). */
function forEachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const v of value) forEachString(v, visit);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) forEachString(v, visit);
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)]));
  return value;
}

/** The characters of a send unit that should be replaced, in order of first appearance. */
export function replacementCandidates(parts: readonly UnitPart[]): ReplacementCandidate[] {
  const found = new Map<string, ReplacementCandidate>();
  const note = (char: string, required: boolean) => {
    const known = found.get(char);
    if (known) {
      known.count++;
      return;
    }
    const suggestion = SUGGESTED_REPLACEMENTS[char] ?? MACHINE_DEPENDENT_SUGGESTIONS[char] ?? null;
    found.set(char, { char, codePoint: codePointOf(char), required, suggestion, count: 1 });
  };
  for (const part of parts)
    forEachString(part.content, (text) => {
      if (/^[\x20-\x7e]*$/.test(text)) return; // ASCII: nothing to look at
      for (const u of findUnencodable(text, Number.MAX_SAFE_INTEGER)) if (!/[\r\n\t]/.test(u.char)) note(u.char, true);
      for (const char of text) if (char.charCodeAt(0) >= 0x80 && machineDependent(char)) note(char, false);
    });
  return [...found.values()];
}

/**
 * Applies the user's choices (character → replacement) to every string of the unit. Returns the new parts and what
 * was replaced how often. A replacement that itself cannot be written is refused (the reason, in Japanese).
 */
export function applyReplacements(
  parts: readonly UnitPart[],
  choices: ReadonlyMap<string, string>,
): { ok: true; parts: UnitPart[]; applied: ReplacementChoice[] } | { ok: false; problem: string } {
  for (const [char, replacement] of choices) {
    const bad = findUnencodable(replacement, 1)[0];
    if (bad)
      return {
        ok: false,
        problem: `「${char}」の置き換え先「${replacement}」にも Shift-JIS（MS932）で書けない文字（${codePointOf(bad.char)}）があります。`,
      };
  }
  const counts = new Map<string, number>();
  const replaced = parts.map(
    (part) =>
      ({
        ...part,
        content: mapStrings(part.content, (text) => {
          let out = '';
          for (const char of text) {
            const to = choices.get(char);
            if (to === undefined) out += char;
            else {
              out += to;
              counts.set(char, (counts.get(char) ?? 0) + 1);
            }
          }
          return out;
        }),
      }) as UnitPart,
  );
  const applied = [...counts].map(([char, count]) => ({ char, replacement: choices.get(char)!, count }));
  return { ok: true, parts: replaced, applied };
}
