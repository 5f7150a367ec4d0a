import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  CarePlanStreamReader,
  encodeCarePlanFile,
  FILE_KINDS,
  parseCarePlanFile,
  parseFileName,
  validateCarePlanFiles,
  type CarePlanFile,
} from '../../electron/services/careplan';
import { tokenizeCleanMs932 } from '../../electron/services/careplan/csv-bytes';
import { CsvTokenizer, type CsvRecord } from '../../electron/services/careplan/csv-tokenizer';
import { decodeMs932, Ms932Decoder } from '../../electron/services/careplan/ms932';

// The codec against hand-written fixtures (tests/fixtures/careplan/build.mjs, typed from DOMAIN.md §4.7).

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan');
const PLAN = 'UPPLAN_202412_1310100019_43_1310200017_11_20241125093000.CSV';

function fixture(rel: string): { name: string; bytes: Buffer } {
  return { name: path.basename(rel), bytes: fs.readFileSync(path.join(FIXTURES, rel)) };
}

function read(rel: string): CarePlanFile {
  const f = fixture(rel);
  return parseCarePlanFile(f.name, f.bytes, { now: new Date('2025-01-10T00:00:00Z') });
}

const rules = (f: CarePlanFile) => f.issues.map((i) => `${i.severity}:${i.rule}`).sort();

describe('canonical fixtures', () => {
  const canonical = fs.readdirSync(path.join(FIXTURES, 'canonical')).sort();

  it('has a hand-written file of every v4.1 kind', () => {
    const kinds = new Set(canonical.map((n) => parseFileName(n)).map((p) => (p.ok ? p.value.kind : 'bad')));
    expect([...kinds].sort()).toEqual([...FILE_KINDS].sort());
  });

  it('forms complete send units; a 第6表 without its 第7表 is a warning naming the missing file', () => {
    const all = canonical.map((n) => fixture(`canonical/${n}`));
    const complete = validateCarePlanFiles(all);
    expect(complete.flatMap((f) => f.issues)).toEqual([]);
    const partial = validateCarePlanFiles(all.filter((f) => !f.name.startsWith('UPSIKYU')));
    const plan = partial.find((f) => f.kind === 'UPPLAN')!;
    expect(plan.counts).toEqual({ error: 0, warning: 1, note: 0 });
    expect(plan.issues[0]!.message).toBe(
      `${PLAN}: 同じ送信単位（連番 20241125093000）の第7表（UPSIKYU）が見当たりません。`,
    );
    expect(partial.find((f) => f.kind === 'UPHOSOKU' && f.month === undefined)?.issues).toEqual([]);
  });

  it('reads the 第7表 subtotal and 全合計 rows (CD+AAAA, 999999 with ALL9) and the 第1表 free text', () => {
    const seventh = read('canonical/UPSIKYU_202412_1310100019_43_1310200017_11_20241125093000.CSV');
    expect(seventh.rows.map((r) => [r.fields[6], r.fields[8], r.fields[12]])).toEqual([
      ['1310200017', '111211', '580'],
      ['1310200017', '116275', '-12'],
      ['1310200017', '11AAAA', '0'],
      ['9999999999', '999999', '0'],
    ]);
    const first = read('canonical/UP1KYO_1310100019_43_1310200017_11_20241120100000.CSV');
    expect(first.rows[0]!.fields[21]).toBe('本人: 自宅での生活を続けたい。\r\n家族: "無理のない範囲で"支えたい。');
    expect(first.rows[0]!.fields).toHaveLength(28);
  });

  it.each(canonical)('%s reads without findings (send unit aside) and round-trips byte-identical', (name) => {
    const f = read(`canonical/${name}`);
    expect(rules(f).filter((r) => r !== 'warning:send-unit')).toEqual([]);
    const encoded = encodeCarePlanFile(
      name,
      f.kind!,
      f.rows.map((r) => r.fields),
    );
    expect(encoded.ok).toBe(true);
    if (encoded.ok) expect(Buffer.from(encoded.bytes).equals(fixture(`canonical/${name}`).bytes)).toBe(true);
  });

  it('reads the 第6表 to the typed values, including quotes, commas, CRLF, half-width kana and NEC/IBM characters', () => {
    const f = read(`canonical/${PLAN}`);
    expect(f.kind).toBe('UPPLAN');
    expect(f.csvVersion).toBe('202407');
    expect(f.month).toBe('202412');
    expect(f.rows).toHaveLength(4);
    const second = f.rows[1]!.fields;
    expect(second).toHaveLength(25);
    expect(second[6]).toBe('髙﨑 "ケア", 一郎\r\n（主任①）');
    expect(second[7]).toBe('-12');
    expect(second[20]).toBe('訪問介護№2 ⅰ棟');
    expect(f.rows[0]!.fields[20]).toBe('ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ ひまわり');
    const equipment = f.rows[2]!.fields;
    expect(equipment.slice(10, 19)).toEqual([
      '1111100000000000000000000000000',
      '9999',
      '9999',
      '1',
      '171001',
      '00001－000010',
      '',
      '車いす "スイスイ" 22型',
      '1',
    ]);
    expect(f.rows[3]!.fields[2]).toBe('H123456789');
    // The record numbers count records, not physical lines (record 2 spans two lines).
    expect(f.rows.map((r) => r.number)).toEqual([1, 2, 3, 4]);
  });
});

