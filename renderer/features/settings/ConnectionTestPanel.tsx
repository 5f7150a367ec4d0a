import { useId } from 'react';
import { japanStamp, type ConnectionCheckReport } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCheckRun } from './useCheckRun';

// 接続テスト (issue 5 item 3) in plain Japanese for installers: where we connect, whether it is TLS 1.3, the cipher,
// who issued the server certificate, which office certificate we presented, and how long an answer took — with a
// clear warning when a TLS-inspecting proxy seems to sit in between.

const SERVER_PROBLEM: Record<NonNullable<ConnectionCheckReport['serverProblem']>, string> = {
  'unknown-issuer': '信頼する発行元の一覧にない発行元です',
  expired: 'サーバー証明書の有効期限が切れています',
  'not-yet-valid': 'サーバー証明書の有効期間がまだ始まっていません',
  'wrong-name': 'サーバー証明書の名前が接続先と一致しません',
  other: 'サーバー証明書を確認できませんでした',
};

export function ConnectionTestPanel() {
  const { report, error, busy, showProgress, run } = useCheckRun(() => call('connection.check', {}), {
    clearOnError: true,
  });
  const headingId = useId();

  return (
    <section aria-labelledby={headingId} className="login connection-test">
      <h2 id={headingId}>接続テスト</h2>
      <p>
        介護WEBサービス{report?.training ? '（練習モードでは練習用サーバー）' : ''}と安全に接続できるかを確かめます。
      </p>
      <button type="button" onClick={() => void run()} disabled={busy} aria-describedby={`${headingId}-progress`}>
        {busy ? '確認しています…' : '接続テストを実行'}
      </button>
      <p id={`${headingId}-progress`} aria-live="polite" data-testid="connection-progress">
        {showProgress && (
          <>
            <progress aria-label="接続テストの進み具合" /> 接続を確認しています…
          </>
        )}
      </p>
      {error && <ErrorNotice error={error} />}
      {report && (
        <>
          {report.interceptionSuspected && (
            <div className="error-notice" role="alert" data-testid="interception-warning">
              <p>
                注意:
                通信を検査するプロキシ（SSLインスペクション）が、サーバー証明書を差し替えている可能性があります。介護WEBサービスへの通信を検査の対象から外すよう、ネットワーク管理者に依頼してください。
              </p>
            </div>
          )}
          <dl className="facts" data-testid="connection-report">
            <dt>結果</dt>
            <dd data-field="result">{report.ok ? '✓ 接続できました' : '✗ 接続できませんでした'}</dd>
            <dt>接続先</dt>
            <dd data-field="endpoint">
              {report.endpoint}
              {report.training && '（練習用サーバー）'}
            </dd>
            <dt>通信の方式</dt>
            <dd data-field="tls">
              {report.tlsVersion === 'TLSv1.3' ? '✓ TLS 1.3' : `✗ ${report.tlsVersion ?? '確立できませんでした'}`}
            </dd>
            <dt>暗号</dt>
            <dd data-field="cipher">{report.cipher ?? '—'}</dd>
            <dt>サーバー証明書の発行元</dt>
            <dd data-field="serverRoot">
              {report.serverRoot ?? '—'}
              {report.serverProblem && `（${SERVER_PROBLEM[report.serverProblem]}）`}
            </dd>
            <dt>使った事業所証明書</dt>
            <dd data-field="clientCertificate">
              {report.clientCertificate
                ? `${report.clientCertificate.subject}（${japanStamp(new Date(report.clientCertificate.notAfter))} まで有効）`
                : '—'}
            </dd>
            <dt>応答時間</dt>
            <dd data-field="roundTrip">{report.roundTripMs === null ? '—' : `${Math.round(report.roundTripMs)} ms`}</dd>
          </dl>
          {!report.ok && report.message && (
            <div className="error-notice" role="alert">
              <p>{report.message}</p>
              <p className="error-code">エラーコード: {report.code}</p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
