import type { CarePlanFileReport } from '../../contract';
import type { CarePlanFile } from '../../services/careplan';

// The validation report of one file as the screen shows it: errors first, at most 200 findings.

const rank = (s: string) => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);

export function fileReport(r: CarePlanFile): CarePlanFileReport {
  return {
    file: r.file,
    kind: r.kind ?? null,
    title: r.layout?.title ?? '不明な種別',
    rows: r.rows.length,
    counts: { ...r.counts },
    issues: [...r.issues]
      .sort((a, b) => rank(a.severity) - rank(b.severity))
      .slice(0, 200)
      .map((i) => ({
        severity: i.severity,
        rule: i.rule,
        message: i.message,
        ...(i.row !== undefined ? { row: i.row } : {}),
        ...(i.column !== undefined ? { column: i.column } : {}),
      })),
  };
}
