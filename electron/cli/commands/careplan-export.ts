import fs from 'node:fs';
import path from 'node:path';
import {
  applyReplacements,
  parseSendUnitJson,
  replacementCandidates,
  writeSendUnit,
  type ReplacementCandidate,
} from '../../services/careplan';
import { EXIT, type CliIo } from '../io';

// `kaigo-desk careplan export MODEL.json --out DIR`: writes one send unit (DOMAIN.md §4.6) as canonical v4.1 files
// named per §4.4 (Japan-time ファイル連番) into DIR, for the official client or browser upload. The input is the
// send-unit JSON of services/careplan/model/unit-json.ts. Nothing is written unless every file is valid; existing
// files are never overwritten. Characters MS932 cannot write, and machine-dependent ones other vendors may garble
// (髙, 﨑, ① …), are listed with suggestions; they are replaced only as the user chooses (`--replace 髙=高`, or
// `--accept-suggested`), and every replacement made is printed in the report as the record of that choice.

export const careplanExportHelp =
  'careplan export MODEL.json --out DIR [--replace 文字=置換後]… [--accept-suggested]  送信単位のJSON（from・to・parts）から連携用CSVを作成（送受信台帳には記録しません。台帳に残す送信はアプリの画面から）';

const candidateLine = (c: ReplacementCandidate) =>
  `  「${c.char}」（${c.codePoint}）${c.count}箇所: ${c.required ? 'Shift-JIS（MS932）で書けません' : '機種依存文字です（相手のソフトで文字化けすることがあります）'}。` +
  (c.suggestion !== null
    ? `提案:「${c.suggestion}」（--replace ${c.char}=${c.suggestion}）`
    : '置き換える文字を --replace で指定してください');

/** Splits the arguments into the input file, --out, the --replace choices and --accept-suggested. */
function parseArgs(
  args: string[],
):
  | { ok: true; input: string; out: string; replace: Map<string, string>; acceptSuggested: boolean }
  | { ok: false; problem?: string } {
  const replace = new Map<string, string>();
  const rest: string[] = [];
  let out: string | undefined;
  let acceptSuggested = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--out') out = args[++i];
    else if (a === '--accept-suggested') acceptSuggested = true;
    else if (a === '--replace') {
      const choice = args[++i] ?? '';
      const at = choice.indexOf('=');
      const char = at > 0 ? choice.slice(0, at) : '';
      if ([...char].length !== 1)
        return { ok: false, problem: `--replace は「文字=置換後」で1文字ずつ指定してください（${choice}）。` };
      replace.set(char, choice.slice(at + 1));
    } else rest.push(a);
  }
  if (!out || rest.length !== 1 || rest[0]!.startsWith('--')) return { ok: false };
  return { ok: true, input: rest[0]!, out, replace, acceptSuggested };
}

export async function careplanExportCommand(args: string[], io: CliIo, now: () => Date): Promise<number> {
  const parsedArgs = parseArgs(args);
  if (!parsedArgs.ok) {
    io.stderr(
      `careplan export: ${parsedArgs.problem ?? '入力のJSONと --out を指定してください。'}\n使い方: kaigo-desk ${careplanExportHelp}\n`,
    );
    return EXIT.USAGE;
  }
  const { input, out } = parsedArgs;
  let text: string;
  try {
    text = fs.readFileSync(input, 'utf8');
  } catch {
    io.stderr(`careplan export: ${path.basename(input)} を読めません。\n`);
    return EXIT.FAILED;
  }
  const parsed = parseSendUnitJson(text);
  if (!parsed.ok) {
    io.stderr(`careplan export: 入力のJSONが正しくありません。\n${parsed.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return EXIT.FAILED;
  }
  // The user's choices: each --replace, then (with --accept-suggested) every suggestion not chosen otherwise.
  const choices = new Map(parsedArgs.replace);
  if (parsedArgs.acceptSuggested)
    for (const c of replacementCandidates(parsed.value.parts))
      if (c.suggestion !== null && !choices.has(c.char)) choices.set(c.char, c.suggestion);
  const replaced = applyReplacements(parsed.value.parts, choices);
  if (!replaced.ok) {
    io.stderr(`careplan export: ${replaced.problem}\n`);
    return EXIT.FAILED;
  }
  const left = replacementCandidates(replaced.parts);
  const blocking = left.filter((c) => c.required);
  if (blocking.length > 0) {
    io.stdout(`置き換えが必要な文字:\n${blocking.map(candidateLine).join('\n')}\n`);
    io.stderr(
      `careplan export: Shift-JIS（MS932）で書けない文字が${blocking.length}種類あるため、ファイルを作成しませんでした（--replace または --accept-suggested で置き換えを選んでください）。\n`,
    );
    return EXIT.FAILED;
  }
  const unit = writeSendUnit({ ...parsed.value, parts: replaced.parts, at: now() });
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
  for (const a of replaced.applied)
    lines.push(`  [置き換え（選択どおり）] 「${a.char}」→「${a.replacement}」 ${a.count}箇所`);
  for (const c of left) lines.push(`  [警告 machine-dependent]${candidateLine(c).slice(1)}`);
  for (const w of unit.warnings) lines.push(`  [警告 ${w.rule}] ${w.message}`);
  io.stdout(`作成しました（${unit.files.length}ファイル）:\n${lines.join('\n')}\n`);
  return EXIT.OK;
}
