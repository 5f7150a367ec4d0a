// The 介護情報基盤 start-up subsidy (FY2026, applied for through the portal 2026-05-07 → 2027-03-12), shown in
// 導入チェック for reference only. Figures from DOMAIN.md §5 [S] (src:B1, A29): card readers + technical help for
// certificate and terminal setup, one application per office, tax included.
// Which サービス種類コード falls in which group is our reading of the group names (DOMAIN.md §4.2 lists the codes) —
// codes whose group is not clear from the names (小規模多機能 73, 看護小規模多機能 77, unknown codes) are not guessed.

export type SubsidyGroup = 'visit-daycare-shortstay' | 'residential-facility' | 'other';

export interface SubsidyCapFigures {
  group: SubsidyGroup;
  /** As the subsidy names the group. */
  label: string;
  maxReaders: number;
  maxYen: number;
}

export const SUBSIDY_SOURCE = 'DOMAIN.md §5（介護情報基盤 導入支援 令和8年度）';

export const SUBSIDY_CAPS: Record<SubsidyGroup, SubsidyCapFigures> = {
  'visit-daycare-shortstay': {
    group: 'visit-daycare-shortstay',
    label: '訪問・通所・短期',
    maxReaders: 3,
    maxYen: 64_000,
  },
  'residential-facility': { group: 'residential-facility', label: '居住・施設', maxReaders: 2, maxYen: 55_000 },
  other: { group: 'other', label: 'その他', maxReaders: 1, maxYen: 42_000 },
};

// 訪問 11 12 13 14 71 76, 通所 15 16 72 78, 短期 21 22 23 2A; 予防: 訪問 62 63 64, 通所 66 74, 短期 24 25 26 2B.
const VISIT_DAYCARE_SHORTSTAY = new Set([
  '11',
  '12',
  '13',
  '14',
  '71',
  '76',
  '15',
  '16',
  '72',
  '78',
  '21',
  '22',
  '23',
  '2A',
  '62',
  '63',
  '64',
  '66',
  '74',
  '24',
  '25',
  '26',
  '2B',
]);
// 認知症GH 32 38 (予防 39), 特定施設 33 36 27 28 (予防 35), 施設 51 52 53 54 55.
const RESIDENTIAL_FACILITY = new Set(['32', '38', '39', '33', '35', '36', '27', '28', '51', '52', '53', '54', '55']);
// 居宅介護支援 43, 介護予防支援 46, 福祉用具貸与 17 (予防 67), 居宅療養管理指導 31 (予防 34).
const OTHER = new Set(['43', '46', '17', '67', '31', '34']);

/** The group of a サービス種類コード, or null when the code's group cannot be told from the subsidy's names. */
export function subsidyCapFor(serviceType: string): SubsidyCapFigures | null {
  if (VISIT_DAYCARE_SHORTSTAY.has(serviceType)) return SUBSIDY_CAPS['visit-daycare-shortstay'];
  if (RESIDENTIAL_FACILITY.has(serviceType)) return SUBSIDY_CAPS['residential-facility'];
  if (OTHER.has(serviceType)) return SUBSIDY_CAPS.other;
  return null;
}
