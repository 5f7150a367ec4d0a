import { officialBenefitLimit } from '../../eligibility';
import type { OfficeRef } from '../file-name';
import { daysInMonth } from './print';
import type { UnitPart } from './files';
import type { SeventhRow, ServiceUseItem } from './types';

// A sample 第6・7表 send unit for 練習モード (issue 8 §4): what a care manager's 介護ソフト would export, so the
// training exchange can be practised without one. 訪問介護 身体介護1 (サービスコード 111111, 244 単位 — training values)
// on every Monday and Thursday of the month, 09:00–09:30, at the partner office.

export interface SamplePerson {
  insurer: string;
  insured: string;
  name: string;
  nameKana: string;
  /** 要介護状態区分 (21–25; others get 21). */
  careLevel: string;
}

const UNITS = 244;
const UNIT_PRICE = '11.40';

export function samplePlanUnit(input: {
  person: SamplePerson;
  month: string;
  createdOn: string;
  from: OfficeRef;
  to: OfficeRef & { name: string };
  planStaffName: string;
}): UnitPart[] {
  const { person, month, from, to } = input;
  const careLevel = /^2[1-5]$/.test(person.careLevel) ? person.careLevel : '21';
  const year = Number(month.slice(0, 4));
  const mon = Number(month.slice(4, 6));
  const items: ServiceUseItem[] = [];
  for (let d = 1; d <= daysInMonth(month); d++) {
    const weekday = new Date(Date.UTC(year, mon - 1, d)).getUTCDay();
    if (weekday !== 1 && weekday !== 4) continue;
    items.push({
      units: UNITS,
      shortStayDaysBefore: null,
      serviceDate: `${month}${String(d).padStart(2, '0')}`,
      dailyRateDays: '',
      start: '0900',
      end: '0930',
      count: 1,
      serviceCode: '111111',
      taisCode: '',
      notifiedCode: '',
      equipmentName: '',
      detailCode: '',
      provider: to.office,
      providerName: to.name,
      satellite: '',
      over30Days: '0',
      updatedBy: from.office,
    });
  }
  const total = UNITS * items.length;
  const cost = Math.floor(total * Number(UNIT_PRICE));
  const claim = Math.floor((cost * 90) / 100);
  const row = (over: Partial<SeventhRow>): SeventhRow => ({
    officeName: to.name,
    office: to.office,
    satellite: '',
    serviceCode: '111111',
    taisCode: '',
    notifiedCode: '',
    equipmentName: '',
    units: UNITS,
    discountRate: '',
    discountedUnits: null,
    count: items.length,
    serviceUnits: total,
    managedUnits: total,
    overKindLimit: null,
    withinKindLimit: total,
    overLimit: null,
    withinLimit: total,
    unitPrice: UNIT_PRICE,
    totalCost: cost,
    benefitRate: '90',
    claimAmount: claim,
    fixedCopayUnitPrice: null,
    copay: cost - claim,
    fullCopay: null,
    daysBeforeMonth: '',
    plannedDays: '',
    cumulativeDays: '',
    over30Days: '',
    totalOffice: '',
    enteredBy: from.office,
    updatedBy: from.office,
    ...over,
  });
  const head = { insurer: person.insurer, insured: person.insured, month, createdOn: input.createdOn };
  return [
    {
      kind: 'UPPLAN',
      month,
      content: [{ ...head, planOffice: from.office, planStaffName: input.planStaffName, items }],
    },
    {
      kind: 'UPSIKYU',
      month,
      content: [
        {
          ...head,
          rows: [
            row({}),
            row({
              officeName: '',
              office: '9999999999',
              serviceCode: '999999',
              units: 0,
              count: 0,
              unitPrice: '',
              benefitRate: '',
              totalOffice: '9999999999',
            }),
          ],
        },
      ],
    },
    {
      kind: 'UPHOSOKU',
      month,
      content: [
        {
          insurer: person.insurer,
          insured: person.insured,
          planDate: '00000000',
          month,
          nameKana: person.nameKana,
          name: person.name,
          sex: '',
          birthDate: '',
          postalCode: '',
          address1: '',
          address2: '',
          phone: '',
          certifiedOn: '',
          limitFrom: '',
          limitTo: '',
          certificationStatus: '2',
          careLevelChangedOn: '',
          careLevel,
          benefitLimit: officialBenefitLimit(careLevel, `${month.slice(0, 4)}-${month.slice(4)}-01`),
          kindLimits: [],
          totalOverUnits: null,
          daysBeforeAdmission: null,
          cumulativeAdmissionDays: null,
          previousCareLevel: '',
          consentOffice: '',
          updatedBy: from.office,
        },
      ],
    },
  ];
}
