import { tokenizeCleanMs932 } from './csv-bytes';
import { CsvTokenizer, quotedAt, type CsvRecord, type LineEndCounts } from './csv-tokenizer';
import { checkField, type FieldFinding } from './field-rules';
import { officeCheckDigit } from './check-digit';
import { baseName, isValidMonth, parseFileName, type CarePlanFileName } from './file-name';
import { issue, type CarePlanIssue, type IssueLocation, type IssueRule, type Severity } from './issues';
import type { ColumnSpec, FileKind, FileLayout } from './layout';
import { LAYOUTS } from './layouts';
import { Ms932Decoder, type Ms932Problem } from './ms932';

// Reads one care-plan file: MS932 decoding → CSV tokenizing → per-field, per-row and per-file rules. Fed in chunks
// (write/end), so large files need not be decoded at once. Bad input never throws: it becomes findings.

export interface CarePlanRow {
  /** 1-based record number in the file. */
  number: number;
  fields: string[];
}

export interface IssueCounts {
  error: number;
  warning: number;
  note: number;
}

export interface CarePlanFile {
  /** Base name of the file. */
  file: string;
  kind?: FileKind;
  layout?: FileLayout;
  name?: CarePlanFileName;
  byteLength: number;
  /** Data rows (header and blank rows left out), in file order. */
  rows: CarePlanRow[];
  csvVersion?: string;
  /** The single 対象年月 of a 第6/7表 file when the rows agree. */
  month?: string;
  issues: CarePlanIssue[];
  /** Exact counts (issues beyond MAX_ISSUES are counted but not kept). */
  counts: IssueCounts;
}

export interface ReadOptions {
  /** The injected clock: a ファイル連番 far in the future is reported. */
  now?: Date;
  /** Reads the file as this kind when the name does not say it. */
  kind?: FileKind;
}

/** Issues kept per file; the counts stay exact. */
export const MAX_ISSUES = 1000;
/** A 第6表 for 1,000 persons is a few MB; far beyond this is not a care-plan file. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

const ENCODING_TEXT: Record<Ms932Problem['kind'], [IssueRule, string]> = {
  invalid: ['encoding', 'Shift-JIS（MS932）の文字として読めないバイトです。'],
  gaiji: ['gaiji', '外字（利用者定義文字）は使えません。通常の文字に置き換えてください。'],
  control: ['control-char', '制御文字が含まれています（テキストのCSVファイルではない可能性があります）。'],
};

/** Distinct values remembered per column (a column of 280,000 different values is not memoised beyond this). */
const MEMO_LIMIT = 4096;

/** サービスコード of the 第7表 全合計 row (ALL9). */
const SEVENTH_TOTAL_CODE = '999999';

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

export class CarePlanReader {
  private readonly decoder = new Ms932Decoder();
  private readonly tokenizer = new CsvTokenizer((r) => this.onRecord(r));
  /** Line ends counted by the whole-file fast path (readWhole), which bypasses the decoder and tokenizer. */
  private wholeLineEnds: LineEndCounts | undefined;
  private readonly result: CarePlanFile;
  /** Record number of each recorded decoding problem (same index as decoder.problems). */
  private readonly problemRows: number[] = [];
  private readonly versions = new Set<string>();
  private readonly months = new Set<string>();
  private lastVersion: string | undefined;
  private lastMonth: string | undefined;
  private readonly lastValid: (string | undefined)[] = [];
  private firstDataSeen = false;
  private quotedCodeExample: Omit<IssueLocation, 'file'> | undefined;
  private quotedCodeCount = 0;
  private tooLarge = false;
  private acceptedVersionRows = 0;
  private readonly checkDigitSeen = new Set<string>();
  /** 第7表: first row of each person, and the persons whose 全合計 row was seen. */
  private readonly seventhPersons = new Map<string, number>();
  private readonly seventhTotals = new Set<string>();
  private readonly memo: Map<string, FieldFinding | null>[] = [];
  private acceptedVersion: { finding: FieldFinding; at: Omit<IssueLocation, 'file'> } | undefined;
  private codeColumns: { layout: FileLayout; mask: number } | undefined;

