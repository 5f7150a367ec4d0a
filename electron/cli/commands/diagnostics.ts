import os from 'node:os';
import path from 'node:path';
import { createApp, type KaigoApp } from '../../app';
import { collectSupportReport, supportReportText, type ReportSources } from '../../services/support-report';
import { EXIT, type CliIo } from '../io';
import { writeTextAtomic } from '../write-atomic';

// `kaigo-desk diagnostics [--out FILE] [--json]` (issue 9): a report for support with no personal data — versions,
// mode, configuration validity (problem fields only), readers, a connection check when a certificate is installed,
// database health (integrity, migration, row counts), the audit chain result and the last error codes.

export const diagnosticsHelp =
  'diagnostics [--out ファイル] [--json]\n' +
  '                       サポート用の診断レポート（個人情報なし）。--out でJSONと読みやすい文章（.txt）を保存';

function parse(args: string[]): { out: string | null; json: boolean } | string {
  let out: string | null = null;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--out') {
      const v = args[++i];
      if (v === undefined || v.startsWith('--') || v === '') return '--out にファイルを指定してください';
      out = path.resolve(v);
    } else return `不明な引数です: ${a}`;
  }
  return { out, json };
}

/** report.json → report.txt; anything else gets .txt appended. */
export const textFileFor = (file: string) => (file.endsWith('.json') ? file.slice(0, -5) : file) + '.txt';

function sources(app: KaigoApp): ReportSources {
  return {
    version: app.getStatus().version,
    clock: () => new Date(),
    platform: {
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      platform: os.platform(),
      osRelease: os.release(),
      arch: os.arch(),
    },
    homeDir: os.homedir(),
    runtime: app.runtime,
    readers: async () => app.handlers['card.readers']({}),
    certificateInstalled: async () => (await app.handlers['certificate.status']({})).installed !== null,
    connectionCheck: async () => app.handlers['connection.check']({}),
    cache: () => app.store().cache(),
    records: () => app.store().records(),
    audit: () => app.audit(),
  };
}

export async function diagnosticsCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    io.stderr(`diagnostics: ${parsed}\n使い方: kaigo-desk ${diagnosticsHelp}\n`);
    return EXIT.USAGE;
  }
  const app = await createApp();
  try {
    const report = await collectSupportReport(sources(app));
    const json = JSON.stringify(report, null, 2) + '\n';
    const text = supportReportText(report);
    if (parsed.out) {
      try {
        writeTextAtomic(parsed.out, json);
        writeTextAtomic(textFileFor(parsed.out), text);
      } catch {
        io.stderr(`diagnostics: ファイルに書き込めません: ${parsed.out}\n出力先のフォルダと権限を確認してください。\n`);
        return EXIT.FAILED;
      }
    }
    io.stdout(parsed.json ? json : text);
    if (parsed.out && !parsed.json) io.stdout(`保存しました: ${parsed.out} / ${textFileFor(parsed.out)}\n`);
    return EXIT.OK;
  } finally {
    await app.close();
  }
}
