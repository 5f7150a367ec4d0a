import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CarePlanStreamReader, encodeCarePlanFile, parseCarePlanFile } from '../../electron/services/careplan';
import { seededRandom } from '../../electron/training/data';

// Fuzz with a fixed seed and a bounded count (the long run belongs in `npm run soak`): random bytes and mutated
// valid files (truncated, wrong encoding, random bytes, huge fields, stray quotes) never make the codec throw or
// hang, and every finding is a well-formed Japanese message.

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan');
const PLAN = 'UPPLAN_202412_1310100019_43_1310200017_11_20241125093000.CSV';
const valid = fs.readFileSync(path.join(FIXTURES, 'canonical', PLAN));

/** The project's seeded PRNG (mulberry32), so a failing run can be replayed. */
const prng = (seed: number): (() => number) => seededRandom(seed).next;

const INTERESTING = [0x22, 0x2c, 0x0d, 0x0a, 0x81, 0x82, 0xa0, 0xe0, 0xef, 0xf0, 0xfc, 0xfd, 0xff, 0x00, 0x7f];

function mutate(rnd: () => number, input: Buffer): Buffer {
  const pick = (n: number) => Math.floor(rnd() * n);
  const bytes = Buffer.from(input);
  switch (pick(7)) {
    case 0: // truncate
      return bytes.subarray(0, pick(bytes.length));
    case 1: {
      // flip some bytes to interesting values
      for (let k = pick(8) + 1; k > 0; k--) bytes[pick(bytes.length)] = INTERESTING[pick(INTERESTING.length)]!;
      return bytes;
    }
    case 2: // random bytes spliced in
      return Buffer.concat([
        bytes.subarray(0, pick(bytes.length)),
        Buffer.from(Array.from({ length: pick(64) }, () => pick(256))),
        bytes.subarray(pick(bytes.length)),
      ]);
    case 3: // a huge field
      return Buffer.concat([bytes.subarray(0, 60), Buffer.alloc(200_000 + pick(100_000), 0x41), bytes.subarray(60)]);
    case 4: // stray quotes
      return Buffer.concat([
        bytes.subarray(0, pick(bytes.length)),
        Buffer.from('"x"y"'),
        bytes.subarray(pick(bytes.length)),
      ]);
    case 5: // wrong encoding: the same text as UTF-8
      return Buffer.from(bytes.toString('latin1'), 'utf8');
    default: // duplicated and shuffled lines
      return Buffer.concat([bytes, bytes.subarray(pick(bytes.length))]);
  }
}

function check(name: string, bytes: Uint8Array) {
  const f = parseCarePlanFile(name, bytes, { now: new Date('2025-01-10T00:00:00Z') });
  expect(f.counts.error + f.counts.warning + f.counts.note).toBeGreaterThanOrEqual(f.issues.length);
  for (const i of f.issues) {
    expect(typeof i.message).toBe('string');
    expect(i.message).not.toMatch(/\bat .*\.ts:\d+|TypeError|RangeError|undefined/);
  }
  if (f.kind && f.rows.length > 0 && f.rows.every((r) => r.fields.length === 25))
    encodeCarePlanFile(
      name,
      f.kind,
      f.rows.map((r) => r.fields),
    );
  return f;
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
    const rnd = prng(20241125);
    for (let n = 0; n < 400; n++) {
      const bytes = mutate(rnd, valid);
      const whole = check(PLAN, bytes);
      const reader = new CarePlanStreamReader(PLAN, { now: new Date('2025-01-10T00:00:00Z') });
      for (let at = 0; at < bytes.length;) {
        const size = 1 + Math.floor(rnd() * 300);
        reader.write(bytes.subarray(at, at + size));
        at += size;
      }
      const chunked = reader.end();
      expect(chunked.rows).toEqual(whole.rows);
      expect(chunked.counts).toEqual(whole.counts);
    }
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