  constructor(
    fileName: string,
    private readonly options: ReadOptions = {},
  ) {
    const file = baseName(fileName);
    this.result = { file, byteLength: 0, rows: [], issues: [], counts: { error: 0, warning: 0, note: 0 } };
    this.readName(fileName);
  }

  private add(severity: Severity, rule: IssueRule, at: Omit<IssueLocation, 'file'>, text: string) {
    this.result.counts[severity]++;
    if (this.result.issues.length < MAX_ISSUES)
      this.result.issues.push(issue(severity, rule, { file: this.result.file, ...at }, text));
  }

  private readName(fileName: string) {
    const parsed = parseFileName(fileName);
    for (const p of parsed.problems) {
      if (p.rule === 'name-grammar')
        this.add('error', p.rule, {}, `ファイル名がケアプラン標準仕様の命名規約に合いません: ${p.detail}。`);
      else if (p.rule === 'name-month')
        this.add('error', p.rule, {}, `ファイル名の年月「${p.value}」が正しくありません。`);
      else
        this.add(
          'error',
          p.rule,
          {},
          `ファイル名の14桁の連番「${p.value}」が日時（YYYYMMDDHHMMSS）として正しくありません。`,
        );
    }
    if (parsed.ok) {
      const name = parsed.value;
      this.result.name = name;
      this.result.kind = name.kind;
      if (name.lowerCaseExtension)
        this.add('note', 'name-extension', {}, '拡張子は大文字の .CSV が標準です（このまま受け付けます）。');
      for (const [label, ref] of [
        ['送信元', name.sender],
        ['送信先', name.receiver],
      ] as const) {
        const expected = officeCheckDigit(ref.office);
        if (expected !== null && ref.office[9] !== expected)
          this.add(
            'warning',
            'name-check-digit',
            {},
            `ファイル名の${label}事業所番号「${ref.office}」の検証番号（10桁目）が計算と合いません（計算上は ${expected}）。`,
          );
      }
      // DOMAIN.md §4.8: offices sharing one 事業所番号 cannot exchange files with each other.
      if (name.sender.office === name.receiver.office)
        this.add(
          'warning',
          'name-same-office',
          {},
          `送信元と送信先の事業所番号が同じです（${name.sender.office}）。同じ事業所番号どうしでは送受信できません。`,
        );
      this.checkSequenceNotFuture(name.sequence);
    }
    if (!this.result.kind && this.options.kind) this.result.kind = this.options.kind;
    const kind = this.result.kind;
    if (kind) this.result.layout = LAYOUTS[kind];
  }

  private checkSequenceNotFuture(sequence: string) {
    const now = this.options.now;
    if (!now || !/^\d{14}$/.test(sequence)) return;
    const n = (a: number, b: number) => Number(sequence.slice(a, b));
    const asUtc = Date.UTC(n(0, 4), n(4, 6) - 1, n(6, 8), n(8, 10), n(10, 12), n(12, 14)) - JST_OFFSET_MS;
    if (asUtc - now.getTime() > 24 * 60 * 60 * 1000)
      this.add('warning', 'name-sequence-future', {}, `ファイル名の連番「${sequence}」が未来の日時です（日本時間）。`);
  }

  write(chunk: Uint8Array): void {
    if (this.tooLarge) return;
    this.result.byteLength += chunk.length;
    if (this.result.byteLength > MAX_FILE_BYTES) {
      this.tooLarge = true;
      this.add('error', 'file-too-large', {}, `ファイルが大きすぎます（${MAX_FILE_BYTES / 1024 / 1024}MBまで）。`);
      return;
    }
    const text = this.decoder.write(chunk);
    if (text) this.tokenizer.write(text);
  }

  /**
   * Whole-file fast path (DESIGN.md §7: ≥ 30 MB/s): clean MS932 with well-formed quoting is tokenized straight from
   * the bytes (csv-bytes.ts), with the same records and findings as write + end. Returns undefined when the bytes
   * need the exact path; this reader is then spent (it may hold some rows): read again with a new one. Call it once,
   * on a new reader, instead of write + end.
   */
  readWhole(bytes: Uint8Array): CarePlanFile | undefined {
    if (this.result.byteLength !== 0 || bytes.length > MAX_FILE_BYTES) return undefined;
    this.result.byteLength = bytes.length;
    const lineEnds = tokenizeCleanMs932(bytes, (r) => this.onRecord(r));
    if (!lineEnds) return undefined;
    this.wholeLineEnds = lineEnds;
    this.finishEncoding(); // nothing to report (the bytes were clean), kept for the same order as end()
    this.finishFile();
    return this.result;
  }

