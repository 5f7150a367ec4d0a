import fs from 'node:fs';
import path from 'node:path';
import {
  CarePlanBook,
  checkSeventhFile,
  compareMonth,
  fileToModel,
  MAX_FILE_BYTES,
  validateCarePlanFiles,
  type ModelFile,
  type Supplement,
} from '../../services/careplan';
import { EXIT, type CliIo } from '../io';

// `kaigo-desk careplan import DIR [--json]`: reads a download folder of v4.1 files, validates each, applies the
// error-free ones in ascending ファイル連番 (DOMAIN.md §4.4) and prints what the folder holds per person and month,
// with 予定 vs 実績. It stores nothing (the app's import records the files in the ledger). Exit 1 when a file has
// errors (the others are still shown), 2 on usage.

export const careplanImportHelp =
  'careplan import DIR [--json]  ダウンロードしたフォルダを検査し、連番順に取り込み内容を表示（送受信台帳には記録しません。台帳に残す取り込みはアプリの画面から）';

const ym = (m: string) => `${m.slice(0, 4)}年${m.slice(4)}月`;

export async function careplanImportCommand(args: string[], io: CliIo, now: () => Date): Promise<number> {
  const json = args.includes('--json');
  const names = args.filter((a) => a !== '--json');
  if (names.length !== 1 || names[0]!.startsWith('--')) {
    io.stderr(`careplan import: フォルダを1つ指定してください。\n使い方: kaigo-desk ${careplanImportHelp}\n`);
    return EXIT.USAGE;
  }
  const dir = names[0]!;
  let entries: string[];
  try {
    entries = fs
      .readdirSync(dir)
      .filter((f) => /\.csv$/i.test(f))
      .sort();
  } catch {
    io.stderr('careplan import: フォルダを読めません。\n');
    return EXIT.FAILED;
  }
  const inputs: { name: string; bytes: Uint8Array }[] = [];
  const skipped: string[] = [];
  for (const f of entries) {
    const full = path.join(dir, f);
    try {
      if (fs.statSync(full).size > MAX_FILE_BYTES) skipped.push(`${f}: ファイルが大きすぎます。`);
      else inputs.push({ name: full, bytes: fs.readFileSync(full) });
    } catch {
      skipped.push(`${f}: 読めません。`);
    }
  }
  if (inputs.length === 0 && skipped.length === 0) {
    io.stderr('careplan import: フォルダに .CSV ファイルがありません。\n');
    return EXIT.FAILED;
  }
  const read = validateCarePlanFiles(inputs, { now: now() });
  const models: ModelFile[] = [];
  const fileLines: string[] = [];
  const fileJson: { file: string; kind: string | null; state: 'imported' | 'error' | 'unsupported'; errors: number }[] =
    [];
  let failed = skipped.length > 0;
  const supplements = read.flatMap((r) => {
    const m = r.counts.error === 0 ? fileToModel(r) : null;
    return m?.ok && m.value.kind === 'UPHOSOKU' ? (m.value.content as Supplement[]) : [];
  });
  for (const r of read) {
    const m = fileToModel(r);
    const consistency =
      m.ok && m.value.kind === 'UPSIKYU' ? checkSeventhFile(r.file, m.value.content, supplements) : [];
    const errors = r.counts.error + consistency.filter((i) => i.severity === 'error').length;
    if (m.ok && errors === 0) {
      models.push(m.value);
      fileLines.push(`■ ${r.file}: 取込可（${r.layout?.title ?? r.kind}、${r.rows.length}行）`);
      fileJson.push({ file: r.file, kind: r.kind ?? null, state: 'imported', errors: 0 });
    } else {
      const unsupported = !m.ok && r.counts.error === 0;
      if (!unsupported) failed = true;
      fileLines.push(
        unsupported
          ? `■ ${r.file}: 対象外（${m.ok ? '' : m.reason}）`
          : `■ ${r.file}: 取込エラー（エラー ${errors}件。careplan validate で詳細を確認してください）`,
      );
      fileJson.push({ file: r.file, kind: r.kind ?? null, state: unsupported ? 'unsupported' : 'error', errors });
    }
    for (const i of [...r.issues, ...consistency].filter((x) => x.severity === 'error').slice(0, 5))
      fileLines.push(`  [エラー ${i.rule}] ${i.message}`);
  }
  for (const s of skipped) fileLines.push(`■ ${s}`);
  const book = new CarePlanBook();
  const applied = book.applyAll(models);
  const months = book.allMonths().map((m) => ({
    insurer: m.person.insurer,
    insured: m.person.insured,
    month: m.month,
    planItems: m.plan?.value.items.length ?? 0,
    seventhRows: m.seventh?.value.rows.length ?? 0,
    actualProviders: m.actuals.size,
    comparison: compareMonth(m),
  }));
  if (json) {
    io.stdout(JSON.stringify({ files: fileJson, applied, months }) + '\n');
  } else {
    const lines = [...fileLines, ''];
    for (const m of months) {
      const c = m.comparison;
      const mismatch = c.filter((r) => r.status !== 'match').length;
      lines.push(
        `${m.insurer} ${m.insured} ${ym(m.month)}: 予定 ${m.planItems}件・第7表 ${m.seventhRows}行・実績 ${m.actualProviders}事業所` +
          (m.actualProviders > 0 ? `（予定と実績の差 ${mismatch}件）` : ''),
      );
    }
    if (applied.skippedOlder > 0)
      lines.push(`より新しい連番のデータがあるため ${applied.skippedOlder}件を適用しませんでした。`);
    lines.push(
      '',
      `結果: ${read.length + skipped.length}ファイル中 取込可 ${models.length}・取込エラー ${fileJson.filter((f) => f.state === 'error').length + skipped.length}。`,
    );
    io.stdout(lines.join('\n') + '\n');
  }
  return failed ? EXIT.FAILED : EXIT.OK;
}
