import type { AppStatus } from '../../../electron/contract';
import { CheckTimings } from './CheckTimings';
import { CertificatePanel } from './CertificatePanel';
import { ConnectionTestPanel } from './ConnectionTestPanel';
import { SetupCheckPanel } from './SetupCheckPanel';

const MODE: Record<AppStatus['mode'], string> = {
  training: '練習モード',
  configured: '本番設定',
  misconfigured: '設定エラー',
};

/** The status call's answer, for installers and support. */
export function SettingsScreen({ status }: { status: AppStatus | null }) {
  if (!status) return <p aria-busy="true">読み込み中…</p>;
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">動作状態</h2>
      <dl className="facts" data-testid="status-facts">
        <dt>バージョン</dt>
        <dd data-field="version">{status.version}</dd>
        <dt>動作モード</dt>
        <dd data-field="mode">{MODE[status.mode]}</dd>
        <dt>データフォルダ</dt>
        <dd data-field="dataDir">{status.dataDir}</dd>
        <dt>キーチェーン</dt>
        <dd data-field="keychain">{status.keychain === 'available' ? '利用可能' : '利用できません'}</dd>
      </dl>
      {status.mode !== 'misconfigured' && <CertificatePanel />}
      <CheckTimings />
      <SetupCheckPanel />
      <ConnectionTestPanel />
    </section>
  );
}
