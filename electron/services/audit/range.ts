import { parseCalendarDate, type CalendarDate } from '../../contract/time';
import type { TimeRange } from './store';

// Export ranges are Japan calendar days (DESIGN.md §5): --from 2026-04-01 means from 2026-04-01 00:00 JST,
// --to 2026-04-30 up to the end of that day in Japan time.

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const startOfJapanDay = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day) - JST_OFFSET_MS;

/** Null when a date is not a real day or `from` is after `to`. */
export function japanDayRange(from?: string, to?: string): TimeRange | null {
  const range: TimeRange = {};
  let start: number | undefined;
  if (from !== undefined) {
    const d = parseCalendarDate(from);
    if (!d) return null;
    start = startOfJapanDay(d);
    range.fromIso = new Date(start).toISOString();
  }
  if (to !== undefined) {
    const d = parseCalendarDate(to);
    if (!d) return null;
    const end = startOfJapanDay(d) + DAY_MS;
    if (start !== undefined && end <= start) return null;
    range.toIso = new Date(end).toISOString();
  }
  return range;
}
