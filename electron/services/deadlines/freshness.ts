import { isoDate, toJapanTime } from '../../contract/time';

// Honest cache (UX.md rule 10, issue 7): every item shows when it was last confirmed and from where; it turns amber
// once older than the freshness limit or when an 8/1 負担割合 boundary lies between the confirmation and now (the
// ratio may have changed), and red once a printed expiry has passed.

export type Freshness = 'fresh' | 'stale' | 'expired';

export interface FreshnessInput {
  /** When the item was last confirmed (instant). */
  confirmedAt: Date;
  /** The printed end of validity (ISO date), if any. */
  validTo: string | null;
  /** Only 負担割合 items react to the 8/1 boundary. */
  burdenRatio?: boolean;
}

export interface FreshnessResult {
  level: Freshness;
  reasons: Array<'older-than-limit' | 'crossed-august-boundary' | 'past-expiry'>;
}

/** The most recent 8/1 on or before `date` (ISO), as ISO. */
function lastAugustFirst(date: string): string {
  const year = Number(date.slice(0, 4));
  const candidate = `${year}-08-01`;
  return date >= candidate ? candidate : `${year - 1}-08-01`;
}

export function freshness(input: FreshnessInput, now: Date, limitHours: number): FreshnessResult {
  const today = isoDate(toJapanTime(now));
  const confirmedDay = isoDate(toJapanTime(input.confirmedAt));
  const reasons: FreshnessResult['reasons'] = [];
  if (input.validTo && input.validTo < today) reasons.push('past-expiry');
  if (now.getTime() - input.confirmedAt.getTime() > limitHours * 3_600_000) reasons.push('older-than-limit');
  if (input.burdenRatio && lastAugustFirst(today) > confirmedDay) reasons.push('crossed-august-boundary');
  const level: Freshness = reasons.includes('past-expiry') ? 'expired' : reasons.length > 0 ? 'stale' : 'fresh';
  return { level, reasons };
}
