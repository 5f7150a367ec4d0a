import { toJapanTime } from '../../contract/time';

// Expiry warnings (issue 5 item 2). Real office certificates last one year and the renewal notice comes 90 days
// before expiry (DOMAIN.md §3.3). Days are counted between Japan-time calendar dates, so "残り1日" means the
// certificate ends tomorrow in Japan whatever the machine's zone. Pure: the clock is passed in.

export const WARNING_DAYS = [90, 60, 30, 14, 7, 1] as const;
export type WarningStep = (typeof WARNING_DAYS)[number];

export interface ExpiryStatus {
  /** Calendar days (Japan time) from today to the expiry date; negative once expired. */
  daysLeft: number;
  expired: boolean;
  /** The tightest warning step reached (1 is the most urgent), or null when more than 90 days remain. */
  warning: WarningStep | null;
}

const DAY = 86_400_000;

function japanDayNumber(instant: Date): number {
  const j = toJapanTime(instant);
  return Date.UTC(j.year, j.month - 1, j.day) / DAY;
}

export function expiryStatus(notAfter: Date, now: Date): ExpiryStatus {
  const expired = now.getTime() >= notAfter.getTime();
  const daysLeft = japanDayNumber(notAfter) - japanDayNumber(now);
  let warning: WarningStep | null = null;
  if (!expired) for (const step of WARNING_DAYS) if (daysLeft <= step) warning = step;
  return { daysLeft, expired, warning };
}
