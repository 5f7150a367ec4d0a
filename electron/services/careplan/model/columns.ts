import type { FileKind } from '../layout';
import { frameKeys, groupKeys, type FrameSpec, type GroupSpec, type Shape } from './shapes';

// Which model property each v4.1 column maps to (DOMAIN.md §4.7), in column order: index i = column No.(i+1).
// '' marks columns the model does not keep: No.1 CSVバージョン (the writer always writes CSV_VERSION) and the
// 識別子 column ("使用しない", written empty). Int columns become number | null; every other column stays a string
// so codes keep their leading zeros and a canonical file round-trips byte-identical.

export interface ColumnMap {
  /** Property per column ('' = not kept). */
  keys: readonly string[];
  /** Properties holding integers. */
  ints: ReadonlySet<string>;
  /** Properties shared by all rows of one group (the relation key); the rest belong to each row. */
  group: readonly string[];
  /** Per-group properties taken from the group's first row (a row that differs keeps its own value). */
  head: readonly string[];
  /** Frames and groups of columns nested in the model (shapes.ts); only for kinds without `group`. */
  shape?: Shape;
}

const SIXTH = [
  '',
  'insurer',
  'insured',
  'createdOn',
  'month',
  'planOffice',
  'planStaffName',
  'units',
  'shortStayDaysBefore',
  'serviceDate',
  'dailyRateDays',
  'start',
  'end',
  'count',
  'serviceCode',
  'taisCode',
  'notifiedCode',
  'equipmentName',
  'detailCode',
  'provider',
  'providerName',
  'satellite',
  'over30Days',
  'updatedBy',
  '',
];

const SEVENTH = [
  '',
  'insurer',
  'insured',
  'createdOn',
  'month',
  'officeName',
  'office',
  'satellite',
  'serviceCode',
  'taisCode',
  'notifiedCode',
  'equipmentName',
  'units',
  'discountRate',
  'discountedUnits',
  'count',
  'serviceUnits',
  'managedUnits',
  'overKindLimit',
  'withinKindLimit',
  'overLimit',
  'withinLimit',
  'unitPrice',
  'totalCost',
  'benefitRate',
  'claimAmount',
  'fixedCopayUnitPrice',
  'copay',
  'fullCopay',
  'daysBeforeMonth',
  'plannedDays',
  'cumulativeDays',
  'over30Days',
  'totalOffice',
  'enteredBy',
  'updatedBy',
  '',
];

const SEVENTH_INTS = [
  'units',
  'discountedUnits',
  'count',
  'serviceUnits',
  'managedUnits',
  'overKindLimit',
  'withinKindLimit',
  'overLimit',
  'withinLimit',
  'totalCost',
  'claimAmount',
  'fixedCopayUnitPrice',
  'copay',
  'fullCopay',
];

/** UPHOSOKU No.20–55: nine サービス種類別 limit frames of four columns, filled from the first (DOMAIN.md §4.7). */
const KIND_LIMITS: FrameSpec = {
  property: 'kindLimits',
  label: 'サービス種類別の支給限度基準額',
  count: 9,
  fields: ['serviceKind', 'limit', 'total', 'over'],
  keep: 'filled',
};

const SUPPLEMENT = [
  '',
  'insurer',
  'insured',
  'planDate',
  'nameKana',
  'name',
  'sex',
  'birthDate',
  'postalCode',
  'address1',
  'address2',
  'phone',
  'certifiedOn',
  'limitFrom',
  'limitTo',
  'certificationStatus',
  'careLevelChangedOn',
  'careLevel',
  'benefitLimit',
  ...frameKeys(KIND_LIMITS),
  'totalOverUnits',
  'daysBeforeAdmission',
  'cumulativeAdmissionDays',
  'previousCareLevel',
  'consentOffice',
  'updatedBy',
  '',
  'month',
];

const FIRST = [
  '',
  'insurer',
  'insured',
  'createdOn',
  'postalCode',
  'address1',
  'address2',
  'plannerName',
  'supportOfficeName',
  'supportOfficePostalCode',
  'supportOfficeAddress1',
  'supportOfficeAddress2',
  'supportOffice',
  'planDate',
  'firstPlanDate',
  'planCategory',
  'certificationStatus',
  'certifiedOn',
  'validFrom',
  'validTo',
  'careLevel',
  'wishesAndAnalysis',
  'boardOpinion',
  'overallPolicy',
  'livingSupportReason',
  'otherReason',
  'updatedBy',
  '',
];

