import { COMMON_HEAD, type ColumnSpec, type FileLayout } from '../layout';
import { CERTIFICATION_STATUS, PLAN_CATEGORY } from './codes';

// 介護予防 files (DOMAIN.md §4.3/§4.7, names and lengths read from the layout definition, src:A1):
// 利用者基本情報 UPKIHON (+別表1 UPKIHON_SUB1, 別表2 UPKIHON_SUB2), DLTKIHON, 介護予防サービス・支援計画書 UPYOBO
// (+別表 UPYOBO_SUB), DLTYOBO. Required flags beyond No.1–4 are not legible in the source; only No.1–4 are
// enforced, so that valid files from other vendors are not rejected on a guess.

const text = (no: number, name: string): ColumnSpec => ({ no, name, type: 'text', required: false });
const date = (no: number, name: string, required = false): ColumnSpec => ({
  no,
  name,
  type: 'date',
  exactLength: 8,
  required,
});
const phone = (no: number, name: string): ColumnSpec => ({ no, name, type: 'plain', maxLength: 15, required: false });
const code = (no: number, name: string, codes: Readonly<Record<string, string>>): ColumnSpec => ({
  no,
  name,
  type: 'code',
  exactLength: Object.keys(codes)[0]!.length,
  required: false,
  codes,
});

const YES_NO_10 = { '1': '該当', '0': '非該当' } as const;
const ARI_NASHI = { '1': '有', '2': '無' } as const;
const PLAN_KIND = { '1': '介護予防支援', '2': '介護予防ケアマネジメント' } as const;
const ENTRUSTED = { '1': '自前', '2': '委託' } as const;
/** 要介護状態区分 in UPKIHON: 01 非該当 instead of 06 事業対象者. */
const KIHON_CARE_LEVEL = {
  '01': '非該当',
  '12': '要支援１',
  '13': '要支援２',
  '21': '要介護１',
  '22': '要介護２',
  '23': '要介護３',
  '24': '要介護４',
  '25': '要介護５',
} as const;

const consultationDay: ColumnSpec = date(4, '相談日', true);

function emergencyContacts(): ColumnSpec[] {
  const out: ColumnSpec[] = [];
  for (let k = 0; k < 4; k++) {
    const no = 46 + k * 4;
    const n = k + 1;
    out.push(
      text(no, `${n} 緊急連絡先(氏名)`),
      text(no + 1, `${n} 緊急連絡先(続柄)`),
      text(no + 2, `${n} 緊急連絡先(住所)`),
      phone(no + 3, `${n} 緊急連絡先(電話番号)`),
    );
  }
  return out;
}

