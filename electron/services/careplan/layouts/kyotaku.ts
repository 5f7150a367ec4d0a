import { COMMON_HEAD, type ColumnSpec, type FileLayout } from '../layout';
import { CARE_LEVEL, CERTIFICATION_STATUS, PLAN_CATEGORY } from './codes';

// 利用者補足情報 UPHOSOKU and 居宅サービス計画 第1–3表 (UP1KYO, DLT1KYO, UP2KYO, UP3KYO), DOMAIN.md §4.7. Required
// flags beyond No.1–4 are partly illegible in the source dump; where §4.7 marks them [I] we follow it.

const text = (no: number, name: string): ColumnSpec => ({ no, name, type: 'text', required: false });
const date = (no: number, name: string, required = false): ColumnSpec => ({
  no,
  name,
  type: 'date',
  exactLength: 8,
  required,
});
const office = (no: number, name: string, required = false): ColumnSpec => ({
  no,
  name,
  type: 'office',
  exactLength: 10,
  required,
});
const unused = (no: number): ColumnSpec => ({ no, name: '識別子', type: 'unused', maxLength: 1, required: false });
const postal = (no: number, name: string): ColumnSpec => ({
  no,
  name,
  type: 'postal',
  exactLength: 8,
  required: false,
});
const digits = (no: number, name: string, maxLength: number): ColumnSpec => ({
  no,
  name,
  type: 'digits',
  maxLength,
  required: false,
});

const FULL_WIDTH_DIGITS = '１２３４５６７８９';

/** No.20–55: nine frames of サービス種類別 limits, filled from the first frame (§4.7). */
function serviceKindFrames(): ColumnSpec[] {
  const frames: ColumnSpec[] = [];
  for (let k = 0; k < 9; k++) {
    const n = FULL_WIDTH_DIGITS[k];
    const no = 20 + k * 4;
    frames.push(
      { no, name: `${n}サービス種類コード`, type: 'serviceKind', exactLength: 2, required: false },
      digits(no + 1, `${n}支給限度基準額`, 7),
      { no: no + 2, name: `${n}合計単位数`, type: 'integer', maxLength: 7, required: false },
      { no: no + 3, name: `${n}限度超単位数`, type: 'integer', maxLength: 7, required: false },
    );
  }
  return frames;
}

export const UPHOSOKU: FileLayout = {
  kind: 'UPHOSOKU',
  title: '利用者補足情報',
  columns: [
    ...COMMON_HEAD,
    // 00000000 when the file belongs to 第6/7表.
    { ...date(4, '居宅サービス計画作成（変更）日', true), alsoAllowed: ['00000000'] },
    text(5, '利用者氏名フリガナ'),
    text(6, '利用者氏名'),
    { no: 7, name: '利用者性別', type: 'code', exactLength: 1, required: false, codes: { '1': '男性', '2': '女性' } },
    date(8, '利用者生年月日'),
    postal(9, '利用者郵便番号'),
    text(10, '利用者住所１'),
    text(11, '利用者住所２'),
    { no: 12, name: '利用者電話番号', type: 'plain', maxLength: 15, required: false },
    date(13, '認定日'),
    date(14, '限度額適用開始年月日'),
    date(15, '限度額適用終了年月日'),
    {
      no: 16,
      name: '認定状況区分',
      type: 'code',
      exactLength: 1,
      required: false,
      codes: CERTIFICATION_STATUS,
    },
    date(17, '要介護状態変更日'),
    { no: 18, name: '要介護状態区分', type: 'code', exactLength: 2, required: false, codes: CARE_LEVEL },
    digits(19, '区分支給限度基準額', 7),
    ...serviceKindFrames(),
    { no: 56, name: '合計限度超単位数', type: 'integer', maxLength: 7, required: false },
    digits(57, '入所前月迄利用日数', 5),
    digits(58, '入所累積利用日数', 5),
    { no: 59, name: '前回要介護状態区分', type: 'code', exactLength: 2, required: false, codes: CARE_LEVEL },
    office(60, '同意書受付業者'),
    office(61, '更新業者コード'),
    unused(62),
    // 000000 when the file belongs to 第1/2表.
    { no: 63, name: '対象年月', type: 'month', exactLength: 6, required: true, alsoAllowed: ['000000'] },
  ],
  monthInName: true,
  monthColumn: 63,
  sendUnit: [],
};

