import master from '../../../resources/masters/benefit-limits.json';

// 区分支給限度基準額 from the dated code master in resources/ (DOMAIN.md §2.4, §7 "code masters with effective
// dates"): the version in force on a date. A 証 may print a different value (a 市町村 can raise it), so callers warn
// about a difference and never overwrite the printed value.

interface MasterVersion {
  effectiveFrom: string;
  units: Record<string, number>;
}

const versions = (master.versions as MasterVersion[])
  .slice()
  .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));

/** Units per month for a 要介護状態区分コード on an ISO date, or null (e.g. 事業対象者 has no national figure). */
export function officialBenefitLimit(careLevel: string, onDate: string): number | null {
  const version = versions.find((v) => v.effectiveFrom <= onDate);
  return version?.units[careLevel] ?? null;
}