describe('third-party variants read to the same rows as the canonical file, with notes', () => {
  const canonical = read(`canonical/${PLAN}`).rows.map((r) => r.fields);
  it.each([
    ['header-row', ['note:header-row']],
    ['lf', ['note:line-end']],
    ['v202410', ['warning:version-accepted']],
    ['extra-quotes', ['note:line-end', 'note:quoting']],
    ['nec-selected', []],
  ])('%s', (variant, expected) => {
    const f = read(`variants/${variant}/${PLAN}`);
    expect(rules(f).filter((r) => r !== 'warning:send-unit')).toEqual(expected);
    expect(f.counts.error).toBe(0);
    const rows = f.rows.map((r) => r.fields);
    if (variant === 'v202410') expect(rows.map((r) => r.slice(1))).toEqual(canonical.map((r) => r.slice(1)));
    else if (variant === 'nec-selected') expect(rows[0]![6]).toBe('介護　纊');
    else expect(rows).toEqual(canonical);
  });

  it('writes a NEC-selected IBM character (ED 40) back as its IBM code (FA 5C), as Windows does', () => {
    const f = read(`variants/nec-selected/${PLAN}`);
    const encoded = encodeCarePlanFile(PLAN, 'UPPLAN', [f.rows[0]!.fields]);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    const bytes = Buffer.from(encoded.bytes);
    expect(bytes.includes(Buffer.from([0xfa, 0x5c]))).toBe(true);
    expect(bytes.includes(Buffer.from([0xed, 0x40]))).toBe(false);
  });
});

