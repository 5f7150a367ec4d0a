// ケアプランデータ連携 standard CSV v4.1 (DOMAIN.md §4): MS932 codec, column layouts as data, validation with
// Japanese findings, file names. Other folders import only this file.
import { encodeRows, type EncodeResult } from './encode';
import type { FileKind } from './layout';
import { LAYOUTS } from './layouts';
import { readCarePlanFile, type CarePlanFile, type ReadOptions } from './reader';
import { checkSendUnits } from './send-unit';

export { CSV_VERSION } from './field-rules';
export {
  fileSequence,
  formatFileName as fileNameFor,
  parseFileName,
  type CarePlanFileName,
  type FileNameInput,
  type OfficeRef,
} from './file-name';
export { severityLabel, type CarePlanIssue, type IssueRule, type Severity } from './issues';
export { FILE_KINDS, type ColumnSpec, type FileKind, type FileLayout } from './layout';
/** Streaming reader: write(chunk)… then end() gives the same result as parseCarePlanFile on the whole bytes. */
export {
  MAX_FILE_BYTES,
  CarePlanReader as CarePlanStreamReader,
  type CarePlanFile,
  type CarePlanRow,
  type IssueCounts,
  type ReadOptions,
} from './reader';
export { SUGGESTED_REPLACEMENTS, type EncodeResult } from './encode';

/** Reads and validates one file (name → kind, bytes → rows and findings). Never throws for any bytes. */
export function parseCarePlanFile(name: string, bytes: Uint8Array, options: ReadOptions = {}): CarePlanFile {
  return readCarePlanFile(name, bytes, options);
}

/**
 * Reads several files: each is checked on its own, then the send units they form (a 第6表 without its 第7表 is a
 * warning, added to that file's findings).
 */
export function validateCarePlanFiles(
  files: readonly { name: string; bytes: Uint8Array }[],
  options: ReadOptions = {},
): CarePlanFile[] {
  const read = files.map((f) => readCarePlanFile(f.name, f.bytes, options));
  for (const { file, issue } of checkSendUnits(read)) {
    file.issues.push(issue);
    file.counts[issue.severity]++;
  }
  return read;
}

/** The layout of a kind, when implemented. */
export function layoutOf(kind: FileKind) {
  return LAYOUTS[kind];
}

/** Encodes rows of a kind as a canonical file (MS932, CRLF, free text quoted, CSVバージョン as given). */
export function encodeCarePlanFile(file: string, kind: FileKind, rows: readonly (readonly string[])[]): EncodeResult {
  return encodeRows(file, LAYOUTS[kind], rows);
}
export * from './model';
export {
  applyReplacements,
  replacementCandidates,
  type ReplacementCandidate,
  type ReplacementChoice,
} from './replacements';
