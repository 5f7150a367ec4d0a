import { describe, expect, it } from 'vitest';
import { SNAPSHOT_SCHEMAS } from '../../electron/services/cache';
import { checkOfficeNumber } from '../../electron/services/config';
import { generateTrainingData, insurerCheckDigit } from '../../electron/training/data';

const today = { year: 2026, month: 11, day: 26 };

describe('synthetic training data', () => {
  const data = generateTrainingData({ seed: 42, persons: 2000, today });

  it('is deterministic for a seed and date, and differs for another seed', () => {
    expect(generateTrainingData({ seed: 42, persons: 2000, today })).toEqual(data);
    expect(generateTrainingData({ seed: 43, persons: 50, today }).persons[0]).not.toEqual(data.persons[0]);
    expect(generateTrainingData({ today }).persons).toHaveLength(200);
  });

  it('produces bodies that pass the cache schemas', () => {
    for (const p of data.persons) {
      expect(SNAPSHOT_SCHEMAS['insured-card'].safeParse(p.insuredCard).success, p.personKey).toBe(true);
      expect(SNAPSHOT_SCHEMAS['burden-ratio'].safeParse(p.burdenRatio).success, p.personKey).toBe(true);
      expect(SNAPSHOT_SCHEMAS.certification.safeParse(p.certification).success, p.personKey).toBe(true);
      if (p.burdenLimit) expect(SNAPSHOT_SCHEMAS['burden-limit'].safeParse(p.burdenLimit).success).toBe(true);
    }
  });

  it('gives unique person keys and valid identifiers', () => {
    expect(new Set(data.persons.map((p) => p.personKey)).size).toBe(data.persons.length);
    for (const office of data.offices) expect(checkOfficeNumber(office.officeNumber)).toBeNull();
    for (const insurer of data.insurers) {
      expect(insurer.number).toMatch(/^\d{6}$/);
      expect(Number(insurer.number[5])).toBe(insurerCheckDigit(insurer.number.slice(0, 5)));
    }
  });

  it('covers the cases the counter must handle', () => {
    const count = (f: (p: (typeof data.persons)[number]) => boolean) => data.persons.filter(f).length;
    const levels = new Set(data.persons.map((p) => p.certification.careLevel).filter(Boolean));
    expect([...levels].sort()).toEqual(['06', '12', '13', '21', '22', '23', '24', '25']);
    expect(new Set(data.persons.map((p) => p.burdenRatio.ratio))).toEqual(new Set(['10', '20', '30']));
    expect(count((p) => p.flags.unmappableName && p.insuredCard.name!.includes('●'))).toBeGreaterThan(0);
    expect(count((p) => p.flags.applying && p.progress !== null && p.certification.status === '1')).toBeGreaterThan(0);
    expect(count((p) => p.flags.addressSpecialRule && p.insuredCard.facilities.length === 1)).toBeGreaterThan(0);
    expect(count((p) => p.flags.benefitRestriction)).toBeGreaterThan(0);
    expect(count((p) => p.burdenLimit !== null)).toBeGreaterThan(0);
    expect(count((p) => !p.insurer.live)).toBeGreaterThan(0);
    // Second-号 insured are always 1割 (DOMAIN.md §2.5).
    for (const p of data.persons.filter((x) => x.flags.secondInsured)) expect(p.burdenRatio.ratio).toBe('10');
    // Some certifications end within 60 days: the renewal window is always in play.
    expect(count((p) => !!p.certification.period && p.certification.period.to <= '2027-01-25')).toBeGreaterThan(0);
  });

  it('opens every data set with one person per counter case, even a small one', () => {
    const [valid, pending, lost, notLive, applying, unmappable, limit, ending] = generateTrainingData({
      seed: 9,
      persons: 8,
      today,
    }).persons;
    expect(valid!.flags).toMatchObject({ applying: false, notYetReflected: false, qualificationLost: false });
    expect(valid!.insurer.live).toBe(true);
    expect(pending!.flags.notYetReflected).toBe(true);
    expect(lost!.flags.qualificationLost).toBe(true);
    expect(notLive!.insurer.live).toBe(false);
    expect(applying!.flags.applying).toBe(true);
    expect(unmappable!.insuredCard.name).toContain('●');
    expect(limit!.burdenLimit).not.toBeNull();
    expect(ending!.insuredCard.certificationPeriod!.to <= '2026-12-31').toBe(true);
  });

  it('keeps 負担割合 periods on the 8/1–7/31 year and progress stages in order', () => {
    for (const p of data.persons) {
      expect(p.burdenRatio.period).toEqual({ from: '2026-08-01', to: '2027-07-31' });
      const dates = p.progress?.stages.map((s) => s.date) ?? [];
      expect([...dates].sort()).toEqual(dates);
      expect(p.progress?.stages[0]?.stage ?? '申請受付').toBe('申請受付');
    }
  });
});
