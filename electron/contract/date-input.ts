import { isValidCalendarDate, type CalendarDate } from './time';

// Dates as staff type them from a paper 証 (UX.md rule 6): the 証 print 和暦 (令和8年4月1日), staff often abbreviate
// (R8.4.1, S15/3/2) and the Western form (2026-04-01, 2026/4/1, 20260401) must work too. Full-width digits and
// separators are accepted because Japanese IMEs produce them. A date outside its era (平成31年5月1日, 令和1年4月30日)
// is refused: it is not a date that can be printed on a 証.

const ERAS = [
  { names: ['令和', 'R'], start: { year: 2019, month: 5, day: 1 } },
  { names: ['平成', 'H'], start: { year: 1989, month: 1, day: 8 } },
  { names: ['昭和', 'S'], start: { year: 1926, month: 12, day: 25 } },
  { names: ['大正', 'T'], start: { year: 1912, month: 7, day: 30 } },
  { names: ['明治', 'M'], start: { year: 1868, month: 10, day: 23 } },
] as const;

const ordinal = (d: CalendarDate) => d.year * 10000 + d.month * 100 + d.day;

/** Full-width ASCII (０-９, Ｒ, ．, ／, －) to half-width; trims spaces of both widths. */
function toHalfWidth(value: string): string {
  return value
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\s]+/g, '')
    .replace(/[ー－‐―]/g, '-');
}

function fromEra(eraIndex: number, eraYear: number, month: number, day: number): CalendarDate | null {
  const era = ERAS[eraIndex]!;
  const d = { year: era.start.year + eraYear - 1, month, day };
  if (eraYear < 1 || !isValidCalendarDate(d) || ordinal(d) < ordinal(era.start)) return null;
  const next = ERAS[eraIndex - 1];
  if (next && ordinal(d) >= ordinal(next.start)) return null;
  return d;
}

/** Parses a typed date (和暦 or Western); null when it is not a real date. */
export function parseDateInput(raw: string): CalendarDate | null {
  const value = toHalfWidth(raw).toUpperCase();
  if (value.length === 0 || value.length > 20) return null;
  const western = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|(\d{2})(\d{2}))$/.exec(value);
  if (western) {
    const d = {
      year: Number(western[1]),
      month: Number(western[2] ?? western[4]),
      day: Number(western[3] ?? western[5]),
    };
    return isValidCalendarDate(d) ? d : null;
  }
  const kanji = /^(令和|平成|昭和|大正|明治)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日?$/.exec(value);
  if (kanji) {
    const eraIndex = ERAS.findIndex((e) => e.names[0] === kanji[1]);
    const eraYear = kanji[2] === '元' ? 1 : Number(kanji[2]);
    return fromEra(eraIndex, eraYear, Number(kanji[3]), Number(kanji[4]));
  }
  const short = /^([RHSTM])(元|\d{1,2})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (short) {
    const eraIndex = ERAS.findIndex((e) => e.names[1] === short[1]);
    const eraYear = short[2] === '元' ? 1 : Number(short[2]);
    return fromEra(eraIndex, eraYear, Number(short[3]), Number(short[4]));
  }
  return null;
}
