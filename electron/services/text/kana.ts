// Normalising kana for search and matching (UX.md rule 8; issue 7): staff type a name's reading in hiragana or
// katakana, full or half width, with or without spaces. Everything becomes full-width katakana without spaces, so a
// B-tree range over the normalised column answers prefix searches (MACHINE.md "SQLite": no LIKE).

// Half-width katakana (U+FF61–U+FF9F) to full width; voiced marks combine with the preceding character.
const HALF = 'ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ';
const FULL =
  'ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const HALF_TO_FULL = new Map([...HALF].map((ch, i) => [ch, FULL[i]!]));
const DAKUTEN = 'ﾞ';
const HANDAKUTEN = 'ﾟ';

function combineMark(base: string, mark: string): string | null {
  if (mark === DAKUTEN) {
    if (base === 'ウ') return 'ヴ';
    const voiced = String.fromCharCode(base.charCodeAt(0) + 1);
    return 'カキクケコサシスセソタチツテトハヒフヘホ'.includes(base) ? voiced : null;
  }
  if (mark === HANDAKUTEN) {
    return 'ハヒフヘホ'.includes(base) ? String.fromCharCode(base.charCodeAt(0) + 2) : null;
  }
  return null;
}

/** Full-width katakana, no spaces (ASCII, ideographic or half-width), for indexing and prefix search. */
export function normaliseKana(input: string): string {
  let out = '';
  for (const ch of input.normalize('NFC')) {
    if (ch === ' ' || ch === '\u3000' || ch === '\t') continue;
    if (ch === DAKUTEN || ch === HANDAKUTEN) {
      const combined = out.length > 0 ? combineMark(out[out.length - 1]!, ch) : null;
      if (combined) out = out.slice(0, -1) + combined;
      continue;
    }
    const half = HALF_TO_FULL.get(ch);
    if (half) {
      out += half;
      continue;
    }
    const code = ch.charCodeAt(0);
    // Hiragana ぁ(3041)–ゖ(3096) → katakana ァ(30A1)–ヶ(30F6).
    out += code >= 0x3041 && code <= 0x3096 ? String.fromCharCode(code + 0x60) : ch;
  }
  return out;
}

/** True when the text (after normalising) is only katakana and the long-vowel mark. */
export function isKanaQuery(input: string): boolean {
  const n = normaliseKana(input);
  return n.length > 0 && /^[\u30A1-\u30FA\u30FC]+$/.test(n);
}

/** The exclusive upper bound for a prefix range: `column >= prefix AND column < upperBound(prefix)`. */
export function prefixUpperBound(prefix: string): string {
  return prefix + '\uFFFF';
}
