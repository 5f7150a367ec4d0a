// Code lists shared by several layouts (DOMAIN.md §4.7, §2.3).

/** 要介護状態区分 as written in the care-plan files. */
export const CARE_LEVEL: Readonly<Record<string, string>> = {
  '06': '事業対象者',
  '12': '要支援１',
  '13': '要支援２',
  '21': '要介護１',
  '22': '要介護２',
  '23': '要介護３',
  '24': '要介護４',
  '25': '要介護５',
};

export const CERTIFICATION_STATUS: Readonly<Record<string, string>> = { '1': '申請中', '2': '認定済' };

export const THIRTY_DAYS: Readonly<Record<string, string>> = { '1': '該当', '0': '非該当' };

/** 計画書区分 (第1表, 介護予防支援計画書). */
export const PLAN_CATEGORY: Readonly<Record<string, string>> = {
  '11': '初回',
  '12': '紹介',
  '21': '継続',
  '51': '初回＆紹介',
  '52': '初回＆継続',
  '53': '紹介＆継続',
  '54': '初回＆紹介＆継続',
};

/** 全合計 rows of 第7表 carry ALL9 in the office columns (§4.7). */
export const ALL9_OFFICE = '9999999999';
