import { useId } from 'react';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCheckRun } from './useCheckRun';

// 導入チェック (UX.md rule 12): each preparation step checked live, ✓ or ✗ with the exact failing condition. Run it
// again after fixing a step — nothing is remembered between runs, so it always reflects this PC now.

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

export function SetupCheckPanel() {
  const { report, error, busy, showProgress, run } = useCheckRun(() => call('setup.check', {}), {
    clearOnError: false,
  });
  const headingId = useId();

  const failed = report?.items.filter((i) => !i.ok).length ?? 0;
  return (
    <section aria-labelledby={headingId} className="login setup-check">
      <h2 id={headingId}>導入チェック</h2>
      <p>電子請求受付システムID・クライアント証明書・カードリーダー・接続・ログインを、今のこのPCで確かめます。</p>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? '確認しています…' : report ? 'もう一度チェック' : '導入チェックを実行'}
      </button>
      <p aria-live="polite" data-testid="setup-progress">
        {showProgress && (
          <>
            <progress aria-label="導入チェックの進み具合" /> 確認しています…
          </>
        )}
        {!busy && report && (failed === 0 ? 'すべての項目を確認できました。' : `要対応の項目が ${failed} 件あります。`)}
      </p>
      {error && <ErrorNotice error={error} />}
      {report && (
        <>
          <ul className="setup-items" aria-label="導入チェックの結果" data-testid="setup-items">
            {report.items.map((item, i) => (
              <li key={`${item.step}-${i}`} data-step={item.step} data-ok={item.ok}>
                <strong>{item.ok ? '✓ 確認済み' : '✗ 要対応'}</strong> {item.label}: {item.detail}
                {item.code && <span className="error-code">（エラーコード: {item.code}）</span>}
              </li>
            ))}
          </ul>
          <table className="problems subsidy" data-testid="subsidy-caps">
            <caption>参考: 介護情報基盤 導入支援の補助上限（令和8年度、税込）</caption>
            <thead>
              <tr>
                <th scope="col">事業所</th>
                <th scope="col">サービス種類</th>
                <th scope="col">区分</th>
                <th scope="col">カードリーダー</th>
                <th scope="col">上限額</th>
              </tr>
            </thead>
            <tbody>
              {report.subsidy.map((row) => (
                <tr key={row.officeName + row.serviceType}>
                  <th scope="row">{row.officeName}</th>
                  <td>{row.serviceType}</td>
                  {row.group ? (
                    <>
                      <td>{row.group}</td>
                      <td>{row.maxReaders} 台まで</td>
                      <td>{yen(row.maxYen ?? 0)}</td>
                    </>
                  ) : (
                    <td colSpan={3}>このサービス種類の区分は特定できません。国保中央会の案内で確認してください。</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="source">出典: {report.subsidy[0]?.source}</p>
        </>
      )}
    </section>
  );
}
