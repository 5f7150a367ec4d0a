import { isoDate, type CalendarDate } from '../../contract/time';

// Japan business-day arithmetic for the lists (DESIGN.md §5 "Time"): a Japan calendar day as an instant range,
// month bounds, and day offsets on ISO dates.

const JST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** [start, end) of a Japan calendar day as ISO instants, comparable with stored toISOString() values. */
export function japanDayInstants(day: CalendarDate): { from: string; to: string } {
  const start = Date.UTC(day.year, day.month - 1, day.day) - JST_OFFSET_MS;
  return { from: new Date(start).toISOString(), to: new Date(start + DAY_MS).toISOString() };
}

export function monthBounds(day: CalendarDate): { first: string; last: string } {
  const lastDay = new Date(Date.UTC(day.year, day.month, 0)).getUTCDate();
  return {
    first: isoDate({ ...day, day: 1 }),
    last: isoDate({ ...day, day: lastDay }),
  };
}

/** ISO date `days` after (or before, when negative) an ISO date. */
export function addDays(iso: string, days: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * DAY_MS;
  return new Date(t).toISOString().slice(0, 10);
}
