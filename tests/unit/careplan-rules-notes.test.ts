import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, parseCarePlanFile, type CarePlanIssue } from '../../electron/services/careplan';

// The rules that careplan-rules.test.ts does not reach with a fixture folder: the file-level errors that need a
// generated input (a file over the size limit, a bad month in the name) and every note and tolerance finding (LF,
// no final line end, blank line, header row, 202410, quoted codes, lower-case extension, kind from the column
// count). Each is derived from the canonical 第6表 here, so the rest of the file stays valid, and each must name
// exactly its file, row and rule.

const P = 'UPPLAN_202412_1310100019_43_1310200017_11_20241125093000.CSV';
const NOW = new Date('2025-01-10T00:00:00Z');
const CANONICAL = fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'careplan', 'canonical', P));
const latin = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const bytes = (s: string) => Buffer.from(s, 'latin1');

function read(name: string, data: Uint8Array): CarePlanIssue[] {
  return parseCarePlanFile(name, data, { now: NOW }).issues;
}

/** The single finding of `rule`, with no error of any other rule beside it. */
function only(issues: CarePlanIssue[], rule: string): CarePlanIssue {
  const hits = issues.filter((i) => i.rule === rule);
  expect(hits, rule).toHaveLength(1);
  expect(issues.filter((i) => i.severity === 'error' && i.rule !== rule)).toEqual([]);
  return hits[0]!;
}

describe('file-level errors without a fixture folder', () => {
  it('a file over the size limit is refused before it is decoded', () => {
    // Buffer.alloc is zero-filled and lazily committed: the limit check must come before any decoding.
    const issues = read(P, Buffer.alloc(MAX_FILE_BYTES + 1));
    const hit = issues.find((i) => i.rule === 'file-too-large');
    expect(hit).toMatchObject({ severity: 'error', message: `${P}: ファイルが大きすぎます（512MBまで）。` });
    expect(issues.filter((i) => i.rule === 'control-char' || i.rule === 'encoding')).toEqual([]);
  });

  it('a month in the file name that is not a month is named', () => {
    const name = P.replace('_202412_', '_202413_');
    const hit = read(name, CANONICAL).find((i) => i.rule === 'name-month');
    expect(hit).toMatchObject({
      severity: 'error',
      message: `${name}: ファイル名の年月「202413」が正しくありません。`,
    });
  });
});

describe('tolerated input gets a note and reads on', () => {
  it('LF line ends are counted', () => {
    const hit = only(read(P, bytes(latin(CANONICAL).replace(/\r\n/g, '\n'))), 'line-end');
    expect(hit).toMatchObject({ severity: 'note' });
    expect(hit.message).toMatch(
      new RegExp(`^${P}: 改行コードが CRLF でない行があります（LF \\d+行、CR 0行）。このまま受け付けます。$`),
    );
  });

  it('a missing final line end', () => {
    const hit = only(read(P, CANONICAL.subarray(0, CANONICAL.length - 2)), 'line-end');
    expect(hit).toMatchObject({ severity: 'note', message: `${P}: 最終行に改行がありません。このまま受け付けます。` });
  });

  it('a blank line names its row', () => {
    const text = latin(CANONICAL);
    const firstEnd = text.indexOf('\r\n') + 2;
    const hit = only(read(P, bytes(`${text.slice(0, firstEnd)}\r\n${text.slice(firstEnd)}`)), 'blank-line');
    expect(hit).toMatchObject({ severity: 'note', row: 2, message: `${P} 2行目: 空の行を読み飛ばしました。` });
  });

  it('a header row is skipped with a note on row 1', () => {
    const hit = only(read(P, bytes(`CSV_VERSION,HOKENSHA,HIHOKEN\r\n${latin(CANONICAL)}`)), 'header-row');
    expect(hit).toMatchObject({
      severity: 'note',
      row: 1,
      message: `${P} 1行目: 見出し行と判断して読み飛ばしました（仕様では見出し行はありません）。`,
    });
  });

  it('CSVバージョン 202410 is accepted once per file, with the row it was first seen on', () => {
    const hit = only(read(P, bytes(latin(CANONICAL).replace(/^202407,/gm, '202410,'))), 'version-accepted');
    expect(hit).toMatchObject({ severity: 'warning', row: 1, column: 1 });
    expect(hit.message).toContain('CSVバージョン 202410 は v4.1 として受け付けます（仕様の版数表の値は 202407）。');
  });

  it('quoted code fields are counted and one example is named', () => {
    const text = latin(CANONICAL).replace(/^202407,131016,/gm, '"202407","131016",');
    const hit = only(read(P, bytes(text)), 'quoting');
    expect(hit).toMatchObject({ severity: 'note', row: 1, column: 1 });
    const rows = latin(CANONICAL).match(/^202407,131016,/gm)!.length; // records, not lines (a free text holds CRLF)
    expect(rows).toBeGreaterThan(1);
    expect(hit.message).toContain(
      `フリーテキスト以外の項目が引用符で囲まれています（${rows * 2}箇所）。このまま受け付けます。`,
    );
  });

  it('a lower-case extension', () => {
    const name = P.replace('.CSV', '.csv');
    const hit = only(read(name, CANONICAL), 'name-extension');
    expect(hit).toMatchObject({
      severity: 'note',
      message: `${name}: 拡張子は大文字の .CSV が標準です（このまま受け付けます）。`,
    });
  });

  it('an unknown file name: the 第6表 is recognised by its column count', () => {
    const name = 'plan-december.CSV';
    const issues = read(name, CANONICAL);
    expect(issues.find((i) => i.rule === 'kind-inferred')).toMatchObject({
      severity: 'note',
      message: `${name}: ファイル名から種別が分からないため、項目数から第6表として確認しました。`,
    });
    // The name itself is still an error; the rows are checked as 第6表 and pass.
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.rule)).toEqual(['name-grammar']);
  });
});
