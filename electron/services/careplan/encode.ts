import { issue, type CarePlanIssue } from './issues';
import type { FileLayout } from './layout';
import { encodeMs932, findUnencodable } from './ms932';

// Canonical output (DOMAIN.md §4.5): MS932, comma-separated, free text (フリーテキスト) always in double quotes
// with inner quotes doubled and CR/LF and commas kept, every other field bare, CRLF after every record, no header
// row, no BOM. Nothing is written when a value cannot be: the caller gets the findings instead.

/** Replacements offered for common characters outside MS932 (the user chooses; nothing is replaced silently). */
export const SUGGESTED_REPLACEMENTS: Readonly<Record<string, string>> = {
  '〜': '～',
  '−': '－',
  '—': '―',
  '‖': '∥',
  '¢': '￠',
  '£': '￡',
  '¬': '￢',
  '¥': '￥',
  '𠮷': '吉',
  '㉑': '(21)',
  '㉒': '(22)',
  '㉓': '(23)',
  '㉔': '(24)',
  '㉕': '(25)',
  '\u00a0': ' ',
};

export type EncodeResult = { ok: true; bytes: Uint8Array } | { ok: false; issues: CarePlanIssue[] };

/** Text of one record, without its line end; null fields are not allowed (use ''). */
function recordText(layout: FileLayout, fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += ',';
    const value = fields[i]!;
    line += layout.columns[i]!.type === 'text' ? `"${value.replaceAll('"', '""')}"` : value;
  }
  return line;
}

/**
 * Encodes rows (each one string per column, in layout order) as a canonical file. `file` names the file in
 * findings. Fails, listing every problem, on a wrong column count, on a non-text field containing a delimiter, or
 * on characters outside MS932 (with a suggested replacement where one is known).
 */
export function encodeRows(file: string, layout: FileLayout, rows: readonly (readonly string[])[]): EncodeResult {
  const issues: CarePlanIssue[] = [];
  const lines: string[] = [];
  rows.forEach((fields, r) => {
    const row = r + 1;
    if (fields.length !== layout.columns.length) {
      issues.push(
        issue(
          'error',
          'column-count',
          { file, row },
          `項目数が${fields.length}です（${layout.title}は${layout.columns.length}項目）。`,
        ),
      );
      return;
    }
    fields.forEach((value, c) => {
      const spec = layout.columns[c]!;
      const at = { file, row, column: spec.no, columnName: spec.name, value };
      if (spec.type !== 'text' && /[",\r\n]/.test(value))
        issues.push(issue('error', 'format', at, 'フリーテキスト以外の項目にカンマ・引用符・改行は入れられません。'));
      for (const u of findUnencodable(value)) {
        const suggestion = SUGGESTED_REPLACEMENTS[u.char];
        const hint =
          suggestion !== undefined ? `「${suggestion}」への置き換えを提案します。` : '別の文字に置き換えてください。';
        issues.push(
          issue(
            'error',
            'unencodable',
            at,
            `「${u.char}」（U+${(u.char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}）は Shift-JIS（MS932）で書けません。${hint}`,
          ),
        );
      }
    });
    lines.push(recordText(layout, fields));
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, bytes: encodeMs932(lines.length > 0 ? lines.join('\r\n') + '\r\n' : '') };
}
