import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createApp, type KaigoApp } from '../../app';
import { ERROR_MESSAGES, type ErrorCode } from '../../contract/errors';
import { describeVerifyResult } from '../../services/audit';
import { KaigoError } from '../../services/errors';
import {
  exportRecords,
  importRecords,
  readPassphraseFile,
  type TransferDeps,
  type TransferSummary,
} from '../../services/records-transfer';
import { APP_VERSION } from '../../version';
import { EXIT, type CliIo } from '../io';

// `kaigo-desk records export | import` (issue 9): moving an office to a new PC. The records database (outbox, audit
// log, paper 証, notes) is sealed with a passphrase read from a file; the import runs on the new PC after
// provisioning and re-anchors the audit chain under that PC's key (services/records-transfer).

export const recordsHelp =
  'records export --out ファイル --passphrase-file ファイル | records import --in ファイル --passphrase-file ファイル\n' +
  '                       新しいPCへの移行: 記録（送信待ち・監査ログ・紙の証・メモ）をパスフレーズで封をして書き出す / 取り込む';

const MAX_FILE_BYTES = 1024 ** 3;

type Parsed = { sub: 'export' | 'import'; file: string; passphraseFile: string };

function parse(args: string[]): Parsed | string {
  const [sub, ...rest] = args;
  if (sub !== 'export' && sub !== 'import') return 'export か import を指定してください';
  const fileFlag = sub === 'export' ? '--out' : '--in';
  const values: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    if (flag === '--passphrase' || flag.startsWith('--passphrase=')) {
      return 'パスフレーズはコマンドラインでは受け付けません。--passphrase-file でファイルを指定してください';
    }
    if (flag !== fileFlag && flag !== '--passphrase-file') return `不明な引数です: ${flag}`;
    const value = rest[++i];
    if (value === undefined || value.startsWith('--') || value === '') return `${flag} にファイルを指定してください`;
    if (values[flag] !== undefined) return `${flag} が2回指定されています`;
    values[flag] = value;
  }
  if (!values[fileFlag]) return `${fileFlag} でファイルを指定してください`;
  if (!values['--passphrase-file']) return '--passphrase-file でパスフレーズのファイルを指定してください';
  return { sub, file: path.resolve(values[fileFlag]), passphraseFile: values['--passphrase-file'] };
}

function refusal(io: CliIo, code: ErrorCode): number {
  io.stderr(`エラー（${code}）: ${ERROR_MESSAGES[code]}\n`);
  return code === 'KEYCHAIN_UNAVAILABLE' ? EXIT.NO_KEYCHAIN : EXIT.FAILED;
}

function summaryLines(summary: TransferSummary): string[] {
  return [
    ...Object.entries(summary.tables).map(([table, count]) => `  ${table}: ${count}件`),
    `  audit_log: ${summary.auditRows}件`,
  ];
}

function deps(app: KaigoApp): TransferDeps {
  return {
    store: app.store(),
    vault: app.vault(),
    audit: app.audit(),
    clock: () => new Date(),
    appVersion: APP_VERSION,
  };
}

/** Whole file or nothing, readable by this user only; never replaces an existing file. */
function writeNew(file: string, bytes: Buffer): void {
  if (fs.existsSync(file)) throw new Error('exists');
  const temp = `${file}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temp, bytes, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temp, file); // fails if the file appeared meanwhile
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

async function run(app: KaigoApp, parsed: Parsed, passphrase: Buffer, io: CliIo): Promise<number> {
  if (parsed.sub === 'export') {
    if (fs.existsSync(parsed.file)) {
      io.stderr(`records export: ${parsed.file} はすでにあります。別のファイル名を指定してください。\n`);
      return EXIT.USAGE;
    }
    const { file, summary } = exportRecords(deps(app), passphrase);
    try {
      writeNew(parsed.file, file);
    } catch {
      io.stderr(
        `records export: ファイルに書き込めません: ${parsed.file}\n出力先のフォルダと権限を確認してください。\n`,
      );
      return EXIT.FAILED;
    }
    io.stdout(
      [
        `記録を書き出しました: ${parsed.file}`,
        ...summaryLines(summary),
        'パスフレーズはファイルとは別の方法で伝えてください。',
        '',
      ].join('\n'),
    );
    return EXIT.OK;
  }
  let bytes: Buffer;
  try {
    if (fs.statSync(parsed.file).size > MAX_FILE_BYTES) return refusal(io, 'RECORDS_FILE_FORMAT');
    bytes = fs.readFileSync(parsed.file);
  } catch {
    io.stderr(`records import: ファイルを読み取れません: ${parsed.file}\n`);
    return EXIT.FAILED;
  }
  const { summary, verify } = importRecords(deps(app), bytes, passphrase);
  io.stdout(['記録を取り込みました。', ...summaryLines(summary), describeVerifyResult(verify), ''].join('\n'));
  if (verify.kind !== 'ok') return refusal(io, 'AUDIT_CHAIN_BROKEN');
  return EXIT.OK;
}

export async function recordsCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    io.stderr(`records: ${parsed}\n使い方: kaigo-desk ${recordsHelp}\n`);
    return EXIT.USAGE;
  }
  let passphrase: Buffer;
  try {
    passphrase = readPassphraseFile(parsed.passphraseFile);
  } catch (err) {
    if (err instanceof KaigoError) return refusal(io, err.code);
    throw err;
  }
  const app = await createApp();
  try {
    if (app.runtime.mode === 'training') return refusal(io, 'RECORDS_NEEDS_CONFIG');
    if (app.runtime.mode === 'misconfigured') return refusal(io, 'CONFIG_INVALID');
    return await run(app, parsed, passphrase, io);
  } catch (err) {
    if (err instanceof KaigoError) return refusal(io, err.code);
    throw err;
  } finally {
    passphrase.fill(0);
    await app.close();
  }
}
