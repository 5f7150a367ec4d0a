import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCarePlanFile, type CarePlanIssue } from '../../electron/services/careplan';

// Every validation rule has a failing hand-written fixture (tests/fixtures/careplan/invalid/<rule>/) that produces
// exactly its message: file, row, column number and name, value and rule.

const DIR = path.resolve(__dirname, '..', 'fixtures', 'careplan', 'invalid');
const P = 'UPPLAN_202412_1310100019_43_1310200017_11_20241125093000.CSV';

function findings(rule: string): CarePlanIssue[] {
  const [name] = fs.readdirSync(path.join(DIR, rule));
  const f = parseCarePlanFile(name!, fs.readFileSync(path.join(DIR, rule, name!)), {
    now: new Date('2025-01-10T00:00:00Z'),
  });
  return f.issues;
}

const EXPECTED: Record<string, [severity: string, message: string, rule?: string]> = {
  required: ['error', `${P} 1行目 10列目「サービス利用日」 値「」: 必須項目が空です。`],
  length: ['error', `${P} 1行目 22列目「サテライト枝番」 値「123」: 長さが上限の2文字を超えています（3文字）。`],
  format: ['error', `${P} 1行目 2列目「保険者番号」 値「13101A」: 保険者番号は6桁の数字で記入してください。`],
  code: ['error', `${P} 1行目 23列目「３０日超区分」 値「2」: 決められたコードではありません（0:非該当、1:該当）。`],
  date: ['error', `${P} 1行目 10列目「サービス利用日」 値「20241232」: 日付（YYYYMMDD）として正しくありません。`],
  month: ['error', `${P} 1行目 5列目「対象年月」 値「202413」: 年月（YYYYMM）として正しくありません。`],
  time: [
    'error',
    `${P} 1行目 12列目「サービス開始時刻」 値「2460」: 時刻は HHMM（0000〜2359）、時刻のないサービスは 9999 で記入してください。`,
  ],
  version: [
    'error',
    `${P} 1行目 1列目「CSVバージョン」 値「202399」: CSVバージョンが正しくありません（v4.1 は 202407）。`,
  ],
  'version-old': [
    'error',
    `${P} 1行目 1列目「CSVバージョン」 値「202208」: 旧版（第3版〜3.2版）のCSVバージョンです。v4.1（202407）で作成し直してもらってください。`,
  ],
  'version-mixed': ['error', `${P}: 1つのファイルに複数のCSVバージョンがあります（202407、202410）。`],
  'single-month': [
    'error',
    `${P}: 1つのファイルに複数の対象年月があります（202412、202501）。1ファイルは単月のみです。`,
  ],
  'name-month-mismatch': [
    'error',
    `${P.replace('_202412_', '_202411_')}: ファイル名の年月（202411）と行の対象年月（202412）が違います。`,
  ],
  'service-date-month': [
    'error',
    `${P} 1行目 10列目「サービス利用日」 値「20250101」: サービス利用日が対象年月（202412）の月内ではありません。`,
  ],
  'welfare-equipment': [
    'error',
    `${P} 1行目 16列目「TAISコード」: 福祉用具貸与ではTAISコードか福祉用具届出コードのどちらかが必要です。`,
  ],
  'column-count': [
    'error',
    `${P} 1行目: 項目数が24です（第6表（サービス利用票）予定は25項目）。この行の項目は確認できません。`,
  ],
  'csv-syntax': [
    'error',
    `${P} 2行目: 引用符（"）が閉じられないままファイルが終わっています（ファイルが途中で切れている可能性があります）。`,
  ],
  encoding: ['error', `${P} 1行目 62バイト目: Shift-JIS（MS932）の文字として読めないバイトです。（バイト 80）`],
  gaiji: [
    'error',
    `${P} 1行目 60バイト目: 外字（利用者定義文字）は使えません。通常の文字に置き換えてください。（バイト F0 40）`,
  ],
  'control-char': [
    'error',
    `${P} 1行目 21バイト目: 制御文字が含まれています（テキストのCSVファイルではない可能性があります）。（バイト 00）`,
  ],
  'name-grammar': [
    'error',
    'UPPLAN_202412_1310100019_43_1310200017_20241125093000.CSV: ファイル名がケアプラン標準仕様の命名規約に合いません: 「_」で区切られた部分が6個ではありません（5個）。',
  ],
  'name-sequence': [
    'error',
    `${P.replace('20241125093000', '20241131250000')}: ファイル名の14桁の連番「20241131250000」が日時（YYYYMMDDHHMMSS）として正しくありません。`,
  ],
  'file-empty': ['error', `${P}: データ行がありません。`],
  'check-digit': [
    'warning',
    `${P} 1行目 20列目「サービス事業者コード」 値「1310200012」: 事業所番号の検証番号（10桁目）が計算と合いません（計算上は 7）。番号を相手先に確認してください。`,
  ],
  postal: [
    'error',
    'UPHOSOKU_202412_1310100019_43_1310200017_11_20241125093000.CSV 1行目 9列目「利用者郵便番号」 値「1000001」: 郵便番号は XXX-XXXX（半角、8文字）で記入してください。',
    'format',
  ],
  'hosoku-month-mismatch': [
    'error',
    'UPHOSOKU_000000_1310100019_43_1310200017_11_20241125093000.CSV: ファイル名の年月（000000）と行の対象年月（202412）が違います。',
    'name-month-mismatch',
  ],
  'unit-price': [
    'error',
    'UPSIKYU_202412_1310100019_43_1310200017_11_20241125093000.CSV 1行目 23列目「単位数単価」 値「11.4」: 単位数単価は 99.99 の形（例 11.40）で記入してください。',
    'format',
  ],
  'plan-category': [
    'error',
    'UP1KYO_1310100019_43_1310200017_11_20241120100000.CSV 1行目 16列目「計画書区分」 値「13」: 決められたコードではありません（11:初回、12:紹介、21:継続、51:初回＆紹介、52:初回＆継続、53:紹介＆継続、54:初回＆紹介＆継続）。',
    'code',
  ],
  'kihon-code': [
    'error',
    'UPKIHON_1310000011_46_1310100019_43_20241118090000.CSV 1行目 34列目「居住形態」 値「09」: 決められたコードではありません（01:自宅、02:借家、03:一戸建て、04:集合住宅、05:自宅・一戸建て、06:自宅・集合住宅、07:借家・一戸建て、08:借家・集合住宅）。',
    'code',
  ],
  'seventh-total': [
    'error',
    'UPSIKYU_202412_1310100019_43_1310200017_11_20241125093000.CSV 1行目: この利用者の全合計行（サービスコード 999999）がありません（第7表では必須です）。',
  ],
  'unused-column': [
    'warning',
    `${P} 1行目 25列目「識別子」 値「1」: 「使用しない」項目に値があります（取り込みでは無視します）。`,
  ],
};

