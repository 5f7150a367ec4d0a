// Code tables shared by the services and the screens (labels are part of what the API means).

/** 要介護状態区分コード (DOMAIN.md §2.3). */
export const CARE_LEVEL_LABELS = {
  '01': '非該当',
  '06': '事業対象者',
  '11': '要支援（経過的要介護）',
  '12': '要支援1',
  '13': '要支援2',
  '21': '要介護1',
  '22': '要介護2',
  '23': '要介護3',
  '24': '要介護4',
  '25': '要介護5',
} as const;
export type CareLevelCode = keyof typeof CARE_LEVEL_LABELS;
export const CARE_LEVEL_CODES = Object.keys(CARE_LEVEL_LABELS) as [CareLevelCode, ...CareLevelCode[]];

/** 負担割合区分 (DOMAIN.md §2.5): "10" = 1割, "20" = 2割, "30" = 3割. */
export const BURDEN_RATIO_LABELS = { '10': '1割', '20': '2割', '30': '3割' } as const;
export type BurdenRatioCode = keyof typeof BURDEN_RATIO_LABELS;
export const BURDEN_RATIO_CODES = Object.keys(BURDEN_RATIO_LABELS) as [BurdenRatioCode, ...BurdenRatioCode[]];

/** 利用者負担段階 on the 負担限度額認定証 (DOMAIN.md §2.6); 第4段階 is not eligible, so it has no 証. */
export const BURDEN_STAGE_LABELS = {
  '1': '第1段階',
  '2': '第2段階',
  '3-1': '第3段階①',
  '3-2': '第3段階②',
} as const;
export type BurdenStageCode = keyof typeof BURDEN_STAGE_LABELS;
export const BURDEN_STAGE_CODES = Object.keys(BURDEN_STAGE_LABELS) as [BurdenStageCode, ...BurdenStageCode[]];

/** 認定状況区分 (DOMAIN.md §2.3, CSV 利用者基本情報): 1 = 申請中, 2 = 認定済. */
export const CERTIFICATION_STATUS_LABELS = { '1': '申請中', '2': '認定済' } as const;
export type CertificationStatusCode = keyof typeof CERTIFICATION_STATUS_LABELS;
export const CERTIFICATION_STATUS_CODES = Object.keys(CERTIFICATION_STATUS_LABELS) as [
  CertificationStatusCode,
  ...CertificationStatusCode[],
];

/** 性別 (DOMAIN.md §2.2): 1 = 男, 2 = 女. */
export const SEX_LABELS = { '1': '男', '2': '女' } as const;
export type SexCode = keyof typeof SEX_LABELS;
export const SEX_CODES = Object.keys(SEX_LABELS) as [SexCode, ...SexCode[]];