  end(): CarePlanFile {
    const rest = this.decoder.end();
    if (rest) this.tokenizer.write(rest);
    this.tokenizer.end();
    this.finishEncoding();
    this.finishFile();
    return this.result;
  }

  private onRecord(record: CsvRecord) {
    // Decoding runs ahead of tokenizing, so every problem inside this record is already known.
    const problems = this.decoder.problems;
    while (this.problemRows.length < problems.length && problems[this.problemRows.length]!.charIndex < record.endChar)
      this.problemRows.push(record.number);
    const { fields, number } = record;
    if (fields.length === 1 && fields[0] === '' && !quotedAt(record, 0)) {
      this.add('note', 'blank-line', { row: number }, '空の行を読み飛ばしました。');
      return;
    }
    if (!this.firstDataSeen) {
      this.firstDataSeen = true;
      // A header row (DOMAIN.md §4.5: none is defined, some vendors write one): a first row whose first column is
      // not a number. A malformed number (e.g. "2024") stays a data row and gets its own finding.
      if (/\D/.test(fields[0] ?? '')) {
        this.add(
          'note',
          'header-row',
          { row: number },
          '見出し行と判断して読み飛ばしました（仕様では見出し行はありません）。',
        );
        return;
      }
    }
    for (const p of record.problems) {
      if (p === 'unterminated-quote')
        this.add(
          'error',
          'csv-syntax',
          { row: number },
          '引用符（"）が閉じられないままファイルが終わっています（ファイルが途中で切れている可能性があります）。',
        );
      else if (p === 'text-after-quote')
        this.add(
          'error',
          'csv-syntax',
          { row: number },
          '引用符（"）で閉じた項目の後ろに、区切りのカンマ以外の文字があります。',
        );
      else
        this.add(
          'warning',
          'csv-syntax',
          { row: number },
          '引用符で囲まれていない項目の中に引用符（"）があります（文字として読みました）。',
        );
    }
    this.result.rows.push({ number, fields });
    if (!this.result.kind && this.result.rows.length === 1 && fields.length === LAYOUTS.UPPLAN.columns.length) {
      this.result.layout = LAYOUTS.UPPLAN;
      this.add('note', 'kind-inferred', {}, 'ファイル名から種別が分からないため、項目数から第6表として確認しました。');
    }
    const layout = this.result.layout;
    if (!layout) return;
    const columns = layout.columns;
    if (fields.length !== columns.length) {
      this.add(
        'error',
        'column-count',
        { row: number },
        `項目数が${fields.length}です（${layout.title}は${columns.length}項目）。この行の項目は確認できません。`,
      );
      return;
    }
    // Hot loop (DESIGN.md §7: ≥ 30 MB/s): a value equal to the column's last valid value needs no check.
    const lastValid = this.lastValid;
    let invalid = 0; // bit i set: column i+1 has an error (first 31 columns)
    if ((record.quotedMask & this.codeColumnsOf(layout)) !== 0 || record.quotedHigh !== undefined)
      this.noteQuotedCodes(record, columns);
    for (let i = 0; i < columns.length; i++) {
      const spec = columns[i]!;
      const value = fields[i]!;
      if (value === lastValid[i]) {
        // Share one string per repeated value: the fresh copy dies young, so a large file holds far less memory.
        fields[i] = lastValid[i] as string;
        continue;
      }
      // A field holding an undecodable byte is reported once, as an encoding finding with its byte offset.
      if (this.decoder.problemCount > 0 && value.includes('\ufffd')) {
        if (i < 31) invalid |= 1 << i;
        continue;
      }
      const finding = this.check(i, spec, value);
      if (finding === null) {
        lastValid[i] = value;
        continue;
      }
      if (finding.severity === 'error' && i < 31) invalid |= 1 << i;
      const at = { row: number, column: spec.no, columnName: spec.name, value };
      if (finding.rule === 'version-accepted') {
        // One finding per file, not per row.
        this.acceptedVersionRows++;
        this.acceptedVersion ??= { finding, at };
      } else if (finding.rule === 'check-digit') {
        // The same number repeats on every row: report each (column, number) once.
        const key = `${spec.no}:${value}`;
        if (!this.checkDigitSeen.has(key)) {
          this.checkDigitSeen.add(key);
          this.add(finding.severity, finding.rule, at, finding.text);
        }
      } else this.add(finding.severity, finding.rule, at, finding.text);
    }
    const version = fields[0]!;
    if (version !== this.lastVersion) {
      this.lastVersion = version;
      this.versions.add(version);
    }
    this.checkRowRules(layout, record, invalid);
  }

