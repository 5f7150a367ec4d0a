import { describe, expect, it } from 'vitest';
import { formatWareki, isoDate, japanStamp, parseCalendarDate, toJapanTime, toWareki } from '../../electron/contract';

describe(`Japan-time business dates (TZ=${process.env.TZ})`, () => {
  it('runs under the zone the project asked for', () => {
    const offset = new Date('2026-01-01T00:00:00Z').getTimezoneOffset();
    expect(offset).toBe(process.env.TZ === 'Asia/Tokyo' ? -540 : 0);
  });

  it('takes the calendar day in Japan, whatever the host zone', () => {
    // 15:30 UTC on 3/31 is already 4/1 in Japan: the first day of the new fiscal year.
    expect(isoDate(toJapanTime(new Date('2026-03-31T15:30:00Z')))).toBe('2026-04-01');
    expect(isoDate(toJapanTime(new Date('2026-03-31T14:59:59Z')))).toBe('2026-03-31');
    expect(japanStamp(new Date('2026-11-20T05:03:00Z'))).toBe('2026-11-20 14:03');
  });

  it('formats dates in the Japanese era with 元年', () => {
    expect(formatWareki({ year: 2026, month: 4, day: 1 })).toBe('令和8年4月1日');
    expect(formatWareki({ year: 2019, month: 5, day: 1 })).toBe('令和元年5月1日');
    expect(formatWareki({ year: 2019, month: 4, day: 30 })).toBe('平成31年4月30日');
    expect(formatWareki({ year: 1989, month: 1, day: 7 })).toBe('昭和64年1月7日');
    expect(formatWareki({ year: 1989, month: 1, day: 8 })).toBe('平成元年1月8日');
    expect(formatWareki({ year: 1926, month: 12, day: 25 })).toBe('昭和元年12月25日');
    expect(formatWareki({ year: 1920, month: 2, day: 3 })).toBe('大正9年2月3日');
    expect(toWareki({ year: 1900, month: 1, day: 1 })?.era).toBe('明治');
  });

  it('parses only real calendar dates', () => {
    expect(parseCalendarDate('20240229')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate('2026-04-01')).toEqual({ year: 2026, month: 4, day: 1 });
    expect(parseCalendarDate('20250229')).toBeNull();
    expect(parseCalendarDate('2026-13-01')).toBeNull();
    expect(parseCalendarDate('2026041')).toBeNull();
  });
});
