import type { AppStatus } from '../../../electron/contract';

/**
 * Shown instead of every screen when the configuration is unreadable or invalid: never training data (DESIGN.md §4).
 * Names the file and field so the installer can fix it.
 */
export function ConfigErrorScreen({ problems }: { problems: AppStatus['configProblems'] }) {
  return (
    <section className="error-notice" role="alert" aria-labelledby="config-error-heading">
      <h2 id="config-error-heading">設定ファイルに問題があるため、起動を中止しました</h2>
      <p>
        次の項目を導入担当者（管理者）に直してもらってから、アプリを再起動してください。（エラーコード: CONFIG_INVALID）
      </p>
      <table className="problems">
        <thead>
          <tr>
            <th scope="col">ファイル</th>
            <th scope="col">項目</th>
            <th scope="col">内容</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td>{p.file}</td>
              <td>{p.field}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