const SECOND = [
  '',
  'insurer',
  'insured',
  'createdOn',
  'planDate',
  'issueNo',
  'issue',
  'goalNo',
  'longGoal',
  'shortGoal',
  'longPeriod',
  'shortPeriod',
  'supportNo',
  'serviceContent',
  'insuranceCovered',
  'serviceType',
  'provider',
  'providerName',
  'frequency',
  'period',
  'updatedBy',
  '',
];

const THIRD = [
  '',
  'insurer',
  'insured',
  'createdOn',
  'planDate',
  'serviceContent',
  'weekday',
  'start',
  'end',
  'dailyActivity',
  'activityStart',
  'activityEnd',
  'nonWeeklyServices',
];

// 介護予防 files (DOMAIN.md §4.7, layouts/yobo.ts): no 識別子 column, so every column is kept.

/** UPKIHON No.46–61: four 緊急連絡先 frames; positions are kept (an empty frame before a filled one stays). */
const EMERGENCY_CONTACTS: FrameSpec = {
  property: 'emergencyContacts',
  label: '緊急連絡先',
  count: 4,
  fields: ['name', 'relation', 'address', 'phone'],
  keep: 'leading',
};

const BASIC_INFO = [
  '',
  'insurer',
  'insured',
  'consultedOn',
  'planKind',
  'entrusted',
  'staffName',
  'consultationMethod',
  'consultationMethodNote',
  'consultationCount',
  'previousConsultedOn',
  'currentSituation',
  'currentSituationNote',
  'nameKana',
  'name',
  'sex',
  'birthDate',
  'address',
  'phone',
  'fax',
  'physicalIndependence',
  'dementiaIndependence',
  'careLevel',
  'validFrom',
  'validTo',
  'previousCareLevel',
  'checklistResult',
  'checklistOn',
  'physicalDisability',
  'intellectualDisability',
  'mentalDisability',
  'intractableDisease',
  'disabilityNote',
  'residence',
  'roomFloor',
  'homeModified',
  'nationalPension',
  'employeePension',
  'disabilityPension',
  'publicAssistance',
  'financialNote',
  'visitorName',
  'visitorAddress',
  'visitorPhone',
  'visitorRelation',
  ...frameKeys(EMERGENCY_CONTACTS),
  'familyImageFile',
  'familySituation',
  'lifeHistory',
  'dailyLife',
  'hobbies',
  'community',
  'publicServices',
  'informalServices',
  'consentOn',
  'consentBy',
];

const DAILY_LIFE = ['', 'insurer', 'insured', 'consultedOn', 'time', 'personActivity', 'familyActivity'];

const MEDICAL_HISTORY = [
  '',
  'insurer',
  'insured',
  'consultedOn',
  'date',
  'disease',
  'institution',
  'attendingFlag',
  'phone',
  'progress',
  'treatment',
];

/** UPYOBO No.24–39: the four 領域 (運動・移動, 日常生活, 社会参加…, 健康管理), always all four. */
const DOMAINS: FrameSpec = {
  property: 'domains',
  label: 'アセスメント領域',
  count: 4,
  fields: ['situation', 'wishes', 'hasIssue', 'issueBackground'],
  keep: 'all',
};
/** UPYOBO No.43–48 and No.49–54: the six 基本チェックリスト areas, in column order. */
const AREAS = ['exercise', 'nutrition', 'oralCare', 'withdrawal', 'memory', 'depression'] as const;
const CHECKLIST_COUNTS: GroupSpec = { property: 'checklistCounts', names: AREAS };
const PROGRAM_NEEDED: GroupSpec = { property: 'programNeeded', names: AREAS };

const PREVENTION_PLAN = [
  '',
  'insurer',
  'insured',
  'planDate',
  'planKind',
  'entrusted',
  'referenceNo',
  'name',
  'certifiedOn',
  'validFrom',
  'validTo',
  'planCategory',
  'certificationStatus',
  'supportLevel',
  'centerStaffName',
  'careManagerName',
  'plannerOfficeName',
  'plannerOfficeAddress',
  'plannerOfficePhone',
  'firstPlanDate',
  'supportCenter',
  'dailyGoal',
  'yearlyGoal',
  ...frameKeys(DOMAINS),
  'healthNotes',
  'supportPolicy',
  'overallPolicy',
  ...groupKeys(CHECKLIST_COUNTS),
  ...groupKeys(PROGRAM_NEEDED),
  'centerOpinion',
  'consentOn',
  'consentBy',
];

