// A strict parser for the YAML subset electron-builder.yml is written in, so dist:check needs no YAML library (none is
// a dependency of this project). Supported: block mappings and block sequences indented with spaces, `- key: value`
// items, plain / 'single' / "double" quoted scalars, one-line flow lists of scalars ([a, b]), true/false/null,
// numbers, full-line and trailing # comments. Anything else (anchors, tags, block scalars, flow maps, tabs, duplicate
// keys) is refused with its line number rather than guessed at.

export class YamlSubsetError extends Error {
  constructor(line, message) {
    super(`${line}行目: ${message}`);
    this.name = 'YamlSubsetError';
    this.line = line;
  }
}

/** Removes a trailing comment (a # preceded by a space, outside quotes). */
function stripComment(text) {
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = null;
      } else if (quote === '"' && ch === '\\') i++;
    } else if (ch === "'" || ch === '"') {
      if (i === 0 || /[\s:[,-]/.test(text[i - 1])) quote = ch;
    } else if (ch === '#' && (i === 0 || text[i - 1] === ' ')) {
      return text.slice(0, i).trimEnd();
    }
  }
  return text.trimEnd();
}

function tokenize(source) {
  const lines = [];
  source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const no = index + 1;
      if (/^\s*#/.test(raw) || raw.trim() === '') return;
      if (/^[ \t]*/.exec(raw)[0].includes('\t')) {
        throw new YamlSubsetError(no, 'インデントにタブは使えません（スペースにしてください）');
      }
      if (raw === '---' || raw === '...') throw new YamlSubsetError(no, '文書区切り（---）には対応していません');
      const indent = raw.length - raw.trimStart().length;
      lines.push({ no, indent, text: stripComment(raw.trimStart()) });
    });
  return lines;
}

function parseDouble(body, no) {
  return body.replace(/\\(u[0-9A-Fa-f]{4}|.)/g, (_m, esc) => {
    if (esc[0] === 'u') return String.fromCharCode(parseInt(esc.slice(1), 16));
    const map = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/', r: '\r', 0: '\0' };
    if (!(esc in map)) throw new YamlSubsetError(no, `対応していないエスケープです: \\${esc}`);
    return map[esc];
  });
}

function parseScalar(text, no) {
  const t = text.trim();
  if (t === '') return null;
  if (t.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(t)) throw new YamlSubsetError(no, "引用符（'）が閉じていません");
    return t.slice(1, -1).replace(/''/g, "'");
  }
  if (t.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(t)) throw new YamlSubsetError(no, '引用符（"）が閉じていません');
    return parseDouble(t.slice(1, -1), no);
  }
  if (t.startsWith('[')) {
    if (!t.endsWith(']')) throw new YamlSubsetError(no, '一行のリスト [ … ] が閉じていません');
    const inner = t.slice(1, -1).trim();
    if (inner === '') return [];
    if (/[[\]{}]/.test(inner)) throw new YamlSubsetError(no, '入れ子のリストやマップには対応していません');
    return splitFlow(inner, no).map((item) => parseScalar(item, no));
  }
  if (/^[{&*!|>%@`]/.test(t)) throw new YamlSubsetError(no, `このYAMLの書き方には対応していません: ${t.slice(0, 20)}`);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t === 'null' || t === '~') return null;
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(t)) return Number(t);
  if (/: |:$/.test(t)) throw new YamlSubsetError(no, `値の中の「: 」は引用符で囲んでください: ${t.slice(0, 30)}`);
  return t;
}

function splitFlow(inner, no) {
  const items = [];
  let current = '';
  let quote = null;
  for (const ch of inner) {
    if (quote) {
      if (ch === quote) quote = null;
      current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      current += ch;
    } else if (ch === ',') {
      items.push(current);
      current = '';
    } else current += ch;
  }
  if (quote) throw new YamlSubsetError(no, '引用符が閉じていません');
  items.push(current);
  return items;
}

/** Splits `key: rest` (key plain or quoted); null when the text is not a mapping entry. */
function splitKey(text, no) {
  const m = /^('(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^\s'"#:[\]{},-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s+(.*)|$)/.exec(text);
  if (!m) return null;
  const key = parseScalar(m[1], no);
  return { key: String(key), rest: m[2] ?? '' };
}

export function parseYamlSubset(source) {
  const lines = tokenize(source);
  let pos = 0;

  function parseBlock(indent) {
    const first = lines[pos];
    if (first.text === '-' || first.text.startsWith('- ')) return parseSequence(indent);
    return parseMapping(indent);
  }

  function valueAfterKey(rest, parentIndent, no) {
    if (rest !== '') return parseScalar(rest, no);
    const next = lines[pos];
    if (!next) return null;
    if (next.indent > parentIndent) return parseBlock(next.indent);
    // `key:` followed by a list at the same indentation is valid YAML.
    if (next.indent === parentIndent && (next.text === '-' || next.text.startsWith('- '))) {
      return parseSequence(parentIndent);
    }
    return null;
  }

  function parseMapping(indent, seed) {
    const out = seed ?? {};
    while (pos < lines.length) {
      const line = lines[pos];
      if (line.indent < indent) break;
      if (line.indent > indent) throw new YamlSubsetError(line.no, 'インデントがそろっていません');
      if (line.text === '-' || line.text.startsWith('- ')) break;
      const entry = splitKey(line.text, line.no);
      if (!entry) throw new YamlSubsetError(line.no, '「キー: 値」の形ではありません');
      if (Object.hasOwn(out, entry.key)) throw new YamlSubsetError(line.no, `キーが重複しています: ${entry.key}`);
      pos++;
      out[entry.key] = valueAfterKey(entry.rest, indent, line.no);
    }
    return out;
  }

  function parseSequence(indent) {
    const out = [];
    while (pos < lines.length) {
      const line = lines[pos];
      if (line.indent < indent) break;
      if (line.indent > indent) throw new YamlSubsetError(line.no, 'インデントがそろっていません');
      if (!(line.text === '-' || line.text.startsWith('- '))) break;
      const rest = line.text.slice(1).trimStart();
      pos++;
      if (rest === '') {
        const next = lines[pos];
        out.push(next && next.indent > indent ? parseBlock(next.indent) : null);
        continue;
      }
      const entry =
        rest.startsWith('[') || rest.startsWith('"') || rest.startsWith("'") ? null : splitKey(rest, line.no);
      if (!entry) {
        out.push(parseScalar(rest, line.no));
        continue;
      }
      // `- key: value` starts a mapping whose further keys sit at the column of `key`.
      const column = indent + (line.text.length - rest.length);
      const item = {};
      item[entry.key] = valueAfterKey(entry.rest, column, line.no);
      out.push(lines[pos] && lines[pos].indent === column ? parseMapping(column, item) : item);
    }
    return out;
  }

  if (lines.length === 0) return null;
  if (lines[0].indent !== 0) throw new YamlSubsetError(lines[0].no, '最初の行はインデントしないでください');
  const result = parseBlock(0);
  if (pos < lines.length) throw new YamlSubsetError(lines[pos].no, 'インデントがそろっていません');
  return result;
}
