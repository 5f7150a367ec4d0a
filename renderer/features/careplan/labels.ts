// Japanese labels of the care-plan screens.

export const COMPARISON_LABEL = {
  match: '一致',
  differs: '回数・単位が違う',
  plannedOnly: '予定のみ（実績なし）',
  actualOnly: '実績のみ（予定なし）',
} as const;

export const CARE_LEVEL_LABEL: Record<string, string> = {
  '06': '事業対象者',
  '12': '要支援1',
  '13': '要支援2',
  '21': '要介護1',
  '22': '要介護2',
  '23': '要介護3',
  '24': '要介護4',
  '25': '要介護5',
};

export const ym = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(4, 6))}月`;
export const md = (d: string) => `${Number(d.slice(4, 6))}/${Number(d.slice(6, 8))}`;
export const hhmm = (t: string) => (t === '9999' || t.length !== 4 ? '—' : `${t.slice(0, 2)}:${t.slice(2)}`);
