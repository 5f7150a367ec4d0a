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
const ymd = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(4, 6))}月${Number(d.slice(6, 8))}日`;
const rowsOf = (h: { value: { rows: unknown[] } } | undefined) => h?.value.rows.length ?? 0;

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
  // 第1–3表 per 計画作成（変更）日, and the 介護予防 files per 相談日 / 計画作成(変更)日 (also once deleted: then なし).
  const plans = book.allPlans().map((p) => ({
    insurer: p.person.insurer,
    insured: p.person.insured,
    planDate: p.planDate,
    first: p.first !== undefined,
    secondRows: rowsOf(p.second),
    thirdRows: rowsOf(p.third),
  }));
  const basicInfos = book.allBasicInfos().map((b) => ({
    insurer: b.person.insurer,
    insured: b.person.insured,
    consultedOn: b.consultedOn,
    basic: b.basic !== undefined,
    dailyLifeRows: rowsOf(b.dailyLife),
    medicalHistoryRows: rowsOf(b.medicalHistory),
  }));
  const preventionPlans = book.allPreventionPlans().map((p) => ({
    insurer: p.person.insurer,
    insured: p.person.insured,
    planDate: p.planDate,
    plan: p.plan !== undefined,
    supportRows: rowsOf(p.support),
  }));
  if (json) {
    io.stdout(JSON.stringify({ files: fileJson, applied, months, plans, basicInfos, preventionPlans }) + '\n');
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
    const has = (held: boolean) => (held ? 'あり' : 'なし');
    for (const p of plans)
      lines.push(
        `${p.insurer} ${p.insured} 計画作成（変更）日 ${ymd(p.planDate)}: 第1表 ${has(p.first)}・第2表 ${p.secondRows}行・第3表 ${p.thirdRows}行`,
      );
    for (const b of basicInfos)
      lines.push(
        `${b.insurer} ${b.insured} 利用者基本情報 相談日 ${ymd(b.consultedOn)}: 本体 ${has(b.basic)}・別表1 ${b.dailyLifeRows}行・別表2 ${b.medicalHistoryRows}行`,
      );
    for (const p of preventionPlans)
      lines.push(
        `${p.insurer} ${p.insured} 介護予防サービス・支援計画書 計画作成日 ${ymd(p.planDate)}: 本体 ${has(p.plan)}・別表 ${p.supportRows}行`,
      );
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
