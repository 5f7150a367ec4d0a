import { isValidCalendarDate, toJapanTime } from '../../contract/time';
import { FILE_KINDS, type FileKind } from './layout';

// File-name grammar, DOMAIN.md §4.4:
//   <PREFIX>_[<YYYYMM>_]<送信元事業所番号10>_<送信元サービス種類2>_<送信先事業所番号10>_<送信先サービス種類2>_<YYYYMMDDHHMMSS>.CSV
// The 14-digit part is the ファイル連番: a Japan-time timestamp shared by every file of one send unit.

/** Kinds whose name carries a YYYYMM part (§4.4). */
const MONTH_IN_NAME: ReadonlySet<FileKind> = new Set(['UPHOSOKU', 'UPPLAN', 'UPJSK', 'DLTPLAN', 'DLTJSK', 'UPSIKYU']);

export interface OfficeRef {
  /** 介護保険事業所番号 (10 characters). */
  office: string;
  /** サービス種類コード (2 characters; 43 = 居宅介護支援). */
  service: string;
}

export interface CarePlanFileName {
  kind: FileKind;
  /** YYYYMM, or undefined for kinds without a month in the name. */
  month?: string;
  sender: OfficeRef;
  receiver: OfficeRef;
  /** The 14-digit ファイル連番 (YYYYMMDDHHMMSS, Japan time). */
  sequence: string;
  /** True when the extension was not written in upper case (accepted with a note). */
  lowerCaseExtension: boolean;
}

export type FileNameProblem =
  | { rule: 'name-grammar'; detail: string }
  | { rule: 'name-month'; value: string }
  | { rule: 'name-sequence'; value: string };

const KINDS_LONGEST_FIRST = [...FILE_KINDS].sort((a, b) => b.length - a.length);
const OFFICE_PART = /^[0-9A-Z]{10}$/;
const SERVICE_PART = /^[0-9A-Z]{2}$/;

/** Base name only (without folders). */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(cut + 1) : path;
}

export function isValidMonth(value: string): boolean {
  if (!/^\d{6}$/.test(value)) return false;
  const month = Number(value.slice(4, 6));
  return Number(value.slice(0, 4)) >= 1900 && month >= 1 && month <= 12;
}

/** A real date and time: YYYYMMDDHHMMSS. */
export function isValidSequence(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  const date = { year: Number(value.slice(0, 4)), month: Number(value.slice(4, 6)), day: Number(value.slice(6, 8)) };
  const [h, m, s] = [Number(value.slice(8, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14))];
  return date.year >= 2000 && isValidCalendarDate(date) && h <= 23 && m <= 59 && s <= 59;
}

/** Parses a care-plan file name; on failure says which part is wrong. */
export function parseFileName(
  name: string,
): { ok: true; value: CarePlanFileName; problems: FileNameProblem[] } | { ok: false; problems: FileNameProblem[] } {
  const base = baseName(name);
  const ext = /\.csv$/i.exec(base);
  if (!ext) return { ok: false, problems: [{ rule: 'name-grammar', detail: '拡張子が .CSV ではありません' }] };
  const stem = base.slice(0, -4);
  const kind = KINDS_LONGEST_FIRST.find((k) => stem.startsWith(k + '_'));
  if (!kind)
    return {
      ok: false,
      problems: [{ rule: 'name-grammar', detail: '先頭がファイル種別（UPPLAN など）ではありません' }],
    };
  const parts = stem.slice(kind.length + 1).split('_');
  const hasMonth = MONTH_IN_NAME.has(kind);
  const expected = hasMonth ? 6 : 5;
  if (parts.length !== expected)
    return {
      ok: false,
      problems: [
        { rule: 'name-grammar', detail: `「_」で区切られた部分が${expected}個ではありません（${parts.length}個）` },
      ],
    };
  const month = hasMonth ? parts.shift() : undefined;
  const [senderOffice, senderService, receiverOffice, receiverService, sequence] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  const problems: FileNameProblem[] = [];
  if (!OFFICE_PART.test(senderOffice))
    problems.push({ rule: 'name-grammar', detail: '送信元の事業所番号が10桁ではありません' });
  if (!SERVICE_PART.test(senderService))
    problems.push({ rule: 'name-grammar', detail: '送信元のサービス種類コードが2桁ではありません' });
  if (!OFFICE_PART.test(receiverOffice))
    problems.push({ rule: 'name-grammar', detail: '送信先の事業所番号が10桁ではありません' });
  if (!SERVICE_PART.test(receiverService))
    problems.push({ rule: 'name-grammar', detail: '送信先のサービス種類コードが2桁ではありません' });
  if (month !== undefined && !(isValidMonth(month) || (kind === 'UPHOSOKU' && month === '000000')))
    problems.push({ rule: 'name-month', value: month });
  if (!isValidSequence(sequence)) problems.push({ rule: 'name-sequence', value: sequence });
  if (problems.some((p) => p.rule === 'name-grammar')) return { ok: false, problems };
  return {
    ok: true,
    value: {
      kind,
      ...(month !== undefined ? { month } : {}),
      sender: { office: senderOffice, service: senderService },
      receiver: { office: receiverOffice, service: receiverService },
      sequence,
      lowerCaseExtension: ext[0] !== '.CSV',
    },
    problems,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The 14-digit ファイル連番 for an instant, in Japan time whatever the machine's zone (DESIGN.md §5). */
export function fileSequence(at: Date): string {
  const j = toJapanTime(at);
  return `${pad(j.year, 4)}${pad(j.month)}${pad(j.day)}${pad(j.hour)}${pad(j.minute)}${pad(j.second)}`;
}

export interface FileNameInput {
  kind: FileKind;
  /** YYYYMM; required for kinds with a month in the name (UPHOSOKU tied to 第1/2表: 000000). */
  month?: string;
  sender: OfficeRef;
  receiver: OfficeRef;
  /** Instant of the send unit (from the injected clock); all files of one unit share it. */
  at: Date;
}

/** Builds the canonical file name (upper-case .CSV). Throws on a missing or malformed part: a programming error. */
export function formatFileName(input: FileNameInput): string {
  const { kind, sender, receiver } = input;
  const hasMonth = MONTH_IN_NAME.has(kind);
  if (hasMonth && (input.month === undefined || !(isValidMonth(input.month) || input.month === '000000')))
    throw new RangeError(`file name of ${kind} needs a YYYYMM month`);
  if (!hasMonth && input.month !== undefined) throw new RangeError(`file name of ${kind} has no month`);
  for (const ref of [sender, receiver])
    if (!OFFICE_PART.test(ref.office) || !SERVICE_PART.test(ref.service))
      throw new RangeError('office number or service kind malformed');
  const parts = [kind, ...(hasMonth ? [input.month] : []), sender.office, sender.service, receiver.office];
  return `${[...parts, receiver.service, fileSequence(input.at)].join('_')}.CSV`;
}