describe('one failing fixture per rule', () => {
  it('covers every fixture folder', () => {
    expect(fs.readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (folder, [severity, message, ruleName]) => {
    const rule = ruleName ?? folder;
    const issues = findings(folder);
    const hit = issues.find((i) => i.rule === rule);
    expect(hit?.message).toBe(message);
    expect(hit?.severity).toBe(severity);
    // No other error than the one the fixture is about (encoding findings come one per bad byte).
    const otherErrors = issues.filter((i) => i.severity === 'error' && i.rule !== rule);
    if (rule === 'csv-syntax') expect(otherErrors.map((i) => i.rule)).toEqual(['column-count']);
    else expect(otherErrors).toEqual([]);
  });

  it('names row and byte offset of every byte of a UTF-8 file, and says it may be UTF-8', () => {
    const issues = findings('encoding');
    const encoding = issues.filter((i) => i.rule === 'encoding' && i.severity === 'error');
    expect(encoding.length).toBeGreaterThan(5);
    expect(encoding.every((i) => i.row === 1 && typeof i.byteOffset === 'number')).toBe(true);
    expect(issues.some((i) => i.severity === 'note' && i.message.includes('UTF-8'))).toBe(true);
  });

  it('shortens long values and shows line ends in messages', () => {
    const long = `202407,131016,0000012345,20241125,202412,1310100019,"a",580,,20241202,,0900,1000,1,111211,${'X'.repeat(40)},,"",,1310200017,"b",,0,1310100019,\r\n`;
    const f = parseCarePlanFile(P, Buffer.from(long, 'latin1'));
    const hit = f.issues.find((i) => i.rule === 'length');
    expect(hit?.value).toBe(`${'X'.repeat(24)}…（40文字）`);
  });
});
