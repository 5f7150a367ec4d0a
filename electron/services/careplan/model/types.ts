// The care plan as typed data (issue 8 §3), independent of the v4.1 column order, so the same plan can later be
// written as v5.0 JSON. Dates are YYYYMMDD, months YYYYMM, times HHMM (9999 = no time) as in DOMAIN.md §4.5; empty
// optional text is ''. Amounts are integers or null when the column is empty.

/** The person half of every relation key (DOMAIN.md §4.6). */
export interface PersonRef {
  /** 保険者番号 (6 digits). */
  insurer: string;
  /** 被保険者番号 (10 characters; 生保単独 H + 9 digits). */
  insured: string;
}

/** Per-group values that a single row may override (kept only when the row differs from its group). */
export type Overrides<T> = { overrides?: Partial<T> };

export interface ServiceUseHead {
  /** 作成年月日. */
  createdOn: string;
  /** プラン担当業者コード (居宅介護支援事業所番号). */
  planOffice: string;
  planStaffName: string;
}

/** One row of 第6表: one service date × service code (DOMAIN.md §4.7). */
export interface ServiceUseItem extends Overrides<ServiceUseHead> {
  /** 単位数 after discounts; may be negative (減算). */
  units: number | null;
  shortStayDaysBefore: number | null;
  serviceDate: string;
  /** 31 flags "1"/"0", or '' when not 日割. */
  dailyRateDays: string;
  start: string;
  end: string;
  count: number | null;
  /** サービス種類コード (2) + サービス項目コード (4). */
  serviceCode: string;
  taisCode: string;
  notifiedCode: string;
  equipmentName: string;
  detailCode: string;
  /** サービス事業者コード (予定: planned provider; 実績: the provider who reports). */
  provider: string;
  providerName: string;
  satellite: string;
  /** ３０日超区分: '1' 該当, '0' 非該当. */
  over30Days: string;
  updatedBy: string;
}

/** 第6表 for one person and month: 予定 (UPPLAN) or 実績 (UPJSK). */
export interface ServiceUseTable extends PersonRef, ServiceUseHead {
  month: string;
  items: ServiceUseItem[];
}

export type SeventhRowKind = 'detail' | 'kindSubtotal' | 'outsideSubtotal' | 'over30Subtotal' | 'grandTotal';

/** One row of 第7表 (サービス利用票別表). */
export interface SeventhRow extends Overrides<{ createdOn: string }> {
  officeName: string;
  /** サービス事業所コード; 9999999999 on the 全合計 row. */
  office: string;
  satellite: string;
  /** サービスコード, or CD+AAAA / CD+EEEE / CD+ZZZZ subtotals, or 999999 for the 全合計. */
  serviceCode: string;
  taisCode: string;
  notifiedCode: string;
  equipmentName: string;
  units: number | null;
  discountRate: string;
  discountedUnits: number | null;
  count: number | null;
  serviceUnits: number | null;
  /** 給付管理単位数; null for services outside the 区分支給限度. */
  managedUnits: number | null;
  overKindLimit: number | null;
  withinKindLimit: number | null;
  overLimit: number | null;
  /** 区分支給限度基準内単位数 (= 計画単位数 used by receivers). */
  withinLimit: number | null;
  /** 単位数単価 in the 99.99 form. */
  unitPrice: string;
  totalCost: number | null;
  benefitRate: string;
  claimAmount: number | null;
  fixedCopayUnitPrice: number | null;
  copay: number | null;
  fullCopay: number | null;
  daysBeforeMonth: string;
  plannedDays: string;
  cumulativeDays: string;
  over30Days: string;
  totalOffice: string;
  enteredBy: string;
  updatedBy: string;
}

/** 第7表 for one person and month. */
export interface SeventhTable extends PersonRef {
  month: string;
  createdOn: string;
  rows: SeventhRow[];
}

/** One サービス種類別 limit frame of 利用者補足情報 (No.20–55). */
export interface KindLimitFrame {
  serviceKind: string;
  limit: number | null;
  total: number | null;
  over: number | null;
}