describe('streaming', () => {
  it('gives the same result whatever the chunk boundaries (every split point of the canonical file)', () => {
    const { name, bytes } = fixture(`canonical/${PLAN}`);
    const whole = parseCarePlanFile(name, bytes);
    for (let cut = 1; cut < bytes.length; cut++) {
      const reader = new CarePlanStreamReader(name);
      reader.write(bytes.subarray(0, cut));
      reader.write(bytes.subarray(cut));
      const split = reader.end();
      expect(split.rows).toEqual(whole.rows);
      expect(split.issues).toEqual(whole.issues);
    }
  });

  it('decodes byte by byte exactly as in one piece, problems included', () => {
    const bytes = Buffer.concat([
      iconv.encode('あｱ①髙', 'cp932'),
      Buffer.from([0x81, 0x20, 0xf0, 0x40, 0xa0, 0x00, 0x82]),
    ]);
    const whole = decodeMs932(bytes);
    const d = new Ms932Decoder();
    let text = '';
    for (const b of bytes) text += d.write(Uint8Array.of(b));
    text += d.end();
    expect(text).toBe(whole.text);
    expect(d.problems).toEqual(whole.problems);
    expect(whole.problems.map((p) => [p.kind, p.byteOffset, p.bytesHex])).toEqual([
      ['invalid', 7, '81 20'],
      ['gaiji', 9, 'F0 40'],
      ['invalid', 11, 'A0'],
      ['control', 12, '00'],
      ['invalid', 13, '82'],
    ]);
    expect(whole.text).toBe('あｱ①髙\ufffd \ufffd\ufffd\ufffd\ufffd');
  });

  it('switches from the fast path to the exact decoder mid-stream without losing a character', () => {
    const good = iconv.encode('あいう,えお\r\n', 'cp932');
    const bytes = Buffer.concat([good, good.subarray(0, 1), good.subarray(1), Buffer.from([0xff]), good]);
    const whole = decodeMs932(bytes);
    expect(whole.text).toBe('あいう,えお\r\nあいう,えお\r\n\ufffdあいう,えお\r\n');
    for (let cut = 1; cut < bytes.length; cut++) {
      const d = new Ms932Decoder();
      const text = d.write(bytes.subarray(0, cut)) + d.write(bytes.subarray(cut)) + d.end();
      expect(text).toBe(whole.text);
      expect(d.problems).toEqual(whole.problems);
    }
  });

  it('unescapes quoted values of one column that differ only after a doubled quote', () => {
    const out: CsvRecord[] = [];
    const t = new CsvTokenizer((r) => out.push(r));
    t.write('x,"a""b"\r\nx,"a""c"\r\ny,"a""c"\r\ny,"d""c"\r\n');
    t.end();
    expect(out.map((r) => r.fields)).toEqual([
      ['x', 'a"b'],
      ['x', 'a"c'],
      ['y', 'a"c'],
      ['y', 'd"c'],
    ]);
  });

  it('tokenizes split at every point like in one piece', () => {
    const text = 'a,"b ""c"", d\r\ne",f\r\n"",x\ny\r\n,"z"';
    const collect = (parts: string[]) => {
      const out: CsvRecord[] = [];
      const t = new CsvTokenizer((r) => out.push(r));
      for (const p of parts) t.write(p);
      t.end();
      return { out, lineEnds: t.lineEnds };
    };
    const whole = collect([text]);
    expect(whole.out.map((r) => r.fields)).toEqual([['a', 'b "c", d\r\ne', 'f'], ['', 'x'], ['y'], ['', 'z']]);
    expect(whole.out.map((r) => r.quotedMask)).toEqual([0b10, 0b01, 0, 0b10]);
    expect(whole.lineEnds).toEqual({ crlf: 2, lf: 1, cr: 0, missingFinal: 1 });
    for (let cut = 1; cut < text.length; cut++) expect(collect([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
  });
});

describe('whole-file fast path (csv-bytes.ts, DESIGN.md §7)', () => {
  /** Records and line ends of the exact path: Ms932Decoder, then CsvTokenizer on the decoded text. */
  function exact(bytes: Uint8Array) {
    const out: CsvRecord[] = [];
    const t = new CsvTokenizer((r) => out.push(r));
    const d = new Ms932Decoder();
    t.write(d.write(bytes) + d.end());
    t.end();
    return { out, lineEnds: t.lineEnds };
  }
  function fast(bytes: Uint8Array) {
    const out: CsvRecord[] = [];
    const lineEnds = tokenizeCleanMs932(bytes, (r) => out.push(r));
    return lineEnds && { out, lineEnds };
  }
  const wide = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? `"q${i}"` : `v${i}`)).join(',');
  const widest = Array.from({ length: 130 }, (_, i) => (i % 2 ? `"${i}""ｱ"` : `髙${i}`)).join(',');
  const repeated = Array.from({ length: 60 }, (_, i) => `${200 + (i % 7) * 50},2024120${i % 9},${i % 2},ｱ${i % 5}`);

  it.each([
    ['quotes, commas and line ends inside quotes', 'a,"b ""c"", d\r\ne",f\r\n"",x\ny\r\n,"z"'],
    ['short values with doubled quotes', '"""",x,"a""b"\r\n'],
    ['an empty file', ''],
    ['blank lines', '\r\n\r\n\n\r'],
    ['a final comma', 'a,b,'],
    ['a final comma and line end', 'a,b,\r\n'],
    ['a quoted field at the end', 'a,"b"'],
    ['an empty quoted field at the end', '""'],
    ['a lone comma', ','],
    ['CR-only line ends, one at the very end', 'a\rb\r'],
    ['half-width kana, NEC/IBM characters and multi-byte text in and out of quotes', 'ｱｲｳ,髙﨑①,"～№ ""纊""",ⅰ\r\n'],
    ['quoted fields beyond the 31st column', `${wide}\r\n${wide}`],
    ['more columns than the intern table covers', `${widest}\r\n${widest}`],
    ['values repeating across rows (the intern table)', repeated.join('\r\n')],
    // 'f' and the quoted ',' share an intern slot: the ',' must not be taken for the next row's empty field.
    ['a quoted delimiter replacing a bare value in the intern table', 'f\r\n","\r\n,,x\r\n'],
  ])('reads %s exactly like decoder + tokenizer', (_, text) => {
    const bytes = iconv.encode(text, 'cp932');
    expect(iconv.decode(bytes, 'cp932')).toBe(text);
    expect(fast(bytes)).toEqual(exact(bytes));
  });

  it.each([
    ['a stray quote', 'a,b"c\r\n'],
    ['text after a closing quote', '"a"b,c\r\n'],
    ['an unterminated quote', 'a,"bc\r\n'],
  ])('leaves %s to the exact path (it reports the syntax problem)', (_, text) => {
    expect(fast(iconv.encode(text, 'cp932'))).toBeUndefined();
  });

  it.each([
    ['an invalid pair', [0x81, 0x20]],
    ['a 外字', [0xf0, 0x40]],
    ['an invalid single byte', [0xa0]],
    ['a control byte', [0x00]],
    ['a lead byte at the end', [0x82]],
  ])('leaves %s to the exact path (it reports the byte offset)', (_, problem) => {
    const bytes = Buffer.concat([iconv.encode('あ,"い', 'cp932'), Buffer.from(problem)]);
    expect(fast(bytes)).toBeUndefined();
    expect(fast(Buffer.concat([iconv.encode('あ,い', 'cp932'), Buffer.from(problem)]))).toBeUndefined();
  });

  it("takes every canonical fixture and gives the exact path's result", () => {
    for (const n of fs.readdirSync(path.join(FIXTURES, 'canonical'))) {
      const { name, bytes } = fixture(`canonical/${n}`);
      const whole = new CarePlanStreamReader(name).readWhole(bytes);
      expect(whole, n).toBeDefined();
      const reader = new CarePlanStreamReader(name);
      reader.write(bytes);
      expect(whole).toEqual(reader.end());
    }
  });
});

describe('encoding', () => {
  const row = read(`canonical/${PLAN}`).rows[0]!.fields;

  it('refuses characters outside MS932 and suggests a replacement', () => {
    const bad = [...row];
    bad[6] = '吉田〜𠮷';
    const result = encodeCarePlanFile(PLAN, 'UPPLAN', [bad]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.message)).toEqual([
      `${PLAN} 1行目 7列目「プラン担当者名」 値「吉田〜𠮷」: 「〜」（U+301C）は Shift-JIS（MS932）で書けません。「～」への置き換えを提案します。`,
      `${PLAN} 1行目 7列目「プラン担当者名」 値「吉田〜𠮷」: 「𠮷」（U+20BB7）は Shift-JIS（MS932）で書けません。「吉」への置き換えを提案します。`,
    ]);
  });

  it('refuses delimiters in a field that is not free text and a wrong column count', () => {
    const bad = [...row];
    bad[14] = '11,211';
    const result = encodeCarePlanFile(PLAN, 'UPPLAN', [bad, row.slice(0, 3)]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => `${i.row}:${i.column ?? ''}:${i.rule}`)).toEqual([
        '1:15:format',
        '2::column-count',
      ]);
  });

  it('writes free text quoted with doubled quotes, everything else bare, CRLF after each record', () => {
    const r = [...row];
    r[6] = 'a"b,c\r\nd';
    r[17] = '';
    const result = encodeCarePlanFile(PLAN, 'UPPLAN', [r]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = iconv.decode(Buffer.from(result.bytes), 'cp932');
    expect(text.startsWith('202407,131016,0000012345,20241125,202412,1310100019,"a""b,c\r\nd",580,,')).toBe(true);
    expect(text.endsWith(',"",,1310200017,"ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ ひまわり",,0,1310100019,\r\n')).toBe(true);
  });
});

