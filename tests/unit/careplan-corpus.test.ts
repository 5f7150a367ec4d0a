import { describe, expect, it } from 'vitest';
import {
  encodeCarePlanFile,
  fileNameFor,
  FILE_KINDS,
  layoutOf,
  parseCarePlanFile,
  type ColumnSpec,
  type FileKind,
} from '../../electron/services/careplan';
import { seededRandom } from '../../electron/training/data';

// A generated corpus (fixed seed): for every v4.1 kind, random valid rows — free text with quotes, commas, CRLF,
// half-width kana and NEC/IBM characters — are written and read back to the same rows without any finding.

/** The project's seeded PRNG (mulberry32), so a failing run can be replayed. */
const prng = (seed: number): (() => number) => seededRandom(seed).next;

const TEXT_PIECES = ['介護', 'ｶﾅ', '①', '髙﨑', '"', '""', ',', '\r\n', ' ', 'A', '１２', '～', '№', 'ⅰ', '纊', '＼'];

/** Office number with the check digit of DOMAIN.md §2.16 (computed here independently). */
function office(rnd: () => number): string {
  const nine = `13${Math.floor(rnd() * 10)}${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 8, w = 2; i >= 0; i--, w = 3 - w) {
    const p = Number(nine[i]) * w;
    sum += Math.floor(p / 10) + (p % 10);
  }
  return nine + String((10 - (sum % 10)) % 10);
}

function value(spec: ColumnSpec, kind: FileKind, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const width = spec.exactLength ?? 1 + Math.floor(rnd() * (spec.maxLength ?? 8));
  if (!spec.required && rnd() < 0.2 && spec.type !== 'month') return '';
  switch (spec.type) {
    case 'version':
      return '202407';
    case 'insurer':
      return digits(6);
    case 'insured':
      return rnd() < 0.1 ? `H${digits(9)}` : digits(10);
    case 'date':
      return `202412${String(1 + Math.floor(rnd() * 31)).padStart(2, '0')}`;
    case 'month':
      return '202412';
    case 'time':
      return rnd() < 0.2
        ? '9999'
        : `${String(Math.floor(rnd() * 24)).padStart(2, '0')}${String(Math.floor(rnd() * 60)).padStart(2, '0')}`;
    case 'digits':
      return digits(width);
    case 'integer':
      return rnd() < 0.2 && width > 1 ? `-${digits(width - 1)}` : digits(width);
    case 'office':
      return office(rnd);
    case 'serviceCode':
      // 第7表 rows are 全合計 rows here, so that every person has one; 第6表 avoids 福祉用具貸与 (17/67).
      return kind === 'UPSIKYU' ? '999999' : `11${digits(4)}`;
    case 'serviceKind':
      return pick(['11', '15', '2A', 'A1']);
    case 'dayFlags':
      return Array.from({ length: 31 }, () => (rnd() < 0.5 ? '1' : '0')).join('');
    case 'postal':
      return `${digits(3)}-${digits(4)}`;
    case 'unitPrice':
      return `${digits(2)}.${digits(2)}`;
    case 'code':
      return pick(Object.keys(spec.codes ?? {}));
    case 'text':
      return Array.from({ length: Math.floor(rnd() * 6) }, () => pick(TEXT_PIECES)).join('');
    case 'plain':
      return Array.from({ length: width }, () => pick([...'0123456789ABCZ－-'])).join('');
    case 'unused':
      return '';
  }
}

const K = { office: '1310100019', service: '43' };
const H = { office: '1310200017', service: '11' };

describe('generated corpus round trip (rows → CSV → rows)', () => {
  it.each([...FILE_KINDS])('%s', (kind) => {
    const layout = layoutOf(kind);
    const rnd = prng(kind.split('').reduce((h, c) => h * 31 + c.charCodeAt(0), 7));
    for (let file = 0; file < 20; file++) {
      const rows = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () =>
        layout.columns.map((spec) => value(spec, kind, rnd)),
      );
      // 利用者補足情報 tied to 第6/7表 carries the month; the name month follows the rows.
      const name = fileNameFor({
        kind,
        ...(layout.monthInName ? { month: '202412' } : {}),
        sender: K,
        receiver: H,
        at: new Date('2024-11-25T00:30:00Z'),
      });
      const encoded = encodeCarePlanFile(name, kind, rows);
      expect(encoded.ok).toBe(true);
      if (!encoded.ok) return;
      const read = parseCarePlanFile(name, encoded.bytes, { now: new Date('2024-11-26T00:00:00Z') });
      expect(read.issues).toEqual([]);
      expect(read.rows.map((r) => r.fields)).toEqual(rows);
      const again = encodeCarePlanFile(
        name,
        kind,
        read.rows.map((r) => r.fields),
      );
      expect(again.ok && Buffer.from(again.bytes).equals(Buffer.from(encoded.bytes))).toBe(true);
    }
  });
});