/** 利用者補足情報 (UPHOSOKU): tied either to a month (第6/7表) or to a plan date (第1–3表). */
export interface Supplement extends PersonRef {
  /** 居宅サービス計画作成（変更）日, or 00000000 when tied to 第6/7表. */
  planDate: string;
  /** 対象年月, or 000000 when tied to 第1/2表. */
  month: string;
  nameKana: string;
  name: string;
  sex: string;
  birthDate: string;
  postalCode: string;
  address1: string;
  address2: string;
  phone: string;
  certifiedOn: string;
  limitFrom: string;
  limitTo: string;
  certificationStatus: string;
  careLevelChangedOn: string;
  /** 要介護状態区分 (06/12/13/21–25). */
  careLevel: string;
  /** 区分支給限度基準額 as printed (units/month). */
  benefitLimit: number | null;
  kindLimits: KindLimitFrame[];
  totalOverUnits: number | null;
  daysBeforeAdmission: number | null;
  cumulativeAdmissionDays: number | null;
  previousCareLevel: string;
  consentOffice: string;
  updatedBy: string;
}

/** 居宅サービス計画書 第1表. */
export interface FirstTable extends PersonRef {
  createdOn: string;
  postalCode: string;
  address1: string;
  address2: string;
  plannerName: string;
  supportOfficeName: string;
  supportOfficePostalCode: string;
  supportOfficeAddress1: string;
  supportOfficeAddress2: string;
  supportOffice: string;
  /** 居宅サービス計画作成（変更）日: the relation key of 第1–3表. */
  planDate: string;
  firstPlanDate: string;
  planCategory: string;
  certificationStatus: string;
  certifiedOn: string;
  validFrom: string;
  validTo: string;
  careLevel: string;
  wishesAndAnalysis: string;
  boardOpinion: string;
  overallPolicy: string;
  livingSupportReason: string;
  otherReason: string;
  updatedBy: string;
}

/** One 援助内容 row of 第2表 (課題 and 目標 repeat on every row, as in the file). */
export interface SecondRow extends Overrides<{ createdOn: string }> {
  issueNo: string;
  issue: string;
  goalNo: string;
  longGoal: string;
  shortGoal: string;
  longPeriod: string;
  shortPeriod: string;
  supportNo: string;
  serviceContent: string;
  /** 保険対象区分: Y / N. */
  insuranceCovered: string;
  serviceType: string;
  provider: string;
  providerName: string;
  frequency: string;
  period: string;
  updatedBy: string;
}

export interface SecondTable extends PersonRef {
  planDate: string;
  createdOn: string;
  rows: SecondRow[];
}

/** One row of 第3表 (週間サービス計画表). */
export interface ThirdRow extends Overrides<{ createdOn: string }> {
  serviceContent: string;
  /** 曜日 1 (月) … 7 (日). */
  weekday: string;
  start: string;
  end: string;
  dailyActivity: string;
  activityStart: string;
  activityEnd: string;
  nonWeeklyServices: string;
}

export interface ThirdTable extends PersonRef {
  planDate: string;
  createdOn: string;
  rows: ThirdRow[];
}

export interface PlanDeletion extends PersonRef {
  month: string;
}
export interface ActualDeletion extends PersonRef {
  month: string;
  provider: string;
  serviceKind: string;
}
export interface FirstDeletion extends PersonRef {
  planDate: string;
}

/** The content of one file, by kind. */
export interface ModelByKind {
  UPPLAN: ServiceUseTable[];
  UPJSK: ServiceUseTable[];
  UPSIKYU: SeventhTable[];
  UPHOSOKU: Supplement[];
  UP1KYO: FirstTable[];
  UP2KYO: SecondTable[];
  UP3KYO: ThirdTable[];
  DLTPLAN: PlanDeletion[];
  DLTJSK: ActualDeletion[];
  DLT1KYO: FirstDeletion[];
}
