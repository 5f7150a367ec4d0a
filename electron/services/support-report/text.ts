import type { DatabaseHealth, Failed, SupportReport } from './types';

// The readable form of the report (Japanese, for office staff and support), from the same data as the JSON.

const isFailed = (v: unknown): v is Failed => typeof v === 'object' && v !== null && 'error' in v;
const failedText = (v: Failed) => `確認できません（${v.error}）`;

const MODE: Record<SupportReport['mode'], string> = {
  training: '練習モード',
  configured: '本番設定',
  misconfigured: '設定エラー',
};

function database(name: string, db: DatabaseHealth | Failed): string[] {
  if (isFailed(db)) return [`  ${name}: ${failedText(db)}`];
  const integrity = db.integrity === 'ok' ? '正常' : `問題 ${db.integrity.problems}件`;
  const rows = Object.entries(db.rows).map(([table, n]) => `${table} ${n}`);
  return [`  ${name}: 整合性 ${integrity}・移行 ${db.migrationVersion}`, `    件数: ${rows.join('、') || 'なし'}`];
}

export function supportReportText(r: SupportReport): string {
  const lines = [
    `介護デスク 診断レポート（${r.generatedAt}）`,
    `版: 介護デスク ${r.app.version} / Node ${r.app.node}${r.app.electron ? ` / Electron ${r.app.electron}` : ''}`,
    `OS: ${r.app.platform} ${r.app.osRelease} ${r.app.arch}`,
    `動作モード: ${MODE[r.mode]}`,
    `設定: ${r.configuration.valid ? '正常' : '誤りあり'}${r.configuration.files.length ? `（${r.configuration.files.join(', ')}）` : ''}`,
    ...r.configuration.problems.map((p) => `  問題のある項目: ${p.file} の ${p.field}`),
  ];
  lines.push(
    isFailed(r.readers)
      ? `カードリーダー: ${failedText(r.readers)}`
      : `カードリーダー: ${r.readers.serviceUp ? r.readers.names.join(' / ') || 'なし' : 'スマートカードサービス停止'}`,
  );
  const c = r.connection;
  lines.push(
    isFailed(c)
      ? `接続確認: ${failedText(c)}`
      : !c.checked
        ? `接続確認: 未実施（${c.reason === 'no-certificate' ? 'クライアント証明書が未導入' : '設定エラー'}）`
        : `接続確認: ${c.ok ? '成功' : `失敗（${c.code ?? '不明'}）`}${c.tlsVersion ? `・${c.tlsVersion}` : ''}${
            c.roundTripMs !== null ? `・${Math.round(c.roundTripMs)}ms` : ''
          }${c.interceptionSuspected ? '・SSL検査の疑い' : ''}`,
  );
  lines.push('データベース:', ...database('cache', r.databases.cache), ...database('records', r.databases.records));
  const a = r.audit;
  lines.push(
    isFailed(a)
      ? `監査ログ: ${failedText(a)}`
      : a.result === 'ok'
        ? `監査ログ: 改ざんなし（${a.count}件）`
        : `監査ログ: 検証失敗（${a.result}${a.seq !== undefined ? ` #${a.seq}` : ''}）`,
  );
  if (isFailed(r.cardCheckTimings)) lines.push(`カード確認の所要時間: ${failedText(r.cardCheckTimings)}`);
  else {
    lines.push('カード確認の所要時間（直近7日）:');
    for (const t of r.cardCheckTimings) {
      lines.push(
        `  ${t.phase}: ${t.count}回${t.p50Ms !== null ? ` p50 ${Math.round(t.p50Ms)}ms p95 ${Math.round(t.p95Ms ?? 0)}ms` : ''}`,
      );
    }
  }
  if (isFailed(r.lastErrors)) lines.push(`最近のエラー: ${failedText(r.lastErrors)}`);
  else {
    const errors = [
      ...r.lastErrors.outbox.map((e) => `  送信: ${e.code} ×${e.count}（最後 ${e.lastAt}）`),
      ...r.lastErrors.audit.map((e) => `  ${e.at} ${e.action}: ${e.outcome}`),
    ];
    lines.push(`最近のエラー: ${errors.length ? '' : 'なし'}`, ...errors);
  }
  return lines.join('\n') + '\n';
}
