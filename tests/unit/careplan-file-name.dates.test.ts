import { describe, expect, it } from 'vitest';
import { fileNameFor, fileSequence, parseCarePlanFile } from '../../electron/services/careplan';

// The 14-digit ファイル連番 is Japan time whatever the machine's zone (DESIGN.md §5); this file runs under
// TZ=UTC and TZ=Asia/Tokyo.

const K = { office: '1310100019', service: '43' };
const H = { office: '1310200017', service: '11' };

describe('file names in Japan time', () => {
  it('stamps the ファイル連番 in Japan time from the injected clock, across the date line', () => {
    // 2024-11-30 15:30:05 UTC = 2024-12-01 00:30:05 in Japan.
    const at = new Date('2024-11-30T15:30:05Z');
    expect(fileSequence(at)).toBe('20241201003005');
    expect(fileNameFor({ kind: 'UPPLAN', month: '202412', sender: K, receiver: H, at })).toBe(
      'UPPLAN_202412_1310100019_43_1310200017_11_20241201003005.CSV',
    );
    expect(fileNameFor({ kind: 'UP1KYO', sender: K, receiver: H, at })).toBe(
      'UP1KYO_1310100019_43_1310200017_11_20241201003005.CSV',
    );
    expect(fileNameFor({ kind: 'UPHOSOKU', month: '000000', sender: K, receiver: H, at })).toBe(
      'UPHOSOKU_000000_1310100019_43_1310200017_11_20241201003005.CSV',
    );
  });

  it('refuses to build a name without its month or with a malformed office number', () => {
    const at = new Date('2024-11-30T15:30:05Z');
    expect(() => fileNameFor({ kind: 'UPPLAN', sender: K, receiver: H, at })).toThrow(RangeError);
    expect(() => fileNameFor({ kind: 'UP1KYO', month: '202412', sender: K, receiver: H, at })).toThrow(RangeError);
    expect(() =>
      fileNameFor({ kind: 'UPJSK', month: '202412', sender: { office: '131010001', service: '11' }, receiver: K, at }),
    ).toThrow(RangeError);
  });

  it('judges a future ファイル連番 against Japan time, not the machine zone', () => {
    const name = 'UPJSK_202412_1310200017_11_1310100019_43_20241202090000.CSV';
    // 2024-12-02 09:00 JST = 2024-12-02 00:00 UTC: one hour later it is not in the future.
    const soon = parseCarePlanFile(name, new Uint8Array(), { now: new Date('2024-12-02T01:00:00Z') });
    expect(soon.issues.map((i) => i.rule)).not.toContain('name-sequence-future');
    const early = parseCarePlanFile(name, new Uint8Array(), { now: new Date('2024-11-30T23:59:00Z') });
    expect(early.issues.map((i) => i.rule)).toContain('name-sequence-future');
  });
});
