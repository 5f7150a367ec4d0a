import type { FileKind } from '../layout';

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

/** UPHOSOKU No.20–55 are nine frames of four columns; they are mapped as frame properties `k1_kind` … `k9_over`. */
function supplementKeys(): string[] {
  const frames: string[] = [];
  for (let k = 1; k <= 9; k++) frames.push(`k${k}_kind`, `k${k}_limit`, `k${k}_total`, `k${k}_over`);
  return [
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
    ...frames,
    'totalOverUnits',
    'daysBeforeAdmission',
    'cumulativeAdmissionDays',
    'previousCareLevel',
    'consentOffice',
    'updatedBy',
    '',
    'month',
  ];
}

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

const map = (keys: string[], group: string[], head: string[], ints: string[] = []): ColumnMap => ({
  keys,
  group,
  head,
  ints: new Set(ints),
});

/** The file kinds the model covers (介護予防 files are read and validated, but not modelled yet). */
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
    supplementKeys(),
    [],
    [],
    ['benefitLimit', 'totalOverUnits', 'daysBeforeAdmission', 'cumulativeAdmissionDays'],
  ),
  UP1KYO: map(FIRST, [], []),
  UP2KYO: map(SECOND, ['insurer', 'insured', 'planDate'], ['createdOn']),
  UP3KYO: map(THIRD, ['insurer', 'insured', 'planDate'], ['createdOn']),
  DLTPLAN: map(['', 'insurer', 'insured', 'month'], [], []),
  DLTJSK: map(['', 'insurer', 'insured', 'month', 'provider', 'serviceKind'], [], []),
  DLT1KYO: map(['', 'insurer', 'insured', 'planDate'], [], []),
};