  /** Bit i set: column i+1 (of the first 31) is not free text, so quoting it is noted (cached per layout). */
  private codeColumnsOf(layout: FileLayout): number {
    if (this.codeColumns?.layout !== layout) {
      let mask = 0;
      layout.columns.forEach((spec, i) => {
        if (i < 31 && spec.type !== 'text') mask |= 1 << i;
      });
      this.codeColumns = { layout, mask };
    }
    return this.codeColumns.mask;
  }

  /** Counts quoted values in columns other than free text (accepted; one note per file). */
  private noteQuotedCodes(record: CsvRecord, columns: readonly ColumnSpec[]) {
    for (let i = 0; i < columns.length; i++) {
      const spec = columns[i]!;
      if (spec.type !== 'text' && quotedAt(record, i)) {
        this.quotedCodeCount++;
        this.quotedCodeExample ??= { row: record.number, column: spec.no, columnName: spec.name };
      }
    }
  }

  /**
   * checkField, memoised per column: most columns repeat a few values (versions, dates, times, office numbers)
   * on every row, and validating them once keeps parsing fast (DESIGN.md §7: ≥ 30 MB/s).
   */
  private check(index: number, spec: ColumnSpec, value: string): FieldFinding | null {
    if (spec.type === 'text' || spec.type === 'plain') return checkField(spec, value);
    const memo = (this.memo[index] ??= new Map());
    let finding = memo.get(value);
    if (finding === undefined) {
      finding = checkField(spec, value);
      if (memo.size < MEMO_LIMIT) memo.set(value, finding);
    }
    return finding;
  }

  private checkRowRules(layout: FileLayout, record: CsvRecord, invalid: number) {
    const { fields, number } = record;
    if (layout.monthColumn === undefined) return;
    const month = fields[layout.monthColumn - 1]!;
    if (month !== this.lastMonth) {
      this.lastMonth = month;
      this.months.add(month);
    }
    if (layout.kind === 'UPSIKYU') this.trackSeventhTotals(fields, number);
    if (layout.serviceDateColumn === undefined) return;
    // 第6表 rules. The service date lies in the 対象年月 (when both are valid).
    const dateIndex = layout.serviceDateColumn - 1;
    const date = fields[dateIndex]!;
    const bothValid = (invalid & ((1 << (layout.monthColumn - 1)) | (1 << dateIndex))) === 0;
    if (bothValid && date !== '' && !date.startsWith(month))
      this.add(
        'error',
        'service-date-month',
        { row: number, column: layout.serviceDateColumn, columnName: layout.columns[dateIndex]!.name, value: date },
        `サービス利用日が対象年月（${month}）の月内ではありません。`,
      );
    // 福祉用具貸与 (17) and 介護予防福祉用具貸与 (67) need a TAISコード or a 福祉用具届出コード (§4.7 No.16/17).
    const code = fields[14]!;
    if ((code.startsWith('17') || code.startsWith('67')) && fields[15] === '' && fields[16] === '')
      this.add(
        'error',
        'welfare-equipment',
        { row: number, column: 16, columnName: 'TAISコード' },
        '福祉用具貸与ではTAISコードか福祉用具届出コードのどちらかが必要です。',
      );
  }

  /** 第7表: every person (保険者番号 + 被保険者番号) needs its 全合計 row, サービスコード 999999 (§4.7 No.9, 必須出力). */
  private trackSeventhTotals(fields: string[], row: number) {
    const person = `${fields[1]}\u0000${fields[2]}`;
    if (!this.seventhPersons.has(person)) this.seventhPersons.set(person, row);
    if (fields[8] === SEVENTH_TOTAL_CODE) this.seventhTotals.add(person);
  }

