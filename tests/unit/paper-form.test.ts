import { describe, expect, it } from 'vitest';
import { parseDateInput } from '../../electron/contract/date-input';
import { isoDate } from '../../electron/contract/time';
import { parsePaperForm } from '../../electron/services/paper';

// Paper entry (UX.md rule 6): typed 和暦 and Western dates, per-field codes, and the service schema as the last gate.

const iso = (s: string) => {
  const d = parseDateInput(s);
  return d ? isoDate(d) : null;
};

describe('date entry as printed on a 証 or typed by staff', () => {
  it.each([
    ['令和8年4月1日', '2026-04-01'],
    ['令和８年４月１日', '2026-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R8.4.1', '2026-04-01'],
    ['r08/04/01', '2026-04-01'],
    ['Ｒ８．４．１', '2026-04-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['H1.1.8', '1989-01-08'],
    ['昭和15年3月2日', '1940-03-02'],
    ['S64.1.7', '1989-01-07'],
    ['大正15年12月24日', '1926-12-24'],
    ['2026-04-01', '2026-04-01'],
    ['2026/4/1', '2026-04-01'],
    ['20260401', '2026-04-01'],
    [' 2024-02-29 ', '2024-02-29'],
  ])('reads %s as %s', (typed, expected) => expect(iso(typed)).toBe(expected));

  it.each([
    '平成31年5月1日', // 令和 had begun
    '令和1年4月30日', // before 令和
    'H1.1.7', // still 昭和
    'S64.1.8',
    '令和8年2月30日',
    '2025-02-29',
    '2026-13-01',
    'R0.4.1',
    '令和8年4月',
    '4月1日',
    'X8.4.1',
    '',
    '2026-04-01T00:00',
  ])('refuses %s', (typed) => expect(parseDateInput(typed)).toBeNull());
});

const card = {
  insurerNumber: '131201',
  insuredNumber: '1000000013',
  name: '練習 花子',
  nameKana: 'れんしゅう　はなこ',
  birthDate: '昭和15年3月2日',
  sex: '2',
  careLevel: '22',
  certificationFrom: 'R8.4.1',
  certificationTo: '2027-03-31',
  benefitLimitUnits: '１９，７０５',
};

describe('paper 被保険者証', () => {
  it('turns typed text into the service record shape', () => {
    const result = parsePaperForm('insured-card', card);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body).toMatchObject({
      insurerNumber: '131201',
      insuredNumber: '1000000013',
      nameKana: 'レンシュウ ハナコ',
      birthDate: '1940-03-02',
      careLevel: '22',
      certificationPeriod: { from: '2026-04-01', to: '2027-03-31' },
      benefitLimit: { period: { from: '2026-04-01', to: '2027-03-31' }, units: 19705 },
      benefitRestrictions: [],
    });
  });

  it.each([
    ['insuredNumber', '123456789', 'PAPER_FIELD_INSURED_NUMBER'],
    ['insurerNumber', '13120', 'PAPER_FIELD_INSURER_NUMBER'],
    ['birthDate', '令和8年2月30日', 'PAPER_FIELD_DATE'],
    ['careLevel', '26', 'PAPER_FIELD_CODE'],
    ['nameKana', 'Hanako', 'PAPER_FIELD_KANA'],
    ['benefitLimitUnits', '-5', 'PAPER_FIELD_AMOUNT'],
    ['name', '', 'PAPER_FIELD_REQUIRED'],
    ['name', 'あ'.repeat(201), 'PAPER_FIELD_TEXT'],
  ])('names the field %s when it reads %j (%s), and only that field', (field, value, code) => {
    const result = parsePaperForm('insured-card', { ...card, [field]: value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ field, code });
    expect(result.problems[0]!.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(JSON.stringify(result.problems)).not.toContain(value || '\u0000');
  });

  it('checks periods and dependent fields together', () => {
    const reversed = parsePaperForm('insured-card', { ...card, certificationTo: '2026-03-31' });
    expect(!reversed.ok && reversed.problems).toEqual([
      expect.objectContaining({ field: 'certificationTo', code: 'PAPER_FIELD_PERIOD_ORDER' }),
    ]);
    const half = parsePaperForm('insured-card', { ...card, certificationTo: '' });
    expect(!half.ok && half.problems.map((p) => p.code)).toContain('PAPER_FIELD_PERIOD_INCOMPLETE');
    const restriction = parsePaperForm('insured-card', { ...card, restrictionContent: '償還払化' });
    expect(!restriction.ok && restriction.problems).toEqual([
      expect.objectContaining({ field: 'restrictionFrom', code: 'PAPER_FIELD_DEPENDS' }),
    ]);
    const full = parsePaperForm('insured-card', { ...card, restrictionContent: '償還払化', restrictionFrom: 'R8.6.1' });
    expect(full.ok && full.body.benefitRestrictions).toEqual([{ content: '償還払化', from: '2026-06-01' }]);
  });
});

describe('paper 負担割合証 and 負担限度額認定証', () => {
  const ratio = {
    insurerNumber: '131201',
    insuredNumber: 'h000000001',
    ratio: '20',
    periodFrom: 'R8.8.1',
    periodTo: 'R9.7.31',
  };

  it('accepts a 負担割合証 with its 適用期間 (生保単独 H number upper-cased)', () => {
    const result = parsePaperForm('burden-ratio', ratio);
    expect(result.ok && result.body).toEqual({
      insurerNumber: '131201',
      insuredNumber: 'H000000001',
      ratio: '20',
      period: { from: '2026-08-01', to: '2027-07-31' },
    });
  });

  it('refuses a ratio outside 10/20/30 and a missing period end', () => {
    const result = parsePaperForm('burden-ratio', { ...ratio, ratio: '40', periodTo: '' });
    expect(!result.ok && result.problems.map((p) => [p.field, p.code])).toEqual([
      ['ratio', 'PAPER_FIELD_CODE'],
      ['periodTo', 'PAPER_FIELD_REQUIRED'],
    ]);
  });

  it('accepts a 負担限度額認定証 and refuses a non-integer amount', () => {
    const limit = {
      insurerNumber: '131201',
      insuredNumber: '1000000013',
      stage: '3-2',
      food: '1,360',
      roomUnitPrivate: '1370',
      roomUnitSemiPrivate: '1370',
      roomConventionalPrivateTokuyo: '880',
      roomConventionalPrivateOther: '1370',
      roomMultiBed: '430',
      periodFrom: '2026-08-01',
      periodTo: '2027-07-31',
    };
    const ok = parsePaperForm('burden-limit', limit);
    expect(ok.ok && ok.body.food).toBe(1360);
    const bad = parsePaperForm('burden-limit', { ...limit, roomMultiBed: '430.5', stage: '4' });
    expect(!bad.ok && bad.problems.map((p) => p.field)).toEqual(['stage', 'roomMultiBed']);
  });
});
