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

// 介護予防 files (DOMAIN.md §4.3/§4.7, layouts in ../layouts/yobo.ts). 利用者基本情報 and its 別表1/2 are tied by
// person + 相談日 (No.4); 介護予防サービス・支援計画書 and its 別表 by person + 計画作成(変更)日 (No.4). These files have
// no 識別子 column. Codes keep their leading zeros as strings.

/** One 緊急連絡先 frame of 利用者基本情報 (No.46–61, four frames of four columns). */
export interface EmergencyContact {
  /** 緊急連絡先(氏名). */
  name: string;
  /** 緊急連絡先(続柄). */
  relation: string;
  /** 緊急連絡先(住所). */
  address: string;
  /** 緊急連絡先(電話番号). */
  phone: string;
}

/** 利用者基本情報 (UPKIHON, 71 items), one per person and 相談日. */
export interface BasicInfo extends PersonRef {
  /** 相談日 (No.4): the relation key of 利用者基本情報 and its 別表1/2. */
  consultedOn: string;
  /** 計画種類: 1 介護予防支援, 2 介護予防ケアマネジメント. */
  planKind: string;
  /** 委託の有無: 1 自前, 2 委託. */
  entrusted: string;
  /** 作成担当者. */
  staffName: string;
  /** 相談方法: 01 来所, 02 電話, 03 その他. */
  consultationMethod: string;
  /** 相談方法(その他の内容). */
  consultationMethodNote: string;
  /** 相談回数: 01 初回, 02 再来. */
  consultationCount: string;
  /** 前回相談日. */
  previousConsultedOn: string;
  /** 利用者の現況: 01 在宅, 02 入院又は入所中. */
  currentSituation: string;
  /** 利用者の現況(状況補足). */
  currentSituationNote: string;
  /** 利用者氏名ﾌﾘｶﾞﾅ. */
  nameKana: string;
  /** 利用者氏名. */
  name: string;
  /** 利用者性別: 1 男性, 2 女性. */
  sex: string;
  /** 利用者生年月日. */
  birthDate: string;
  /** 利用者住所. */
  address: string;
  /** 利用者電話番号. */
  phone: string;
  /** 利用者Fax番号. */
  fax: string;
  /** 障害高齢者の日常生活自立度 (01 自立, 11 J1 … 42 C2). */
  physicalIndependence: string;
  /** 認知症高齢者の日常生活自立度 (01 自立, 02 Ⅰ … 08 Ｍ). */
  dementiaIndependence: string;
  /** 要介護状態区分 (01 非該当, 12, 13, 21–25). */
  careLevel: string;
  /** 認定有効期限開始日. */
  validFrom: string;
  /** 認定有効期間終了日. */
  validTo: string;
  /** 前回の介護度 (same codes as careLevel). */
  previousCareLevel: string;
  /** 基本チェックリスト記入結果: 1 事業対象者の該当あり, 2 該当なし. */
  checklistResult: string;
  /** 基本チェックリスト記入日. */
  checklistOn: string;
  /** 障害等認定(身障): 1 該当, 0 非該当. */
  physicalDisability: string;
  /** 障害等認定(療育): 1 該当, 0 非該当. */
  intellectualDisability: string;
  /** 障害等認定(精神): 1 該当, 0 非該当. */
  mentalDisability: string;
  /** 障害等認定(難病): 1 該当, 0 非該当. */
  intractableDisease: string;
  /** 障害等認定特記事項. */
  disabilityNote: string;
  /** 居住形態 (01 自宅 … 08 借家・集合住宅). */
  residence: string;
  /** 自室の階数 (digits as written). */
  roomFloor: string;
  /** 住宅改修の有無: 1 有, 2 無. */
  homeModified: string;
  /** 経済状況(国民年金): 1 該当, 0 非該当. */
  nationalPension: string;
  /** 経済状況(厚生年金): 1 該当, 0 非該当. */
  employeePension: string;
  /** 経済状況(障害年金): 1 該当, 0 非該当. */
  disabilityPension: string;
  /** 経済状況(生活保護): 1 該当, 0 非該当. */
  publicAssistance: string;
  /** 経済状況詳細. */
  financialNote: string;
  /** 来所者(相談者)氏名. */
  visitorName: string;
  /** 来所者(相談者)住所. */
  visitorAddress: string;
  /** 来所者(相談者)電話番号. */
  visitorPhone: string;
  /** 来所者(相談者)続柄. */
  visitorRelation: string;
  /** 緊急連絡先 1–4 in order; empty frames after the last filled one are left out. */
  emergencyContacts: EmergencyContact[];
  /** 家族構成 画像ファイル名 (the UPKIHON_IMAGE_… .jpg sent alongside). */
  familyImageFile: string;
  /** 家族関係等の状況. */
  familySituation: string;
  /** 今までの生活. */
  lifeHistory: string;
  /** １日の生活・すごし方(生活全般). */
  dailyLife: string;
  /** 趣味・楽しみ・特技. */
  hobbies: string;
  /** 友人・地域との関係. */
  community: string;
  /** 現在利用している公的サービス. */
  publicServices: string;
  /** 現在利用している非公的サービス. */
  informalServices: string;
  /** 同意日. */
  consentOn: string;
  /** 同意者氏名. */
  consentBy: string;
}

