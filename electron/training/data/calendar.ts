import { isoDate, type CalendarDate } from '../../contract/time';

// Calendar arithmetic on plain dates (no time zone involved: these are business dates already in Japan time).

const toUtc = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day);
const fromUtc = (ms: number): CalendarDate => {
  const t = new Date(ms);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};

export const addDays = (d: CalendarDate, days: number): CalendarDate => fromUtc(toUtc(d) + days * 86_400_000);

/** The last day of the month `months` after d's month. */
export function endOfMonth(d: CalendarDate, months = 0): CalendarDate {
  return fromUtc(Date.UTC(d.year, d.month - 1 + months + 1, 0));
}

export function firstOfMonth(d: CalendarDate, months = 0): CalendarDate {
  return fromUtc(Date.UTC(d.year, d.month - 1 + months, 1));
}

export const iso = isoDate;

/** 負担割合証 and 負担限度額認定証 run 8/1 – 7/31 (DOMAIN.md §2.5, §2.6): the period containing `today`. */
export function augustYear(today: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  const startYear = today.month >= 8 ? today.year : today.year - 1;
  return { from: { year: startYear, month: 8, day: 1 }, to: { year: startYear + 1, month: 7, day: 31 } };
}

/** Japanese fiscal year (4/1 – 3/31) containing `today`, by its starting year. */
export const fiscalYear = (today: CalendarDate) => (today.month >= 4 ? today.year : today.year - 1);
