import fs from 'node:fs';
import path from 'node:path';
import {
  MAX_FILE_BYTES,
  severityLabel,
  validateCarePlanFiles,
  type CarePlanFile,
  type CarePlanIssue,
} from '../../services/careplan';
import { EXIT, type CliIo } from '../io';
import { careplanExportCommand, careplanExportHelp } from './careplan-export';
import { careplanImportCommand, careplanImportHelp } from './careplan-import';

// `kaigo-desk careplan validate FILE… [--json]`: checks care-plan CSV files (v4.1) without the GUI, so vendors and
// offices can test files. Exit 0 when there is no error (warnings allowed), 1 on errors, 2 on usage. Needs no
// keychain. The report quotes values from the files (it is for the user's screen); nothing is logged.

const validateHelp = 'careplan validate FILE… [--json]  ケアプラン連携CSV（v4.1）を検査（フォルダ指定可）';

export const careplanHelp = [validateHelp, careplanExportHelp, careplanImportHelp].join('\n  ');

/** Files named on the command line; a folder stands for the .csv files directly inside it. */
function expand(args: string[]): { files: string[]; unreadable: string[] } {
  const files: string[] = [];
  const unreadable: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      unreadable.push(arg);
      continue;
    }
    if (stat.isDirectory()) {
      const inside = fs
        .readdirSync(arg)
        .filter((f) => /\.csv$/i.test(f))
        .sort()
        .map((f) => path.join(arg, f));
      files.push(...inside);
    } else files.push(arg);
  }
  return { files, unreadable };
}

function unreadableResult(file: string, tooLarge = false): CarePlanFile {
  const name = path.basename(file);
  const message = tooLarge
    ? `${name}: ファイルが大きすぎます（${MAX_FILE_BYTES / 1024 / 1024}MBまで）。`
    : `${name}: ファイルを読めません（存在しない、または読み取り権限がありません）。`;
  return {
    file: name,
    byteLength: 0,
    rows: [],
    issues: [{ severity: 'error', rule: tooLarge ? 'file-too-large' : 'file-empty', file: name, message }],
    counts: { error: 1, warning: 0, note: 0 },
  };
}

function report(results: CarePlanFile[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const kind = r.kind ? `${r.layout?.title ?? r.kind}、` : '';
    lines.push(
      `■ ${r.file}（${kind}${r.rows.length}行）: エラー ${r.counts.error}件・警告 ${r.counts.warning}件・注記 ${r.counts.note}件`,
    );
    const ordered = [...r.issues].sort((a, b) => rank(a) - rank(b));
    for (const i of ordered) lines.push(`  [${severityLabel(i.severity)} ${i.rule}] ${i.message}`);
    const hidden = r.counts.error + r.counts.warning + r.counts.note - r.issues.length;
    if (hidden > 0) lines.push(`  ほかに${hidden}件の指摘があります（最初の${r.issues.length}件を表示）。`);
  }
  const errors = results.reduce((n, r) => n + r.counts.error, 0);
  const warnings = results.reduce((n, r) => n + r.counts.warning, 0);
  lines.push(
    '',
    errors > 0
      ? `結果: ${results.length}ファイル中 エラー ${errors}件・警告 ${warnings}件。エラーを直してから送受信してください。`
      : `結果: ${results.length}ファイル エラーなし（警告 ${warnings}件）。`,
  );
  return lines.join('\n') + '\n';
}

const rank = (i: CarePlanIssue) => (i.severity === 'error' ? 0 : i.severity === 'warning' ? 1 : 2);

function toJson(results: CarePlanFile[]): string {
  return (
    JSON.stringify({
      files: results.map((r) => ({
        file: r.file,
        kind: r.kind ?? null,
        rows: r.rows.length,
        bytes: r.byteLength,
        csvVersion: r.csvVersion ?? null,
        month: r.month ?? null,
        counts: r.counts,
        issues: r.issues,
      })),
      errors: results.reduce((n, r) => n + r.counts.error, 0),
      warnings: results.reduce((n, r) => n + r.counts.warning, 0),
    }) + '\n'
  );
}

export async function careplanCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') return careplanExportCommand(rest, io, () => new Date());
  if (sub === 'import') return careplanImportCommand(rest, io, () => new Date());
  if (sub !== 'validate') {
    io.stderr(`careplan: サブコマンドを指定してください。\n使い方: kaigo-desk ${careplanHelp}\n`);
    return EXIT.USAGE;
  }
  const json = rest.includes('--json');
  const unknown = rest.filter((a) => a.startsWith('--') && a !== '--json');
  const names = rest.filter((a) => !a.startsWith('--'));
  if (unknown.length > 0 || names.length === 0) {
    io.stderr(
      `careplan validate: ${unknown.length > 0 ? `不明な引数です: ${unknown.join(' ')}` : 'ファイルを指定してください'}\n使い方: kaigo-desk ${validateHelp}\n`,
    );
    return EXIT.USAGE;
  }
  const { files, unreadable } = expand(names);
  const inputs: { name: string; bytes: Uint8Array }[] = [];
  const failed: CarePlanFile[] = unreadable.map((f) => unreadableResult(f));
  for (const file of files) {
    try {
      // Checked before reading, so that a huge file is not loaded into memory.
      if (fs.statSync(file).size > MAX_FILE_BYTES) {
        failed.push(unreadableResult(file, true));
        continue;
      }
      inputs.push({ name: file, bytes: fs.readFileSync(file) });
    } catch {
      failed.push(unreadableResult(file));
    }
  }
  if (inputs.length === 0 && failed.length === 0) {
    io.stderr('careplan validate: 指定したフォルダに .CSV ファイルがありません。\n');
    return EXIT.FAILED;
  }
  const results = [...validateCarePlanFiles(inputs, { now: new Date() }), ...failed];
  io.stdout(json ? toJson(results) : report(results));
  return results.some((r) => r.counts.error > 0) ? EXIT.FAILED : EXIT.OK;
}
