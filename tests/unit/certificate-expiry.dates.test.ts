import { describe, expect, it } from 'vitest';
import { expiryStatus, WARNING_DAYS } from '../../electron/services/certificate';

// Runs under TZ=UTC and TZ=Asia/Tokyo: days are counted on the Japan calendar whatever the machine's zone.

const jst = (s: string) => new Date(`${s}+09:00`);

describe('expiryStatus', () => {
  it('steps through 90/60/30/14/7/1 days', () => {
    expect(WARNING_DAYS).toEqual([90, 60, 30, 14, 7, 1]);
    const notAfter = jst('2027-03-31T23:59:59');
    const at = (d: string) => expiryStatus(notAfter, jst(`${d}T09:00:00`));
    expect(at('2026-12-30')).toMatchObject({ daysLeft: 91, warning: null });
    expect(at('2026-12-31')).toMatchObject({ daysLeft: 90, warning: 90 });
    expect(at('2027-01-30')).toMatchObject({ daysLeft: 60, warning: 60 });
    expect(at('2027-02-01')).toMatchObject({ daysLeft: 58, warning: 60 });
    expect(at('2027-03-01')).toMatchObject({ daysLeft: 30, warning: 30 });
    expect(at('2027-03-17')).toMatchObject({ daysLeft: 14, warning: 14 });
    expect(at('2027-03-24')).toMatchObject({ daysLeft: 7, warning: 7 });
    expect(at('2027-03-30')).toMatchObject({ daysLeft: 1, warning: 1 });
    expect(at('2027-03-31')).toMatchObject({ daysLeft: 0, warning: 1, expired: false });
    expect(at('2027-04-01')).toMatchObject({ daysLeft: -1, warning: null, expired: true });
  });

  it('counts Japan calendar days across the UTC date line', () => {
    // 2027-03-30 23:30 JST is still 03-30 in Japan but 14:30 UTC the same day; 00:30 JST 03-31 is 15:30 UTC 03-30.
    const notAfter = jst('2027-03-31T10:00:00');
    expect(expiryStatus(notAfter, jst('2027-03-30T23:30:00')).daysLeft).toBe(1);
    expect(expiryStatus(notAfter, jst('2027-03-31T00:30:00')).daysLeft).toBe(0);
    expect(expiryStatus(notAfter, jst('2027-03-31T10:00:00')).expired).toBe(true);
  });
});
