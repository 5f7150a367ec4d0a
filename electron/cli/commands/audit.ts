import path from 'node:path';
import { createApp, type KaigoApp } from '../../app';
import { ERROR_MESSAGES } from '../../contract/errors';
import { describeVerifyResult, japanDayRange } from '../../services/audit';
import { KaigoError } from '../../services/errors';
import { EXIT, type CliIo } from '../io';
import { writeTextAtomic } from '../write-atomic';

// `kaigo-desk audit verify` and `kaigo-desk audit export` (DESIGN.md §4 "Audit integrity"; issue 3).

export const auditHelp =
  'audit verify | audit export --out ファイル [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n' +
  '                       監査ログの改ざん検証 / 運営指導用のCSV出力（Excel向け、日本時間）';

const TRAINING_NOTICE = '練習モード — 実在の利用者ではありません';

interface ExportArgs {
  out: string;
  from?: string;
  to?: string;
}

function parseExportArgs(args: string[]): ExportArgs | string {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    if (!['--out', '--from', '--to'].includes(flag)) return `不明な引数です: ${flag}`;
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) return `${flag} の値がありません`;
    values[flag.slice(2)] = value;
  }
  if (!values.out) return '--out で出力先のファイルを指定してください';
  return { out: values.out, from: values.from, to: values.to };
}

function failure(io: CliIo, err: unknown): number {
  if (err instanceof KaigoError) {
    io.stderr(`エラー（${err.code}）: ${ERROR_MESSAGES[err.code]}\n`);
    return err.code === 'KEYCHAIN_UNAVAILABLE' ? EXIT.NO_KEYCHAIN : EXIT.FAILED;
  }
  throw err;
}

async function verify(app: KaigoApp, io: CliIo): Promise<number> {
  const result = app.audit().verify();
  const text = describeVerifyResult(result);
  if (result.kind === 'ok') {
    io.stdout(text + '\n');
    return EXIT.OK;
  }
  io.stderr(`${text}\n${ERROR_MESSAGES.AUDIT_CHAIN_BROKEN}\n`);
  return EXIT.FAILED;
}

async function exportCsv(app: KaigoApp, args: ExportArgs, io: CliIo): Promise<number> {
  const range = japanDayRange(args.from, args.to);
  if (!range) {
    io.stderr('audit export: 日付は YYYY-MM-DD 形式の実在する日で、--from は --to 以前にしてください。\n');
    return EXIT.USAGE;
  }
  const audit = app.audit();
  const result = audit.verify();
  const notice = app.runtime.mode === 'training' ? TRAINING_NOTICE : undefined;
  const { csv, count } = audit.exportCsv(range, notice);
  const file = path.resolve(args.out);
  try {
    writeTextAtomic(file, csv);
  } catch {
    io.stderr(`audit export: ファイルに書き込めません: ${file}\n出力先のフォルダと権限を確認してください。\n`);
    return EXIT.FAILED;
  }
  audit.record({ staffId: 'cli', action: 'export', detail: { rows: count, format: 'AUDIT_CSV' } });
  io.stdout(`${count}件を出力しました: ${file}\n`);
  if (result.kind !== 'ok') {
    // The rows are exported as found; the inspector must know the chain did not verify.
    io.stderr(`${describeVerifyResult(result)}\n${ERROR_MESSAGES.AUDIT_CHAIN_BROKEN}\n`);
    return EXIT.FAILED;
  }
  return EXIT.OK;
}

export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify' && sub !== 'export') {
    io.stderr(`使い方: kaigo-desk ${auditHelp}\n`);
    return EXIT.USAGE;
  }
  if (sub === 'verify' && rest.length > 0) {
    io.stderr(`audit verify: 不明な引数です: ${rest.join(' ')}\n`);
    return EXIT.USAGE;
  }
  const parsed = sub === 'export' ? parseExportArgs(rest) : null;
  if (typeof parsed === 'string') {
    io.stderr(`audit export: ${parsed}\n使い方: kaigo-desk ${auditHelp}\n`);
    return EXIT.USAGE;
  }
  const app = await createApp();
  try {
    return sub === 'verify' ? await verify(app, io) : await exportCsv(app, parsed!, io);
  } catch (err) {
    return failure(io, err);
  } finally {
    await app.close();
  }
}
