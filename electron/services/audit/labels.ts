import type { AuditAction, VerifyResult } from './types';

/** Japanese names of the audited actions (CSV export, CLI). */
export const ACTION_LABELS: Record<AuditAction, string> = {
  view: '閲覧',
  print: '印刷',
  export: 'ファイル出力',
  send: '送信',
  'card-check': 'カードによる本人確認',
  login: 'ログイン',
  'offline-unlock': 'オフラインでのロック解除',
  purge: '閲覧期限切れデータの削除',
  'config-change': '設定変更',
  'paper-entry': '紙の証の入力',
  reception: '障害時受付',
};

export function actionLabel(action: string): string {
  return Object.hasOwn(ACTION_LABELS, action) ? ACTION_LABELS[action as AuditAction] : `不明な操作（${action}）`;
}

/** One Japanese sentence per verification outcome, for the CLI and the UI. */
export function describeVerifyResult(result: VerifyResult): string {
  switch (result.kind) {
    case 'ok':
      return result.unsealed > 0
        ? `監査ログは正常です（${result.count}件。うち最後の${result.unsealed}件は終了直前に記録され、封印は次回の記録で更新されます）。`
        : `監査ログは正常です（${result.count}件）。`;
    case 'bad-row':
      return result.reason === 'mac'
        ? `監査ログの${result.seq}番目の行が改ざんされています（検証コードが一致しません）。`
        : `監査ログの${result.seq}番目の行が見つかりません（途中の行が削除されています）。`;
    case 'tail-deleted':
      return `監査ログの末尾が削除されています（封印された記録は${result.headSeq}件、ファイルには${result.fileSeq}件）。`;
    case 'older-file':
      return `古い監査ログのファイルが戻されています（封印された記録は${result.headSeq}件、ファイルには${result.fileSeq}件）。`;
    case 'head-mismatch':
      return `監査ログの${result.seq}番目の行が封印された記録と一致しません（ファイルが置き換えられています）。`;
    case 'head-missing':
      return `監査ログの封印が見つかりません（ファイルには${result.fileSeq}件）。ファイルが別の場所から持ち込まれた可能性があります。`;
  }
}
