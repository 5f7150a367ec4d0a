import { formatWareki, japanStamp, toJapanTime } from '../../contract';
import type { AppStatus } from '../../contract';
import { createApp } from '../../app';
import { EXIT, type CliIo } from '../io';

const MODE_LABEL: Record<AppStatus['mode'], string> = {
  training: '練習モード — 実在の利用者ではありません',
  configured: '本番設定',
  misconfigured: '設定エラー',
};

const CONNECTIVITY_LABEL: Record<AppStatus['connectivity'], string> = {
  unknown: '未確認',
  online: 'オンライン',
  degraded: '不安定',
  offline: 'オフライン',
  outage: 'サービス障害',
  certificate: '証明書の問題',
};

export const statusHelp = 'status [--json]      版・データフォルダ・動作モード・接続状態・キーチェーンを表示';

/** Always exits 0 when it can report, whatever it reports (offline, no keychain, no reader). */
export async function statusCommand(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length > 0) {
    io.stderr(`status: 不明な引数です: ${unknown.join(' ')}\n`);
    return EXIT.USAGE;
  }
  const app = await createApp();
  try {
    const status = app.getStatus();
    if (json) {
      io.stdout(JSON.stringify(status) + '\n');
      return EXIT.OK;
    }
    const now = new Date(status.now);
    const lines = [
      `介護デスク (Kaigo Desk) ${status.version}`,
      `動作モード: ${MODE_LABEL[status.mode]}`,
      `データフォルダ: ${status.dataDir}`,
      `接続状態: ${CONNECTIVITY_LABEL[status.connectivity]}`,
      `キーチェーン: ${status.keychain === 'available' ? '利用可能' : '利用できません（証明書や記録の保存には必要です）'}`,
      `現在時刻: ${formatWareki(toJapanTime(now))}（${japanStamp(now)} 日本時間）`,
    ];
    for (const problem of app.runtime.problems) {
      lines.push(`設定の問題: ${problem.file} の ${problem.field} — ${problem.message}`);
    }
    io.stdout(lines.join('\n') + '\n');
    return EXIT.OK;
  } finally {
    await app.close();
  }
}
