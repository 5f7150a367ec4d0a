import { describe, expect, it } from 'vitest';
import { eligibilityView, officialBenefitLimit, type EligibilityInput } from '../../electron/services/eligibility';
import { generateTrainingData } from '../../electron/training/data';

const today = { year: 2026, month: 11, day: 26 };
const base = generateTrainingData({ seed: 11, persons: 400, today }).persons.find(
  (p) => !p.flags.applying && p.insuredCard.certificationPeriod && p.insuredCard.certificationPeriod.to > '2027-03-01',
)!;

const input = (over: Partial<EligibilityInput> = {}): EligibilityInput => ({
  answer: 'found',
  insuredCard: base.insuredCard,
  burdenRatio: { ...base.burdenRatio, period: { from: '2026-08-01', to: '2027-07-31' } },
  certification: base.certification,
  cardCertificateNotAfter: '2030-01-01',
  today,
  ...over,
});

describe(`eligibility result state (TZ=${process.env.TZ})`, () => {
  it('is 有効 with nothing to warn about', () => {
    const view = eligibilityView(input());
    expect(view.state).toBe('valid');
    expect(view.text.label).toBe('有効');
    expect(view.warnings).toEqual([]);
  });

  it.each([
    [{ answer: 'invalid' as const }, 'invalid', '資格無効'],
    [{ answer: 'not-found' as const }, 'pending-data', '資格情報なし・反映待ち'],
    [{ answer: 'insurer-not-live' as const }, 'insurer-not-live', '保険者が未接続'],
    [
      { certification: { ...base.certification, status: '1' as const, appliedOn: '2026-11-20' } },
      'applying',
      '申請中（更新・区分変更）',
    ],
    [
      { insuredCard: { ...base.insuredCard, certificationPeriod: { from: '2025-12-01', to: '2026-11-25' } } },
      'expired',
      '期限切れ',
    ],
    [{ cardCertificateNotAfter: '2027-02-01' }, 'card-cert-expiring', '電子証明書期限間近'],
  ])('gives each state its badge, action and documents: %j → %s', (over, state, label) => {
    const view = eligibilityView(input(over));
    expect(view.state).toBe(state);
    expect(view.text.label).toBe(label);
    expect(view.text.action.length).toBeGreaterThan(10);
    expect(view.text.action).not.toContain('このカードは使えません');
  });

  it('offers a re-check in n days while data is not yet reflected', () => {
    expect(eligibilityView(input({ answer: 'not-found' })).recheckInDays).toBe(3);
  });

  it('warns when the certification ends within 60 days, the 負担割合 period within 30, or the printed limit differs', () => {
    const card = {
      ...base.insuredCard,
      careLevel: '22' as const,
      certificationPeriod: { from: '2025-02-01', to: '2027-01-25' },
      benefitLimit: { period: { from: '2025-02-01', to: '2027-01-25' }, units: 21000 },
    };
    const view = eligibilityView(
      input({
        insuredCard: card,
        burdenRatio: { ...base.burdenRatio, period: { from: '2026-08-01', to: '2026-12-20' } },
      }),
    );
    expect(view.warnings).toEqual([
      { code: 'certification-ending', daysLeft: 60 },
      { code: 'burden-ratio-ending', daysLeft: 24 },
      { code: 'benefit-limit-differs', printed: 21000, official: 19705 },
    ]);
  });

  it('reads the official limit from the dated master', () => {
    expect(officialBenefitLimit('25', '2026-04-01')).toBe(36217);
    expect(officialBenefitLimit('06', '2026-04-01')).toBeNull();
    expect(officialBenefitLimit('21', '2010-01-01')).toBeNull();
  });
});
