import { describe, expect, it } from 'vitest';
import { describeChange, diffBodies, parseSnapshotBody, type SnapshotBodies } from '../../electron/services/cache';
import { insuredCardFixture } from '../support/insured-card';

const card: SnapshotBodies['insured-card'] = insuredCardFixture({
  insuredNumber: '0000012345',
  insurerNumber: '131016',
  name: '練習 花子',
});

describe('snapshot diff', () => {
  it('labels a care-level change with the code table (DOMAIN.md §2.3)', () => {
    const after = { ...card, careLevel: '23' as const, benefitLimit: { ...card.benefitLimit!, units: 27048 } };
    const changes = diffBodies('insured-card', card, after);
    expect(changes).toEqual([
      { field: 'careLevel', label: '要介護状態区分等', before: '要介護2', after: '要介護3' },
      { field: 'benefitLimitUnits', label: '区分支給限度基準額', before: '19,705単位', after: '27,048単位' },
    ]);
    expect(describeChange(changes[0]!)).toBe('要介護状態区分等: 要介護2 → 要介護3');
  });

  it('labels 要支援 and 事業対象者 codes', () => {
    const [change] = diffBodies('insured-card', { ...card, careLevel: '06' }, { ...card, careLevel: '13' });
    expect(change).toMatchObject({ before: '事業対象者', after: '要支援2' });
  });

  it('labels a burden-ratio change (DOMAIN.md §2.5) and a new period in 和暦', () => {
    const before: SnapshotBodies['burden-ratio'] = {
      insuredNumber: '0000012345',
      insurerNumber: '131016',
      ratio: '10',
      period: { from: '2025-08-01', to: '2026-07-31' },
    };
    const after = { ...before, ratio: '20' as const, period: { from: '2026-08-01', to: '2027-07-31' } };
    expect(diffBodies('burden-ratio', before, after)).toEqual([
      { field: 'ratio', label: '利用者負担の割合', before: '1割', after: '2割' },
      {
        field: 'period',
        label: '適用期間',
        before: '令和7年8月1日〜令和8年7月31日',
        after: '令和8年8月1日〜令和9年7月31日',
      },
    ]);
  });

  it('labels a burden-limit stage change (DOMAIN.md §2.6)', () => {
    const before: SnapshotBodies['burden-limit'] = {
      insuredNumber: '0000012345',
      insurerNumber: '131016',
      stage: '3-1',
      food: 650,
      room: {
        unitPrivate: 1370,
        unitSemiPrivate: 1370,
        conventionalPrivateTokuyo: 880,
        conventionalPrivateOther: 1370,
        multiBed: 430,
      },
      period: { from: '2026-08-01', to: '2027-07-31' },
    };
    const after = { ...before, stage: '3-2' as const, food: 1360 };
    expect(diffBodies('burden-limit', before, after)).toEqual([
      { field: 'stage', label: '利用者負担段階', before: '第3段階①', after: '第3段階②' },
      { field: 'food', label: '食費の負担限度額', before: '650円/日', after: '1,360円/日' },
    ]);
  });

  it('reports a certification that moved from 申請中 to 認定済 with its level', () => {
    const before: SnapshotBodies['certification'] = {
      insuredNumber: '0000012345',
      insurerNumber: '131016',
      status: '1',
      appliedOn: '2026-10-01',
    };
    const after = { ...before, status: '2' as const, careLevel: '21' as const, certifiedOn: '2026-10-28' };
    expect(diffBodies('certification', before, after)).toEqual([
      { field: 'status', label: '認定状況', before: '申請中', after: '認定済' },
      { field: 'careLevel', label: '要介護状態区分', before: null, after: '要介護1' },
      { field: 'certifiedOn', label: '認定年月日', before: null, after: '令和8年10月28日' },
    ]);
  });

  it('describes list fields (給付制限, 種類支給限度基準額, 居宅介護支援事業者)', () => {
    const after: SnapshotBodies['insured-card'] = {
      ...card,
      serviceTypeLimits: [{ serviceType: '11', units: 12000 }],
      benefitRestrictions: [{ content: '給付率引下げ', from: '2026-12-01' }],
      carePlanOffices: [{ officeName: '練習ケアプランセンター', notifiedOn: '2026-11-01' }],
    };
    expect(diffBodies('insured-card', card, after).map(describeChange)).toEqual([
      '種類支給限度基準額: なし → 11: 12,000単位',
      '給付制限: なし → 給付率引下げ（令和8年12月1日〜）',
      '居宅介護支援事業者: なし → 練習ケアプランセンター（届出 令和8年11月1日）',
    ]);
  });

  it('gives no changes for equal bodies', () => {
    expect(diffBodies('insured-card', card, structuredClone(card))).toEqual([]);
  });
});

describe('snapshot schemas', () => {
  it('fills empty lists and accepts a valid 被保険者証', () => {
    const parsed = parseSnapshotBody('insured-card', { insuredNumber: 'H123456789', insurerNumber: '131016' });
    expect(parsed?.serviceTypeLimits).toEqual([]);
  });

  it.each([
    [
      'an unknown care level',
      'insured-card',
      { insuredNumber: '0000012345', insurerNumber: '131016', careLevel: '26' },
    ],
    ['a 9-digit insured number', 'insured-card', { insuredNumber: '000012345', insurerNumber: '131016' }],
    [
      'an impossible date',
      'insured-card',
      { insuredNumber: '0000012345', insurerNumber: '131016', issuedOn: '2026-02-30' },
    ],
    ['an unknown field', 'insured-card', { insuredNumber: '0000012345', insurerNumber: '131016', myNumber: 'x' }],
    [
      'ratio 4割',
      'burden-ratio',
      {
        insuredNumber: '0000012345',
        insurerNumber: '131016',
        ratio: '40',
        period: { from: '2026-08-01', to: '2027-07-31' },
      },
    ],
    [
      '第4段階 (not eligible, no 証)',
      'burden-limit',
      { insuredNumber: '0000012345', insurerNumber: '131016', stage: '4' },
    ],
    ['a certification without status', 'certification', { insuredNumber: '0000012345', insurerNumber: '131016' }],
  ] as const)('refuses %s', (_label, kind, body) => {
    expect(parseSnapshotBody(kind, body)).toBeNull();
  });
});
