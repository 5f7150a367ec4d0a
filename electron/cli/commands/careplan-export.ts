import fs from 'node:fs';
import path from 'node:path';
import { parseSendUnitJson, writeSendUnit } from '../../services/careplan';
import { EXIT, type CliIo } from '../io';

// `kaigo-desk careplan export MODEL.json --out DIR`: writes one send unit (DOMAIN.md §4.6) as canonical v4.1 files
// named per §4.4 (Japan-time ファイル連番) into DIR, for the official client or browser upload. The input is the
// send-unit JSON of services/careplan/model/unit-json.ts. Nothing is written unless every file is valid; existing
// files are never overwritten.

export const careplanExportHelp =
  'careplan export MODEL.json --out DIR  送信単位のJSON（from・to・parts）から連携用CSVを作成（送受信台帳には記録しません。台帳に残す送信はアプリの画面から）';

export async function careplanExportCommand(args: string[], io: CliIo, now: () => Date): Promise<number> {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const rest = args.filter((_, i) => i !== outAt && i !== outAt + 1);
  if (!out || rest.length !== 1 || rest[0]!.startsWith('--')) {
    io.stderr(`careplan export: 入力のJSONと --out を指定してください。\n使い方: kaigo-desk ${careplanExportHelp}\n`);
    return EXIT.USAGE;
  }
  let text: string;
  try {
    text = fs.readFileSync(rest[0]!, 'utf8');
  } catch {
    io.stderr(`careplan export: ${path.basename(rest[0]!)} を読めません。\n`);
    return EXIT.FAILED;
  }
  const parsed = parseSendUnitJson(text);
  if (!parsed.ok) {
    io.stderr(`careplan export: 入力のJSONが正しくありません。\n${parsed.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return EXIT.FAILED;
  }
  const unit = writeSendUnit({ ...parsed.value, at: now() });
  if (!unit.ok) {
    io.stdout(`${unit.issues.map((i) => `  [エラー ${i.rule}] ${i.message}`).join('\n')}\n`);
    io.stderr(`careplan export: エラーが${unit.issues.length}件あるため、ファイルを作成しませんでした。\n`);
    return EXIT.FAILED;
  }
  try {
    fs.mkdirSync(out, { recursive: true });
    const clash = unit.files.find((f) => fs.existsSync(path.join(out, f.name)));
    if (clash) {
      io.stderr(`careplan export: ${clash.name} が既にあります（上書きしません）。\n`);
      return EXIT.FAILED;
    }
    for (const f of unit.files) fs.writeFileSync(path.join(out, f.name), f.bytes, { flag: 'wx' });
  } catch {
    io.stderr(`careplan export: 出力先フォルダに書き込めません。\n`);
    return EXIT.FAILED;
  }
  const lines = unit.files.map((f) => `  ${f.name}（${f.bytes.length}バイト）`);
  for (const w of unit.warnings) lines.push(`  [警告 ${w.rule}] ${w.message}`);
  io.stdout(`作成しました（${unit.files.length}ファイル）:\n${lines.join('\n')}\n`);
  return EXIT.OK;
}
