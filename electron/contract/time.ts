// Business dates are Japan time whatever the machine's zone (DESIGN.md §5). Japan has kept UTC+9 without
// daylight saving since 1951, so a fixed offset is exact and independent of the host's TZ database.

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export interface JapanDateTime extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

export function toJapanTime(instant: Date): JapanDateTime {
  const t = new Date(instant.getTime() + JST_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 2026-04-01 */
export function isoDate(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** "2026-11-20 14:03" in Japan time: the 時点 stamp shown beside cached data. */
export function japanStamp(instant: Date): string {
  const j = toJapanTime(instant);
  return `${isoDate(j)} ${pad(j.hour)}:${pad(j.minute)}`;
}

/** True when y-m-d names a real day of the Gregorian calendar. */
export function isValidCalendarDate(d: CalendarDate): boolean {
  if (!Number.isInteger(d.year) || !Number.isInteger(d.month) || !Number.isInteger(d.day)) return false;
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
}

// Era start dates (first day of each era). Elderly clients' birth dates reach back to 明治 and 大正.
const ERAS = [
  { name: '令和', start: { year: 2019, month: 5, day: 1 } },
  { name: '平成', start: { year: 1989, month: 1, day: 8 } },
  { name: '昭和', start: { year: 1926, month: 12, day: 25 } },
  { name: '大正', start: { year: 1912, month: 7, day: 30 } },
  { name: '明治', start: { year: 1868, month: 10, day: 23 } },
] as const;

const ordinal = (d: CalendarDate) => d.year * 10000 + d.month * 100 + d.day;

export interface WarekiDate {
  era: (typeof ERAS)[number]['name'];
  eraYear: number;
  month: number;
  day: number;
}

export function toWareki(d: CalendarDate): WarekiDate | null {
  for (const era of ERAS) {
    if (ordinal(d) >= ordinal(era.start)) {
      return { era: era.name, eraYear: d.year - era.start.year + 1, month: d.month, day: d.day };
    }
  }
  return null;
}

/** 令和8年4月1日 (元年 for the first year, as printed on 証). Falls back to the Western date before 明治. */
export function formatWareki(d: CalendarDate): string {
  const w = toWareki(d);
  if (!w) return `${d.year}年${d.month}月${d.day}日`;
  const y = w.eraYear === 1 ? '元' : String(w.eraYear);
  return `${w.era}${y}年${w.month}月${w.day}日`;
}

/** Parse "2026-04-01" or "20260401" into a calendar date; null when not a real date. */
export function parseCalendarDate(value: string): CalendarDate | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidCalendarDate(d) ? d : null;
}
