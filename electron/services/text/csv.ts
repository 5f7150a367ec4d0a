// CSV for Excel (shared by the audit export and the outage lists): UTF-8 with a BOM (so Excel detects UTF-8), CRLF
// line ends, every cell quoted with quotes doubled, and cells that Excel would read as a formula (= + - @, TAB or
// CR first) neutralised with a leading apostrophe (CSV injection).

export const CSV_BOM = '\uFEFF';

export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  return `"${neutraliseCell(value).replace(/"/g, '""')}"`;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
