import type { SnapshotBodies } from '../../electron/services/cache';

// The 被保険者証 body the unit tests start from: 要介護2 (code 22, DOMAIN.md §2.3) for 2026-04-01 … 2027-03-31 with
// its 区分支給限度基準額 19,705 units and no restrictions; each test names the person it is about.

type InsuredCard = SnapshotBodies['insured-card'];

export function insuredCardFixture(
  person: Pick<InsuredCard, 'insurerNumber' | 'insuredNumber' | 'name'> & Partial<InsuredCard>,
): InsuredCard {
  return {
    careLevel: '22',
    certificationPeriod: { from: '2026-04-01', to: '2027-03-31' },
    benefitLimit: { period: { from: '2026-04-01', to: '2027-03-31' }, units: 19705 },
    serviceTypeLimits: [],
    benefitRestrictions: [],
    carePlanOffices: [],
    facilities: [],
    ...person,
  };
}