describe('file names (DOMAIN.md §4.4)', () => {
  it('parses every part of the spec examples', () => {
    const p = parseFileName('UPJSK_201912_0300000005_43_0300000100_11_20191025200201.CSV');
    expect(p.ok).toBe(true);
    if (p.ok)
      expect(p.value).toEqual({
        kind: 'UPJSK',
        month: '201912',
        sender: { office: '0300000005', service: '43' },
        receiver: { office: '0300000100', service: '11' },
        sequence: '20191025200201',
        lowerCaseExtension: false,
      });
    const k = parseFileName('C:\\受信\\UPKIHON_SUB1_0300000100_43_0300000005_11_20191025200201.csv');
    expect(k.ok && k.value.kind === 'UPKIHON_SUB1' && k.value.lowerCaseExtension).toBe(true);
    expect(parseFileName('UPHOSOKU_000000_0300000100_43_0300000005_11_20191025200201.CSV').ok).toBe(true);
  });

  it('reports a dummy example number of the spec as a check-digit warning, not an error', () => {
    const f = parseCarePlanFile('UPPLAN_201912_0300000100_43_0300000005_11_20191025200201.CSV', new Uint8Array());
    const checks = f.issues.filter((i) => i.rule === 'name-check-digit').map((i) => i.message);
    expect(checks).toEqual([
      'UPPLAN_201912_0300000100_43_0300000005_11_20191025200201.CSV: ファイル名の送信元事業所番号「0300000100」の検証番号（10桁目）が計算と合いません（計算上は 6）。',
      'UPPLAN_201912_0300000100_43_0300000005_11_20191025200201.CSV: ファイル名の送信先事業所番号「0300000005」の検証番号（10桁目）が計算と合いません（計算上は 7）。',
    ]);
    expect(f.issues.find((i) => i.rule === 'name-check-digit')?.severity).toBe('warning');
  });

  it('warns when sender and receiver share one 事業所番号 (DOMAIN.md §4.8)', () => {
    const name = 'UPJSK_202412_1310200017_11_1310200017_43_20250105180000.CSV';
    const f = parseCarePlanFile(name, new Uint8Array());
    expect(f.issues.find((i) => i.rule === 'name-same-office')).toMatchObject({
      severity: 'warning',
      message: `${name}: 送信元と送信先の事業所番号が同じです（1310200017）。同じ事業所番号どうしでは送受信できません。`,
    });
  });

  it('warns about a ファイル連番 in the future of the injected clock', () => {
    const { bytes } = fixture(`canonical/${PLAN}`);
    const early = parseCarePlanFile(PLAN, bytes, { now: new Date('2024-11-20T00:00:00Z') });
    expect(early.issues.map((i) => i.rule)).toContain('name-sequence-future');
    const later = parseCarePlanFile(PLAN, bytes, { now: new Date('2024-11-25T00:30:00Z') });
    expect(later.issues.map((i) => i.rule)).not.toContain('name-sequence-future');
  });
});