  private finishSeventhTotals() {
    for (const [person, row] of this.seventhPersons)
      if (!this.seventhTotals.has(person))
        this.add(
          'error',
          'seventh-total',
          { row },
          'この利用者の全合計行（サービスコード 999999）がありません（第7表では必須です）。',
        );
  }

  private finishEncoding() {
    const { problems, problemCount } = this.decoder;
    for (const [index, p] of problems.entries()) {
      const [rule, text] = ENCODING_TEXT[p.kind];
      const row = this.problemRows[index];
      this.add(
        'error',
        rule,
        { ...(row !== undefined ? { row } : {}), byteOffset: p.byteOffset },
        `${text}（バイト ${p.bytesHex}）`,
      );
    }
    if (problemCount > problems.length)
      this.add('error', 'encoding', {}, `ほかにも読めないバイトが${problemCount - problems.length}箇所あります。`);
    if (problemCount > 0 && problems.some((p) => p.kind === 'invalid'))
      this.add(
        'note',
        'encoding',
        {},
        '文字コードが Shift-JIS（MS932）ではない（UTF-8 など）可能性があります。MS932 で保存し直してください。',
      );
  }

  private finishFile() {
    const r = this.result;
    const le = this.wholeLineEnds ?? this.tokenizer.lineEnds;
    if (r.byteLength === 0 || (r.rows.length === 0 && !this.tooLarge))
      this.add('error', 'file-empty', {}, 'データ行がありません。');
    if (le.lf > 0 || le.cr > 0)
      this.add(
        'note',
        'line-end',
        {},
        `改行コードが CRLF でない行があります（LF ${le.lf}行、CR ${le.cr}行）。このまま受け付けます。`,
      );
    if (le.missingFinal && r.rows.length > 0)
      this.add('note', 'line-end', {}, '最終行に改行がありません。このまま受け付けます。');
    if (this.quotedCodeCount > 0)
      this.add(
        'note',
        'quoting',
        this.quotedCodeExample ?? {},
        `フリーテキスト以外の項目が引用符で囲まれています（${this.quotedCodeCount}箇所）。このまま受け付けます。`,
      );
    const versions = [...this.versions.keys()];
    if (versions.length === 1) r.csvVersion = versions[0]!;
    if (versions.length > 1)
      this.add(
        'error',
        'version-mixed',
        {},
        `1つのファイルに複数のCSVバージョンがあります（${versions.join('、')}）。`,
      );
    if (this.acceptedVersion) {
      const { finding, at } = this.acceptedVersion;
      const rows = this.acceptedVersionRows > 1 ? `（${this.acceptedVersionRows}行）` : '';
      this.add(finding.severity, finding.rule, at, finding.text + rows);
    }
    this.finishMonth();
    this.finishSeventhTotals();
  }

  private finishMonth() {
    const r = this.result;
    const layout = r.layout;
    if (!layout || layout.monthColumn === undefined) return;
    const months = [...this.months.keys()];
    if (months.length > 1) {
      this.add(
        'error',
        'single-month',
        {},
        `1つのファイルに複数の対象年月があります（${months.join('、')}）。1ファイルは単月のみです。`,
      );
      return;
    }
    const month = months[0];
    if (month === undefined) return;
    const valid = isValidMonth(month);
    if (valid) r.month = month;
    const special = layout.columns[layout.monthColumn - 1]?.alsoAllowed?.includes(month) ?? false;
    if ((valid || special) && r.name?.month !== undefined && r.name.month !== month)
      this.add(
        'error',
        'name-month-mismatch',
        {},
        `ファイル名の年月（${r.name.month}）と行の対象年月（${month}）が違います。`,
      );
  }
}

/** Reads and validates one file held in memory. Never throws for any input bytes. */
export function readCarePlanFile(name: string, bytes: Uint8Array, options: ReadOptions = {}): CarePlanFile {
  const whole = new CarePlanReader(name, options).readWhole(bytes);
  if (whole) return whole;
  const reader = new CarePlanReader(name, options);
  reader.write(bytes);
  return reader.end();
}
