import type { MonthState } from './book';
import type { ServiceUseItem } from './types';

// 予定 vs 実績 for one person and month, per service date and サービスコード (issue 8 §6): what the care manager
// checks before 給付管理. 予定 comes from the 第6表 予定, 実績 from every provider's 実績 file.

export type ComparisonStatus = 'match' | 'differs' | 'plannedOnly' | 'actualOnly';

export interface ComparisonRow {
  serviceDate: string;
  serviceCode: string;
  provider: string;
  plannedCount: number;
  actualCount: number;
  plannedUnits: number;
  actualUnits: number;
  status: ComparisonStatus;
}

interface Sum {
  count: number;
  units: number;
}

function sums(items: readonly ServiceUseItem[]): Map<string, Sum> {
  const out = new Map<string, Sum>();
  for (const i of items) {
    const key = `${i.serviceDate}|${i.serviceCode}|${i.provider}`;
    const s = out.get(key) ?? { count: 0, units: 0 };
    const count = i.count ?? 1;
    s.count += count;
    s.units += (i.units ?? 0) * count;
    out.set(key, s);
  }
  return out;
}

export function compareMonth(state: MonthState): ComparisonRow[] {
  const planned = sums(state.plan?.value.items ?? []);
  const actual = sums([...state.actuals.values()].flatMap((h) => h.value.items));
  const keys = [...new Set([...planned.keys(), ...actual.keys()])].sort();
  return keys.map((key) => {
    const [serviceDate, serviceCode, provider] = key.split('|') as [string, string, string];
    const p = planned.get(key);
    const a = actual.get(key);
    const status: ComparisonStatus = !a
      ? 'plannedOnly'
      : !p
        ? 'actualOnly'
        : p.count === a.count && p.units === a.units
          ? 'match'
          : 'differs';
    return {
      serviceDate,
      serviceCode,
      provider,
      plannedCount: p?.count ?? 0,
      actualCount: a?.count ?? 0,
      plannedUnits: p?.units ?? 0,
      actualUnits: a?.units ?? 0,
      status,
    };
  });
}
