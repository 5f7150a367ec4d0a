import type { CarePlanReport } from '../../../electron/contract';

const SEVERITY = { error: 'エラー', warning: '警告', note: '注記' } as const;

/** The validator's findings per file: file, row, column and rule in each message (issue 8 §2). */
export function ValidationReport({ report }: { report: CarePlanReport }) {
  return (
    <section aria-label="検査結果" className="careplan-report">
      {report.files.map((f) => (
        <div key={f.file}>
          <h3>
            {f.file}（{f.title}、{f.rows}行）: エラー {f.counts.error}件・警告 {f.counts.warning}件・注記{' '}
            {f.counts.note}件
          </h3>
          {f.issues.length > 0 && (
            <ul>
              {f.issues.map((i, n) => (
                <li key={n} className={`issue-${i.severity}`}>
                  [{SEVERITY[i.severity]}] {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
