import { describe, expect, it } from 'vitest';
import { buildDeadlines, freshness } from '../../electron/services/deadlines';

const today = { year: 2026, month: 11, day: 26 };
const person = (over: Partial<Parameters<typeof buildDeadlines>[0][number]>) => ({
  personKey: 'p',
  certificationEnd: null,
  applying: false,
  burdenRatioEnd: null,
  burdenLimitEnd: null,
  ...over,
});

describe(`deadlines tracker (TZ=${process.env.TZ})`, () => {
  it('opens the renewal window at −60 days, marks −30 as urgent, and a passed end as overdue', () => {
    const items = buildDeadlines(
      [
        person({ personKey: 'far', certificationEnd: '2027-01-26' }), // 61 days: nothing yet
        person({ personKey: 'window', certificationEnd: '2027-01-25' }), // 60 days
        person({ personKey: 'urgent', certificationEnd: '2026-12-26' }), // 30 days
        person({ personKey: 'lapsed', certificationEnd: '2026-11-25' }),
      ],
      { certificateNotAfter: null },
      today,
    );
    expect(items.map((i) => [i.personKey, i.urgency, i.daysLeft])).toEqual([
      ['lapsed', 'overdue', -1],
      ['urgent', 'urgent', 30],
      ['window', 'soon', 60],
    ]);
  });

  it('tracks the office certificate from −90 days and persons still 申請中 before month-end billing', () => {
    const items = buildDeadlines(
      [person({ personKey: 'applying', applying: true, certificationEnd: '2026-11-30' })],
      { certificateNotAfter: '2027-02-23' },
      today,
    );
    expect(items.map((i) => [i.kind, i.urgency, i.dueDate])).toEqual([
      ['pending-before-billing', 'urgent', '2026-11-30'],
      ['office-certificate', 'soon', '2027-02-23'],
    ]);
    expect(buildDeadlines([], { certificateNotAfter: '2027-02-25' }, today)).toEqual([]);
  });

  it('sorts by urgency then days left', () => {
    const items = buildDeadlines(
      [
        person({ personKey: 'b', burdenRatioEnd: '2026-12-20', burdenLimitEnd: '2026-12-01' }),
        person({ personKey: 'a', certificationEnd: '2027-01-10' }),
      ],
      { certificateNotAfter: null },
      today,
    );
    expect(items.map((i) => `${i.urgency}:${i.kind}`)).toEqual([
      'urgent:burden-limit-end',
      'soon:burden-ratio-end',
      'soon:certification-end',
    ]);
  });
});

describe(`freshness (TZ=${process.env.TZ})`, () => {
  const now = new Date('2026-11-26T03:00:00Z'); // 12:00 in Japan
  it('is fresh within the limit, stale past it, expired past the printed end', () => {
    expect(freshness({ confirmedAt: new Date('2026-11-25T04:00:00Z'), validTo: '2027-07-31' }, now, 24).level).toBe(
      'fresh',
    );
    expect(freshness({ confirmedAt: new Date('2026-11-25T02:00:00Z'), validTo: null }, now, 24)).toEqual({
      level: 'stale',
      reasons: ['older-than-limit'],
    });
    expect(freshness({ confirmedAt: new Date('2026-11-26T02:00:00Z'), validTo: '2026-11-25' }, now, 24).level).toBe(
      'expired',
    );
  });

  it('turns a 負担割合 amber across 8/1 in Japan time, even within the limit', () => {
    // Confirmed at 23:30 on 7/31 in Japan (14:30 UTC); now 00:30 on 8/1 in Japan.
    const confirmedAt = new Date('2026-07-31T14:30:00Z');
    const justAfter = new Date('2026-07-31T15:30:00Z');
    expect(freshness({ confirmedAt, validTo: null, burdenRatio: true }, justAfter, 24).reasons).toEqual([
      'crossed-august-boundary',
    ]);
    expect(freshness({ confirmedAt, validTo: null }, justAfter, 24).level).toBe('fresh');
  });
});