/** One row of 利用者基本情報 別表1 (1日の生活・すごし方). */
export interface DailyLifeRow {
  /** 時間 (free text, e.g. "7:00"). */
  time: string;
  /** 本人の生活状況. */
  personActivity: string;
  /** 介護者・家族の生活状況. */
  familyActivity: string;
}

/** 利用者基本情報 別表1 (UPKIHON_SUB1) for one person and 相談日. */
export interface DailyLifeTable extends PersonRef {
  /** 相談日: ties the rows to their 利用者基本情報. */
  consultedOn: string;
  rows: DailyLifeRow[];
}

/** One row of 利用者基本情報 別表2 (現病歴・既往歴). */
export interface MedicalHistoryRow {
  /** 年月日 (free text as written, e.g. "平成30年"). */
  date: string;
  /** 病名. */
  disease: string;
  /** 医療機関・医師名. */
  institution: string;
  /** 主治医・意見作成者フラグ: 1 主治医, 2 それ以外. */
  attendingFlag: string;
  /** 医療機関・医師電話番号. */
  phone: string;
  /** 経過: 01 治療中, 02 経過観察中, 03 その他. */
  progress: string;
  /** 治療中の内容. */
  treatment: string;
}

/** 利用者基本情報 別表2 (UPKIHON_SUB2) for one person and 相談日. */
export interface MedicalHistoryTable extends PersonRef {
  /** 相談日: ties the rows to their 利用者基本情報. */
  consultedOn: string;
  rows: MedicalHistoryRow[];
}

/** 利用者基本情報_削除 (DLTKIHON): removes 利用者基本情報 and its 別表1/2 of that 相談日. */
export interface BasicInfoDeletion extends PersonRef {
  /** 相談日. */
  consultedOn: string;
}

/** One アセスメント領域 of the 支援計画書 (No.24–39, four columns each). */
export interface PreventionDomain {
  /** 現在の状況. */
  situation: string;
  /** 本人・家族の意欲・意向. */
  wishes: string;
  /** 領域における課題の有無: 1 有, 2 無. */
  hasIssue: string;
  /** 領域における課題（背景・原因）. */
  issueBackground: string;
}

/** The six 基本チェックリスト areas of No.43–48 and No.49–54. */
export interface PreventionAreas<T> {
  /** 運動不足. */
  exercise: T;
  /** 栄養改善. */
  nutrition: T;
  /** 口腔内ケア. */
  oralCare: T;
  /** 閉じこもり予防. */
  withdrawal: T;
  /** 物忘れ予防. */
  memory: T;
  /** うつ予防. */
  depression: T;
}

