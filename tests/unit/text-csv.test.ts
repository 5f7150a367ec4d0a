import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvLine, neutraliseCell } from '../../electron/services/text';

// The shared Excel CSV rules (audit export and outage lists): quoted cells, doubled quotes, CRLF, and no cell that
// Excel would run as a formula (CSV injection: = + - @, TAB or CR first).
describe('Excel-safe CSV cells', () => {
  it('neutralises every formula trigger with a leading apostrophe and leaves other text alone', () => {
    for (const bad of ['=SUM(A1)', '+1', '-1+2', '@cmd', '\t=1', '\r=1']) expect(neutraliseCell(bad)).toBe(`'${bad}`);
    for (const ok of ['山田 太郎', '1割 → 2割', '2026-11-26', "'already"]) expect(neutraliseCell(ok)).toBe(ok);
  });

  it('quotes cells, doubles quotes, ends lines with CRLF', () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvLine(['a', 'b,c', '改行\nあり'])).toBe('"a","b,c","改行\nあり"\r\n');
    expect(CSV_BOM).toBe('\uFEFF');
  });
});