export const UPKIHON: FileLayout = {
  kind: 'UPKIHON',
  title: '利用者基本情報',
  columns: [
    ...COMMON_HEAD,
    consultationDay,
    code(5, '計画種類', PLAN_KIND),
    code(6, '委託の有無', ENTRUSTED),
    text(7, '作成担当者'),
    code(8, '相談方法', { '01': '来所', '02': '電話', '03': 'その他' }),
    text(9, '相談方法(その他の内容)'),
    code(10, '相談回数', { '01': '初回', '02': '再来' }),
    date(11, '前回相談日'),
    code(12, '利用者の現況', { '01': '在宅', '02': '入院又は入所中' }),
    text(13, '利用者の現況(状況補足)'),
    text(14, '利用者氏名ﾌﾘｶﾞﾅ'),
    text(15, '利用者氏名'),
    code(16, '利用者性別', { '1': '男性', '2': '女性' }),
    date(17, '利用者生年月日'),
    text(18, '利用者住所'),
    phone(19, '利用者電話番号'),
    phone(20, '利用者Fax番号'),
    code(21, '障害高齢者の日常生活自立度', {
      '01': '自立',
      '11': 'J1',
      '12': 'J2',
      '21': 'A1',
      '22': 'A2',
      '31': 'B1',
      '32': 'B2',
      '41': 'C1',
      '42': 'C2',
    }),
    code(22, '認知症高齢者の日常生活自立度', {
      '01': '自立',
      '02': 'Ⅰ',
      '03': 'Ⅱａ',
      '04': 'Ⅱｂ',
      '05': 'Ⅲａ',
      '06': 'Ⅲｂ',
      '07': 'Ⅳ',
      '08': 'Ｍ',
    }),
    code(23, '要介護状態区分', KIHON_CARE_LEVEL),
    date(24, '認定有効期限開始日'),
    date(25, '認定有効期間終了日'),
    code(26, '前回の介護度', KIHON_CARE_LEVEL),
    code(27, '基本チェックリスト記入結果', { '1': '事業対象者の該当あり', '2': '事業対象者の該当なし' }),
    date(28, '基本チェックリスト記入日'),
    code(29, '障害等認定(身障)', YES_NO_10),
    code(30, '障害等認定(療育)', YES_NO_10),
    code(31, '障害等認定(精神)', YES_NO_10),
    code(32, '障害等認定(難病)', YES_NO_10),
    text(33, '障害等認定特記事項'),
    code(34, '居住形態', {
      '01': '自宅',
      '02': '借家',
      '03': '一戸建て',
      '04': '集合住宅',
      '05': '自宅・一戸建て',
      '06': '自宅・集合住宅',
      '07': '借家・一戸建て',
      '08': '借家・集合住宅',
    }),
    { no: 35, name: '自室の階数', type: 'digits', maxLength: 2, required: false },
    code(36, '住宅改修の有無', ARI_NASHI),
    code(37, '経済状況(国民年金)', YES_NO_10),
    code(38, '経済状況(厚生年金)', YES_NO_10),
    code(39, '経済状況(障害年金)', YES_NO_10),
    code(40, '経済状況(生活保護)', YES_NO_10),
    text(41, '経済状況詳細'),
    text(42, '来所者(相談者)氏名'),
    text(43, '来所者(相談者)住所'),
    phone(44, '来所者(相談者)電話番号'),
    text(45, '来所者(相談者)続柄'),
    ...emergencyContacts(),
    text(62, '家族構成 画像ファイル名'),
    text(63, '家族関係等の状況'),
    text(64, '今までの生活'),
    text(65, '１日の生活・すごし方(生活全般)'),
    text(66, '趣味・楽しみ・特技'),
    text(67, '友人・地域との関係'),
    text(68, '現在利用している公的サービス'),
    text(69, '現在利用している非公的サービス'),
    date(70, '同意日'),
    text(71, '同意者氏名'),
  ],
  monthInName: false,
  sendUnit: [],
};

export const UPKIHON_SUB1: FileLayout = {
  kind: 'UPKIHON_SUB1',
  title: '利用者基本情報（別表1）1日の生活・すごし方',
  columns: [
    ...COMMON_HEAD,
    consultationDay,
    text(5, '時間'),
    text(6, '本人の生活状況'),
    text(7, '介護者・家族の生活状況'),
  ],
  monthInName: false,
  sendUnit: ['UPKIHON'],
};

export const UPKIHON_SUB2: FileLayout = {
  kind: 'UPKIHON_SUB2',
  title: '利用者基本情報（別表2）現病歴・既往歴',
  columns: [
    ...COMMON_HEAD,
    consultationDay,
    text(5, '年月日'),
    text(6, '病名'),
    text(7, '医療機関・医師名'),
    code(8, '主治医・意見作成者フラグ', { '1': '主治医', '2': 'それ以外' }),
    phone(9, '医療機関・医師電話番号'),
    code(10, '経過', { '01': '治療中', '02': '経過観察中', '03': 'その他' }),
    text(11, '治療中の内容'),
  ],
  monthInName: false,
  sendUnit: ['UPKIHON'],
};

export const DLTKIHON: FileLayout = {
  kind: 'DLTKIHON',
  title: '利用者基本情報 削除',
  columns: [...COMMON_HEAD, consultationDay],
  monthInName: false,
  sendUnit: [],
};

const planDate = date(4, '計画作成(変更)日', true);