/** 介護予防サービス・支援計画書 (UPYOBO, 57 items), one per person and 計画作成(変更)日. */
export interface PreventionPlan extends PersonRef {
  /** 計画作成(変更)日 (No.4): the relation key of the 支援計画書 and its 別表. */
  planDate: string;
  /** 計画種類: 1 介護予防支援, 2 介護予防ケアマネジメント. */
  planKind: string;
  /** 委託の有無: 1 自前, 2 委託. */
  entrusted: string;
  /** 整理番号. */
  referenceNo: string;
  /** 利用者名. */
  name: string;
  /** 認定年月日. */
  certifiedOn: string;
  /** 認定有効期間開始日. */
  validFrom: string;
  /** 認定有効期間終了日. */
  validTo: string;
  /** 計画書区分 (11 初回, 12 紹介, 21 継続, 51–54 combinations). */
  planCategory: string;
  /** 認定状況区分: 1 申請中, 2 認定済. */
  certificationStatus: string;
  /** 要支援状態区分: 1 要支援１, 2 要支援２, 3 地域支援事業. */
  supportLevel: string;
  /** 計画作成者氏名（地域包括支援センター担当者名）. */
  centerStaffName: string;
  /** 計画作成者氏名（担当介護支援専門員名）. */
  careManagerName: string;
  /** 計画作成者事業者・事業所名. */
  plannerOfficeName: string;
  /** 計画作成者事業者・事業所住所. */
  plannerOfficeAddress: string;
  /** 計画作成者事業者・事業所電話番号. */
  plannerOfficePhone: string;
  /** 初回作成日. */
  firstPlanDate: string;
  /** 担当地域包括支援センター. */
  supportCenter: string;
  /** 目標とする生活(1日). */
  dailyGoal: string;
  /** 目標とする生活(1年). */
  yearlyGoal: string;
  /**
   * The four 領域, always four and in this order: 運動・移動, 日常生活(家庭生活), 社会参加・対人関係・コミュニケーション,
   * 健康管理.
   */
  domains: [PreventionDomain, PreventionDomain, PreventionDomain, PreventionDomain];
  /** 健康状態の留意点. */
  healthNotes: string;
  /** 妥当な支援の実施に向けた方針. */
  supportPolicy: string;
  /** 総合的な方針. */
  overallPolicy: string;
  /** 基本チェックリストの該当数 (one digit each; null when empty). */
  checklistCounts: PreventionAreas<number | null>;
  /** 事業プログラムの要否: 1 要, 2 否. */
  programNeeded: PreventionAreas<string>;
  /** 地域包括支援センター意見. */
  centerOpinion: string;
  /** 同意日. */
  consentOn: string;
  /** 同意者氏名. */
  consentBy: string;
}

/** One 支援計画 row of the 支援計画書 別表 (課題 and 目標 repeat on every row, as in the file). */
export interface SupportPlanRow {
  /** 課題ＮＯ. */
  issueNo: string;
  /** 総合的課題. */
  overallIssue: string;
  /** 課題に対する目標と具体策の提案. */
  proposal: string;
  /** 具体策についての意向 本人・家族. */
  intention: string;
  /** 目標. */
  goal: string;
  /** 支援計画ＮＯ. */
  supportNo: string;
  /** 【支援計画】目標についての支援のポイント. */
  supportPoint: string;
  /** 【支援計画】本人等のセルフケアや家族の支援、インフォーマルサービス（民間サービス）. */
  selfCare: string;
  /** 【支援計画】介護保険サービス又は地域支援事業（総合事業のサービス）. */
  insuredService: string;
  /** 利用サービスＮＯ. */
  serviceNo: string;
  /** 【利用サービス】サービス種別. */
  serviceType: string;
  /** 【利用サービス】事業所(利用先). */
  provider: string;
  /** 【利用サービス】期間. */
  period: string;
}

/** 介護予防サービス・支援計画書 別表 (UPYOBO_SUB) for one person and 計画作成(変更)日. */
export interface SupportPlanTable extends PersonRef {
  /** 計画作成(変更)日: ties the rows to their 支援計画書. */
  planDate: string;
  rows: SupportPlanRow[];
}

/** 支援計画書_削除 (DLTYOBO): removes the 支援計画書 and its 別表 of that 計画作成(変更)日. */
export interface PreventionPlanDeletion extends PersonRef {
  /** 計画作成(変更)日. */
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
  UPKIHON: BasicInfo[];
  UPKIHON_SUB1: DailyLifeTable[];
  UPKIHON_SUB2: MedicalHistoryTable[];
  DLTKIHON: BasicInfoDeletion[];
  UPYOBO: PreventionPlan[];
  UPYOBO_SUB: SupportPlanTable[];
  DLTYOBO: PreventionPlanDeletion[];
}
