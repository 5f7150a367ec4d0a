import { isValidCalendarDate } from '../../contract/time';
import { OFFICE_NUMBER, officeCheckDigit } from './check-digit';
import { isValidMonth } from './file-name';
import type { IssueRule, Severity } from './issues';
import type { ColumnSpec } from './layout';

// One rule per column type (DOMAIN.md §4.5/§4.7). A check returns null when the value is fine, else the finding
// without its location (the reader adds file, row and column).

export interface FieldFinding {
  severity: Severity;
  rule: IssueRule;
  text: string;
}

/** The version Kaigo Desk writes (DOMAIN.md §4.1 decision). */
export const CSV_VERSION = '202407';
/** Written by some implementations for v4.1 (the issue month of 4.1); accepted with a warning. */
export const CSV_VERSION_ALSO_ACCEPTED = '202410';
const OLD_VERSIONS: Readonly<Record<string, string>> = {
  '201905': '第1版',
  '202003': '第2版',
  '202208': '第3版〜3.2版',
  '202504': '第4.0版の表記',
};

const DIGITS = /^\d+$/;
const INTEGER = /^-?\d+$/;
const INSURER = /^\d{6}$/;
const INSURED = /^(?:\d{10}|H\d{9})$/;
const SERVICE_CODE = /^[0-9A-Z]{6}$/;
const SERVICE_KIND = /^[0-9A-Z]{2}$/;
const DAY_FLAGS = /^[01]{31}$/;
const EIGHT_DIGITS = /^\d{8}$/;
const POSTAL = /^\d{3}-\d{4}$/;
const UNIT_PRICE = /^\d{1,2}\.\d{2}$/;
const TIME = /^(?:[01]\d|2[0-3])[0-5]\d$/;

const err = (rule: IssueRule, text: string): FieldFinding => ({ severity: 'error', rule, text });

export function isValidDate8(value: string): boolean {
  if (!EIGHT_DIGITS.test(value)) return false;
  return isValidCalendarDate({
    year: Number(value.slice(0, 4)),
    month: Number(value.slice(4, 6)),
    day: Number(value.slice(6, 8)),
  });
}

function lengthFinding(spec: ColumnSpec, value: string): FieldFinding | null {
  if (spec.exactLength !== undefined && value.length !== spec.exactLength)
    return err('length', `${spec.exactLength}桁で記入してください（${value.length}桁です）。`);
  if (spec.maxLength !== undefined && value.length > spec.maxLength)
    return err('length', `長さが上限の${spec.maxLength}文字を超えています（${value.length}文字）。`);
  return null;
}

/** Checks one field. `value` is as read (no trimming: spaces are part of the value and reported by the rules). */
export function checkField(spec: ColumnSpec, value: string): FieldFinding | null {
  if (value === '') return spec.required ? err('required', '必須項目が空です。') : null;
  if (spec.alsoAllowed?.includes(value)) return null;
  switch (spec.type) {
    case 'version':
      if (value === CSV_VERSION) return null;
      if (value === CSV_VERSION_ALSO_ACCEPTED)
        return {
          severity: 'warning',
          rule: 'version-accepted',
          text: `CSVバージョン ${CSV_VERSION_ALSO_ACCEPTED} は v4.1 として受け付けます（仕様の版数表の値は ${CSV_VERSION}）。`,
        };
      if (OLD_VERSIONS[value])
        return err(
          'version-old',
          `旧版（${OLD_VERSIONS[value]}）のCSVバージョンです。v4.1（${CSV_VERSION}）で作成し直してもらってください。`,
        );
      return err('version', `CSVバージョンが正しくありません（v4.1 は ${CSV_VERSION}）。`);
    case 'insurer':
      return INSURER.test(value) ? null : err('format', '保険者番号は6桁の数字で記入してください。');
    case 'insured':
      return INSURED.test(value)
        ? null
        : err('format', '被保険者番号は10桁の数字（生保単独は H＋数字9桁）で記入してください。');
    case 'date':
      return isValidDate8(value) ? null : err('date', '日付（YYYYMMDD）として正しくありません。');
    case 'month':
      return isValidMonth(value) ? null : err('month', '年月（YYYYMM）として正しくありません。');
    case 'time':
      return value === '9999' || TIME.test(value)
        ? null
        : err('time', '時刻は HHMM（0000〜2359）、時刻のないサービスは 9999 で記入してください。');
    case 'digits':
      return DIGITS.test(value) ? lengthFinding(spec, value) : err('format', '数字で記入してください。');
    case 'integer':
      return INTEGER.test(value) ? lengthFinding(spec, value) : err('format', '整数で記入してください。');
    case 'office': {
      if (!OFFICE_NUMBER.test(value))
        return err('format', '事業所番号は10桁（3桁目のみ英大文字可）で記入してください。');
      const expected = officeCheckDigit(value);
      return expected !== null && value[9] !== expected
        ? {
            severity: 'warning',
            rule: 'check-digit',
            text: `事業所番号の検証番号（10桁目）が計算と合いません（計算上は ${expected}）。番号を相手先に確認してください。`,
          }
        : null;
    }
    case 'serviceCode':
      return SERVICE_CODE.test(value)
        ? null
        : err('format', 'サービスコードは6桁（サービス種類2桁＋項目4桁、英数字）で記入してください。');
    case 'serviceKind':
      return SERVICE_KIND.test(value) ? null : err('format', 'サービス種類コードは2桁の英数字で記入してください。');
    case 'dayFlags':
      return DAY_FLAGS.test(value)
        ? null
        : err('format', '日割対象日は "1" と "0" の31桁で記入してください（日割でなければ空欄）。');
    case 'postal':
      return POSTAL.test(value) ? null : err('format', '郵便番号は XXX-XXXX（半角、8文字）で記入してください。');
    case 'unitPrice':
      return UNIT_PRICE.test(value) ? null : err('format', '単位数単価は 99.99 の形（例 11.40）で記入してください。');
    case 'code': {
      const codes = spec.codes ?? {};
      if (Object.hasOwn(codes, value)) return null;
      const list = Object.entries(codes)
        .map(([k, v]) => `${k}:${v}`)
        .join('、');
      return err('code', `決められたコードではありません（${list}）。`);
    }
    case 'unused':
      return {
        severity: 'warning',
        rule: 'unused-column',
        text: '「使用しない」項目に値があります（取り込みでは無視します）。',
      };
    case 'text':
    case 'plain':
      return lengthFinding(spec, value);
  }
}