export const UP1KYO: FileLayout = {
  kind: 'UP1KYO',
  title: '居宅サービス計画書（第1表）',
  columns: [
    ...COMMON_HEAD,
    date(4, '作成年月日', true),
    postal(5, '利用者郵便番号'),
    text(6, '利用者住所１'),
    text(7, '利用者住所２'),
    text(8, '居宅サービス計画作成者氏名'),
    text(9, '介護支援事業者名'),
    postal(10, '介護支援事業者郵便番号'),
    text(11, '介護支援事業者住所１'),
    text(12, '介護支援事業者住所２'),
    office(13, '介護支援事業者コード', true),
    date(14, '居宅サービス計画作成（変更）日', true),
    date(15, '初回居宅サービス計画作成日', true),
    { no: 16, name: '計画書区分', type: 'code', exactLength: 2, required: true, codes: PLAN_CATEGORY },
    {
      no: 17,
      name: '認定状況区分',
      type: 'code',
      exactLength: 1,
      required: false,
      codes: CERTIFICATION_STATUS,
    },
    date(18, '認定日'),
    date(19, '認定有効期間開始日'),
    date(20, '認定有効期間終了日'),
    { no: 21, name: '要介護状態区分', type: 'code', exactLength: 2, required: false, codes: CARE_LEVEL },
    text(22, '利用者及び家族の生活に対する意向を踏まえた課題分析の結果'),
    text(23, '介護認定審査会の意見及びサービスの種類の指定'),
    text(24, '総合的な援助の方針'),
    {
      no: 25,
      name: '生活援助中心型の算定理由',
      type: 'code',
      exactLength: 1,
      required: false,
      codes: { '1': '一人暮らし', '2': '家族等が障害、疾病等', '3': 'その他' },
    },
    text(26, 'その他理由'),
    office(27, '更新業者コード'),
    unused(28),
  ],
  monthInName: false,
  sendUnit: ['UP2KYO', 'UP3KYO', 'UPHOSOKU'],
};

export const DLT1KYO: FileLayout = {
  kind: 'DLT1KYO',
  title: '居宅サービス計画書（第1表）削除',
  columns: [...COMMON_HEAD, date(4, '居宅サービス計画作成（変更）日', true)],
  monthInName: false,
  sendUnit: [],
};

export const UP2KYO: FileLayout = {
  kind: 'UP2KYO',
  title: '居宅サービス計画書（第2表）',
  columns: [
    ...COMMON_HEAD,
    date(4, '居宅計画書作成年月日', true),
    date(5, '居宅サービス計画作成（変更）日', true),
    digits(6, '課題ＮＯ', 2),
    text(7, '課題'),
    digits(8, '援助目標ＮＯ', 2),
    text(9, '長期目標'),
    text(10, '短期目標'),
    text(11, '長期期間'),
    text(12, '短期期間'),
    digits(13, '援助内容ＮＯ', 2),
    text(14, 'サービス内容'),
    { no: 15, name: '保険対象区分', type: 'code', exactLength: 1, required: false, codes: { Y: '対象', N: '対象外' } },
    text(16, 'サービス種別'),
    office(17, 'サービス事業者コード'),
    text(18, 'サービス事業所名'),
    text(19, '頻度'),
    text(20, '実施期間'),
    office(21, '更新業者コード'),
    unused(22),
  ],
  monthInName: false,
  sendUnit: ['UP1KYO', 'UP3KYO', 'UPHOSOKU'],
};

const time = (no: number, name: string): ColumnSpec => ({ no, name, type: 'time', exactLength: 4, required: false });

export const UP3KYO: FileLayout = {
  kind: 'UP3KYO',
  title: '週間サービス計画表（第3表）',
  columns: [
    ...COMMON_HEAD,
    date(4, '週間サービス計画表作成年月日', true),
    date(5, '居宅サービス計画作成（変更）日', true),
    text(6, '介護サービス内容'),
    {
      no: 7,
      name: '曜日',
      type: 'code',
      exactLength: 1,
      required: false,
      codes: {
        '1': '月曜日',
        '2': '火曜日',
        '3': '水曜日',
        '4': '木曜日',
        '5': '金曜日',
        '6': '土曜日',
        '7': '日曜日',
      },
    },
    time(8, '開始時間'),
    time(9, '終了時間'),
    text(10, '主な日常生活上の活動'),
    time(11, '開始時間'),
    time(12, '終了時間'),
    text(13, '週単位以外のサービス'),
  ],
  monthInName: false,
  sendUnit: ['UP1KYO', 'UP2KYO', 'UPHOSOKU'],
};
