import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CarePlanStreamReader, parseCarePlanFile, type CarePlanFile } from '../../electron/services/careplan';
import { tokenizeCleanMs932 } from '../../electron/services/careplan/csv-bytes';
import { CsvTokenizer, type CsvRecord } from '../../electron/services/careplan/csv-tokenizer';
import { Ms932Decoder } from '../../electron/services/careplan/ms932';
import { fuzzCarePlan, mutate, prng, readProblems } from '../support/careplan-fuzz';

// Fuzz with a fixed seed and a bounded count (the 100,000-file run is `npm run soak -- careplan`, with the same
// mutations from tests/support/careplan-fuzz.ts): random bytes and mutated valid files (truncated, wrong encoding,
// random bytes, huge fields, stray quotes) never make the codec throw or hang, and every finding is a well-formed
// Japanese message.

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan');
const PLAN = 'UPPLAN_202412_1310100019_43_1310200017_11_20241125093000.CSV';
const valid = fs.readFileSync(path.join(FIXTURES, 'canonical', PLAN));

/** One read through the shared fuzz properties (no throw, counts cover findings, well-formed messages, writable). */
function check(name: string, bytes: Uint8Array): CarePlanFile {
  const { file, problems } = readProblems(name, bytes);
  expect(problems).toEqual([]);
  return file!;
}

describe('fuzz (fixed seed, bounded)', () => {
  it('random bytes never crash the reader', () => {
    const rnd = prng(0x6b616967);
    for (let n = 0; n < 300; n++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(rnd() * 2000) }, () => Math.floor(rnd() * 256)));
      check(PLAN, bytes);
    }
  });

  it('mutated valid files never crash the reader, whole or in random chunks', () => {
    const run = fuzzCarePlan({ name: PLAN, valid, seed: 20241125, count: 400 });
    expect(run.problems).toEqual([]);
  });

  it("the whole-file fast path gives the exact path's result on mutated files, findings included", () => {
    // parseCarePlanFile tries csv-bytes.ts first; one write to the stream reader always takes the exact path.
    const rnd = prng(8);
    let fast = 0;
    for (let n = 0; n < 400; n++) {
      const bytes = mutate(rnd, valid);
      const options = { now: new Date('2025-01-10T00:00:00Z') };
      const whole = parseCarePlanFile(PLAN, bytes, options);
      const reader = new CarePlanStreamReader(PLAN, options);
      reader.write(bytes);
      expect(whole).toEqual(reader.end());
      if (new CarePlanStreamReader(PLAN, options).readWhole(bytes)) fast++;
    }
    // Both paths were compared: many mutations stay clean MS932 (truncated, duplicated lines, a huge field).
    expect(fast).toBeGreaterThan(100);
    expect(fast).toBeLessThan(400);
  });

  it('the byte tokenizer gives the decoder + tokenizer records on random CSV of repeating values', () => {
    // Values repeat (and share prefixes) so that the intern table and the same-as-last-row match are exercised.
    const POOL = [
      '',
      'a',
      'ab',
      'abc',
      '2024120',
      '20241201',
      '20241202',
      '髙﨑',
      'ｱｲ',
      '"',
      'a""',
      'b""',
      ',',
      '\r\n',
      '①～',
    ];
    const rnd = prng(0x62797465);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const exact = (bytes: Uint8Array) => {
      const out: CsvRecord[] = [];
      const t = new CsvTokenizer((r) => out.push(r));
      const d = new Ms932Decoder();
      t.write(d.write(bytes) + d.end());
      t.end();
      return { out, lineEnds: t.lineEnds };
    };
    for (let n = 0; n < 200; n++) {
      const width = 1 + Math.floor(rnd() * 40);
      const rows = Array.from({ length: Math.floor(rnd() * 30) }, () =>
        Array.from({ length: width }, () => {
          const v = pick(POOL);
          return /[",\r\n]/.test(v) || rnd() < 0.2 ? `"${v.replaceAll('"', '""')}"` : v;
        }).join(','),
      );
      const lineEnd = pick(['\r\n', '\n', '\r']);
      const text = rows.join(lineEnd) + (rnd() < 0.5 ? lineEnd : '');
      const bytes = iconv.encode(text, 'cp932');
      const out: CsvRecord[] = [];
      const lineEnds = tokenizeCleanMs932(bytes, (r) => out.push(r));
      expect(lineEnds).toBeDefined();
      expect({ out, lineEnds }).toEqual(exact(bytes));
    }
  });

  it('mutations of every canonical fixture kind read without a problem, whole and in chunks', () => {
    const dir = path.join(FIXTURES, 'canonical');
    const names = fs.readdirSync(dir).sort();
    expect(names.length).toBeGreaterThanOrEqual(17);
    const problems = names.flatMap((name, k) =>
      fuzzCarePlan({ name, valid: fs.readFileSync(path.join(dir, name)), seed: 20261126 + k, count: 40 }).problems.map(
        (p) => `${name} ${p}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('random file names never crash the name parser', () => {
    const rnd = prng(7);
    const parts = [
      'UPPLAN',
      'UPJSK',
      '_',
      '202412',
      '1310100019',
      '43',
      '11',
      '20241125093000',
      '.CSV',
      '.csv',
      'Ｘ',
      '/',
      '',
    ];
    for (let n = 0; n < 500; n++) {
      const name = Array.from({ length: Math.floor(rnd() * 12) }, () => parts[Math.floor(rnd() * parts.length)]).join(
        '',
      );
      check(name, valid);
    }
  });

  it('a single 8 MB line without delimiters is one clear finding, not a hang', () => {
    const f = check(PLAN, Buffer.concat([valid, Buffer.alloc(8 * 1024 * 1024, 0x31)]));
    expect(f.issues.filter((i) => i.severity === 'error').map((i) => [i.rule, i.row])).toEqual([['column-count', 5]]);
    expect(f.issues.find((i) => i.rule === 'column-count')?.message).toContain('項目数が1です');
  });
});
