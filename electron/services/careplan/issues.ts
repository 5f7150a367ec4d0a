// Findings of the care-plan validator. Each names the file, row, column number and name, the value (shortened) and
// the rule, in Japanese, for the user's screen. They may quote personal data (names, insured numbers): show them,
// never log them (DESIGN.md §4) — log only `rule` codes and counts.

export type Severity = 'error' | 'warning' | 'note';

export type IssueRule =
  // file level
  | 'file-empty'
  | 'file-too-large'
  | 'kind-inferred'
  | 'name-grammar'
  | 'name-month'
  | 'name-sequence'
  | 'name-sequence-future'
  | 'name-extension'
  | 'name-month-mismatch'
  | 'name-same-office'
  | 'name-check-digit'
  | 'encoding'
  | 'gaiji'
  | 'control-char'
  | 'line-end'
  | 'header-row'
  | 'blank-line'
  | 'version-mixed'
  | 'single-month'
  | 'send-unit'
  // record level
  | 'csv-syntax'
  | 'column-count'
  | 'quoting'
  // field level
  | 'required'
  | 'length'
  | 'format'
  | 'code'
  | 'date'
  | 'month'
  | 'time'
  | 'version'
  | 'version-accepted'
  | 'version-old'
  | 'check-digit'
  | 'unused-column'
  | 'service-date-month'
  | 'welfare-equipment'
  | 'seventh-total'
  | 'unencodable'
  // model level (第7表 consistency, relation keys)
  | 'seventh-subtotal'
  | 'seventh-grand-total'
  | 'benefit-limit'
  | 'model-input';

export interface CarePlanIssue {
  severity: Severity;
  rule: IssueRule;
  /** File name (base name) the finding is about. */
  file: string;
  /** 1-based record number in the file (a header row counts). */
  row?: number;
  /** 1-based column number (the spec's No.). */
  column?: number;
  columnName?: string;
  /** The value, shortened for display. */
  value?: string;
  /** Offset of the offending byte (encoding findings). */
  byteOffset?: number;
  /** The full Japanese sentence shown to the user. */
  message: string;
}

const MAX_SHOWN = 24;

/** Shortens a value for display and makes line ends and tabs visible. */
export function shownValue(value: string): string {
  const visible = value.replace(/\r\n|\r|\n/g, '↵').replace(/\t/g, '→');
  const chars = Array.from(visible);
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…（${chars.length}文字）` : visible;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'エラー', warning: '警告', note: '注記' };

export interface IssueLocation {
  file: string;
  row?: number;
  column?: number;
  columnName?: string;
  value?: string;
  byteOffset?: number;
}

/** Builds an issue whose message starts with its location: 「FILE 3行目 10列目「サービス利用日」 値「…」: text」. */
export function issue(severity: Severity, rule: IssueRule, at: IssueLocation, text: string): CarePlanIssue {
  const where = [at.file];
  if (at.row !== undefined) where.push(`${at.row}行目`);
  if (at.column !== undefined) where.push(`${at.column}列目「${at.columnName ?? ''}」`);
  // byteOffset is 0-based; people count from 1.
  if (at.byteOffset !== undefined) where.push(`${at.byteOffset + 1}バイト目`);
  const shown = at.value !== undefined ? shownValue(at.value) : undefined;
  if (shown !== undefined) where.push(`値「${shown}」`);
  const result: CarePlanIssue = { severity, rule, file: at.file, message: `${where.join(' ')}: ${text}` };
  if (at.row !== undefined) result.row = at.row;
  if (at.column !== undefined) result.column = at.column;
  if (at.columnName !== undefined) result.columnName = at.columnName;
  if (shown !== undefined) result.value = shown;
  if (at.byteOffset !== undefined) result.byteOffset = at.byteOffset;
  return result;
}

export function severityLabel(severity: Severity): string {
  return SEVERITY_LABEL[severity];
}
