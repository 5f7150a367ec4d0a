import path from 'node:path';
import { currentHost } from '../../app';
import { trainingDataDir } from '../../services/config';
import { toJapanTime } from '../../contract/time';
import { generateTrainingData } from '../../training/data';
import { loadOrCreateTrainingPki } from '../../training/pki';
import { startTrainingServer, TRAINING_OFFICES, TRAINING_STAFF } from '../../training/server';
import { EXIT, type CliIo } from '../io';

// `kaigo-desk training [serve]`: runs the training backend in the foreground (issue 5 item 5). Once it listens it
// prints ONE JSON line on stdout — { url, caFile, p12File, p12Password } — for scripts and the installer practice;
// everything else (accounts, one-time passwords from the training mailbox) goes to stderr. Training data only.

export const trainingHelp = [
  'training [serve] [--port N] [--dir フォルダ] [--persons N] [--seed S]',
  '                       練習用サーバーを起動（TLS 1.3・クライアント証明書必須）。待ち受け後に接続情報を1行のJSONで表示（Ctrl+C で終了）',
  '                       --persons N 人の練習用利用者（既定 200）を --seed S から決定的に生成',
].join('\n');

const VALUED = ['--port', '--dir', '--persons', '--seed'];

function parse(args: string[]): Map<string, string> | string {
  const values = new Map<string, string>();
  const rest = args[0] === 'serve' ? args.slice(1) : args;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!VALUED.includes(a)) return `不明な引数です: ${a}`;
    const v = rest[++i];
    if (v === undefined || v.startsWith('--')) return `${a} に値が必要です`;
    values.set(a, v);
  }
  const port = values.get('--port');
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) <= 65535)) return '--port は 0〜65535 の数字です';
  const persons = values.get('--persons');
  if (persons !== undefined && !(/^\d{1,6}$/.test(persons) && Number(persons) >= 1)) {
    return '--persons は 1 以上の数字です';
  }
  const seed = values.get('--seed');
  if (seed !== undefined && !/^\d{1,9}$/.test(seed)) return '--seed は9桁までの数字です';
  return values;
}

export async function trainingCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    io.stderr(`training: ${parsed}\n使い方: kaigo-desk ${trainingHelp}\n`);
    return EXIT.USAGE;
  }
  const host = { ...currentHost(), env: io.env };
  const dir = parsed.get('--dir') ?? path.join(trainingDataDir(host), 'server');
  const files = loadOrCreateTrainingPki(dir, TRAINING_OFFICES);
  const server = await startTrainingServer({
    pki: files.pki,
    port: Number(parsed.get('--port') ?? '0'),
    data: generateTrainingData({
      seed: Number(parsed.get('--seed') ?? '1'),
      persons: Number(parsed.get('--persons') ?? '200'),
      today: toJapanTime(new Date()),
    }),
  });
  server.mailbox.onDeliver((m) => io.stderr(`【練習用メール】${m.to} 宛 ワンタイムパスワード: ${m.code}\n`));

  io.stdout(
    JSON.stringify({
      url: server.url,
      caFile: files.caFile,
      p12File: files.p12Files[0]!.file,
      p12Password: files.p12Password,
    }) + '\n',
  );
  io.stderr(
    [
      `練習用サーバー（練習モード — 実在の利用者ではありません）: ${server.url}`,
      ...files.p12Files.map((f) => `  事業所 ${f.officeNumber} の証明書: ${f.file}`),
      '  練習用アカウント（ID / パスワード / 職種 / 事業所）:',
      ...TRAINING_STAFF.map((s) => `    ${s.staffId} / ${s.password} / ${s.jobType} / ${s.officeNumber}`),
      '  Ctrl+C で終了します。',
      '',
    ].join('\n'),
  );

  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await server.close();
  return EXIT.OK;
}