function domains(): ColumnSpec[] {
  const names = ['運動・移動', '日常生活(家庭生活)', '社会参加、対人関係・コミュニケーション', '健康管理'];
  return names.flatMap((d, k) => {
    const no = 24 + k * 4;
    return [
      text(no, `【${d}】現在の状況`),
      text(no + 1, `【${d}】本人・家族の意欲・意向`),
      code(no + 2, `【${d}】領域における課題の有無`, ARI_NASHI),
      text(no + 3, `【${d}】領域における課題（背景・原因）`),
    ];
  });
}

const CHECKLIST = ['運動不足', '栄養改善', '口腔内ケア', '閉じこもり予防', '物忘れ予防', 'うつ予防'];

export const UPYOBO: FileLayout = {
  kind: 'UPYOBO',
  title: '介護予防サービス・支援計画書',
  columns: [
    ...COMMON_HEAD,
    planDate,
    code(5, '計画種類', PLAN_KIND),
    code(6, '委託の有無', ENTRUSTED),
    text(7, '整理番号'),
    text(8, '利用者名'),
    date(9, '認定年月日'),
    date(10, '認定有効期間開始日'),
    date(11, '認定有効期間終了日'),
    code(12, '計画書区分', PLAN_CATEGORY),
    code(13, '認定状況区分', CERTIFICATION_STATUS),
    code(14, '要支援状態区分', { '1': '要支援１', '2': '要支援２', '3': '地域支援事業' }),
    text(15, '計画作成者氏名（地域包括支援センター担当者名）'),
    text(16, '計画作成者氏名（担当介護支援専門員名）'),
    text(17, '計画作成者事業者・事業所名'),
    text(18, '計画作成者事業者・事業所住所'),
    phone(19, '計画作成者事業者・事業所電話番号'),
    date(20, '初回作成日'),
    text(21, '担当地域包括支援センター'),
    text(22, '目標とする生活(1日)'),
    text(23, '目標とする生活(1年)'),
    ...domains(),
    text(40, '健康状態の留意点'),
    text(41, '妥当な支援の実施に向けた方針'),
    text(42, '総合的な方針'),
    ...CHECKLIST.map((c, k): ColumnSpec => ({
      no: 43 + k,
      name: `基本チェックリストの該当数(${c})`,
      type: 'digits',
      maxLength: 1,
      required: false,
    })),
    ...CHECKLIST.map((c, k) => code(49 + k, `事業プログラムの要否(${c})`, { '1': '要', '2': '否' })),
    text(55, '地域包括支援センター意見'),
    date(56, '同意日'),
    text(57, '同意者氏名'),
  ],
  monthInName: false,
  sendUnit: [],
};

export const UPYOBO_SUB: FileLayout = {
  kind: 'UPYOBO_SUB',
  title: '介護予防サービス・支援計画書（別表）支援計画',
  columns: [
    ...COMMON_HEAD,
    planDate,
    { no: 5, name: '課題ＮＯ', type: 'digits', maxLength: 2, required: false },
    text(6, '総合的課題'),
    text(7, '課題に対する目標と具体策の提案'),
    text(8, '具体策についての意向本人・家族'),
    text(9, '目標'),
    { no: 10, name: '支援計画ＮＯ', type: 'digits', maxLength: 2, required: false },
    text(11, '【支援計画】目標についての支援のポイント'),
    text(12, '【支援計画】本人等のセルフケアや家族の支援、インフォーマルサービス（民間サービス）'),
    text(13, '【支援計画】介護保険サービス又は地域支援事業（総合事業のサービス）'),
    { no: 14, name: '利用サービスＮＯ', type: 'digits', maxLength: 2, required: false },
    text(15, '【利用サービス】サービス種別'),
    text(16, '【利用サービス】事業所(利用先)'),
    text(17, '【利用サービス】期間'),
  ],
  monthInName: false,
  sendUnit: ['UPYOBO'],
};

export const DLTYOBO: FileLayout = {
  kind: 'DLTYOBO',
  title: '介護予防サービス・支援計画書 削除',
  columns: [...COMMON_HEAD, planDate],
  monthInName: false,
  sendUnit: [],
};