const SUPPORT_PLAN = [
  '',
  'insurer',
  'insured',
  'planDate',
  'issueNo',
  'overallIssue',
  'proposal',
  'intention',
  'goal',
  'supportNo',
  'supportPoint',
  'selfCare',
  'insuredService',
  'serviceNo',
  'serviceType',
  'provider',
  'period',
];

const map = (keys: string[], group: string[], head: string[], ints: string[] = [], shape?: Shape): ColumnMap => ({
  keys,
  group,
  head,
  ints: new Set(ints),
  ...(shape ? { shape } : {}),
});

/** The file kinds the model covers: every v4.1 CSV file (DOMAIN.md §4.3). */
export const MODELLED_KINDS = [
  'UPPLAN',
  'UPJSK',
  'UPSIKYU',
  'UPHOSOKU',
  'UP1KYO',
  'UP2KYO',
  'UP3KYO',
  'DLTPLAN',
  'DLTJSK',
  'DLT1KYO',
  'UPKIHON',
  'UPKIHON_SUB1',
  'UPKIHON_SUB2',
  'DLTKIHON',
  'UPYOBO',
  'UPYOBO_SUB',
  'DLTYOBO',
] as const satisfies readonly FileKind[];
export type ModelledKind = (typeof MODELLED_KINDS)[number];

export const COLUMN_MAPS: Record<ModelledKind, ColumnMap> = {
  UPPLAN: map(
    SIXTH,
    ['insurer', 'insured', 'month'],
    ['createdOn', 'planOffice', 'planStaffName'],
    ['units', 'shortStayDaysBefore', 'count'],
  ),
  UPJSK: map(
    SIXTH,
    ['insurer', 'insured', 'month'],
    ['createdOn', 'planOffice', 'planStaffName'],
    ['units', 'shortStayDaysBefore', 'count'],
  ),
  UPSIKYU: map(SEVENTH, ['insurer', 'insured', 'month'], ['createdOn'], SEVENTH_INTS),
  UPHOSOKU: map(
    SUPPLEMENT,
    [],
    [],
    [
      'benefitLimit',
      ...frameKeys(KIND_LIMITS).filter((k) => !k.endsWith('.serviceKind')),
      'totalOverUnits',
      'daysBeforeAdmission',
      'cumulativeAdmissionDays',
    ],
    { frames: [KIND_LIMITS] },
  ),
  UP1KYO: map(FIRST, [], []),
  UP2KYO: map(SECOND, ['insurer', 'insured', 'planDate'], ['createdOn']),
  UP3KYO: map(THIRD, ['insurer', 'insured', 'planDate'], ['createdOn']),
  DLTPLAN: map(['', 'insurer', 'insured', 'month'], [], []),
  DLTJSK: map(['', 'insurer', 'insured', 'month', 'provider', 'serviceKind'], [], []),
  DLT1KYO: map(['', 'insurer', 'insured', 'planDate'], [], []),
  UPKIHON: map(BASIC_INFO, [], [], [], { frames: [EMERGENCY_CONTACTS] }),
  UPKIHON_SUB1: map(DAILY_LIFE, ['insurer', 'insured', 'consultedOn'], []),
  UPKIHON_SUB2: map(MEDICAL_HISTORY, ['insurer', 'insured', 'consultedOn'], []),
  DLTKIHON: map(['', 'insurer', 'insured', 'consultedOn'], [], []),
  UPYOBO: map(PREVENTION_PLAN, [], [], groupKeys(CHECKLIST_COUNTS), {
    frames: [DOMAINS],
    groups: [CHECKLIST_COUNTS, PROGRAM_NEEDED],
  }),
  UPYOBO_SUB: map(SUPPORT_PLAN, ['insurer', 'insured', 'planDate'], []),
  DLTYOBO: map(['', 'insurer', 'insured', 'planDate'], [], []),
};
