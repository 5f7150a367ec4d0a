import type { CalendarDate } from '../../contract/time';
import { personKeyOf, type SnapshotBodies } from '../../services/cache';
import { officialBenefitLimit } from '../../services/eligibility';
import { addDays, augustYear, endOfMonth, firstOfMonth, fiscalYear, iso } from './calendar';
import { TRAINING_OFFICES } from '../server/seed';
import { insurerNumber } from './identifiers';
import { GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, INSURERS, SURNAMES, UNMAPPABLE_SURNAMES } from './names';
import { seededRandom, type Random } from './random';

// Deterministic synthetic persons for the training backend (練習モード) and the benchmarks: the same seed and
// reference date always give the same persons. Codes and shapes follow DOMAIN.md §2.2–2.11; every person is
// invented. Dates are placed around `today` so that deadlines, renewals and 8/1 boundaries are always in play.

export interface TrainingInsurer {
  number: string;
  name: string;
  /** false: the municipality is not yet connected to the 介護情報基盤 (go-live is municipality by municipality). */
  live: boolean;
}

export interface TrainingOffice {
  officeNumber: string;
  serviceType: string;
  name: string;
}

/** 審査会の進捗 stages (DOMAIN.md §2.11). */
export const PROGRESS_STAGES = ['申請受付', '認定調査', '主治医意見書', '一次判定', '審査会', '結果通知'] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

export interface TrainingProgress {
  applicationKind: '新規' | '更新' | '区分変更';
  /** Dates of the stages reached so far, in order. */
  stages: Array<{ stage: ProgressStage; date: string }>;
}

export interface TrainingAllowances {
  /** 住宅改修費: 200,000 yen per person and residence (DOMAIN.md §2.1). */
  homeModification: { usedYen: number; capYen: 200_000 };
  /** 福祉用具購入費: 100,000 yen per fiscal year. */
  welfareEquipment: { fiscalYear: number; usedYen: number; capYen: 100_000 };
}

export interface TrainingPerson {
  personKey: string;
  insurer: TrainingInsurer;
  insuredCard: SnapshotBodies['insured-card'];
  burdenRatio: SnapshotBodies['burden-ratio'];
  burdenLimit: SnapshotBodies['burden-limit'] | null;
  certification: SnapshotBodies['certification'];
  progress: TrainingProgress | null;
  allowances: TrainingAllowances;
  flags: {
    unmappableName: boolean;
    addressSpecialRule: boolean; // 住所地特例
    benefitRestriction: boolean; // 給付制限
    applying: boolean; // 申請中
    secondInsured: boolean; // 第2号被保険者 (40–64)
    notYetReflected: boolean; // the 保険者 has not yet registered the data: 資格情報なし・反映待ち
    qualificationLost: boolean; // 資格喪失 (moved away, died): 資格無効
  };
}

export interface TrainingData {
  seed: number;
  today: string;
  insurers: TrainingInsurer[];
  offices: TrainingOffice[];
  persons: TrainingPerson[];
}

const CARE_LEVEL_WEIGHTS = [
  ['06', 2],
  ['12', 14],
  ['13', 14],
  ['21', 20],
  ['22', 17],
  ['23', 13],
  ['24', 12],
  ['25', 8],
] as const;

// Example 負担限度額 amounts (円/日). DOMAIN.md §2.6: real amounts come from a dated master; these are training values.
const LIMIT_AMOUNTS = {
  '1': {
    food: 300,
    unitPrivate: 880,
    unitSemiPrivate: 550,
    conventionalPrivateTokuyo: 380,
    conventionalPrivateOther: 550,
    multiBed: 0,
  },
  '2': {
    food: 390,
    unitPrivate: 880,
    unitSemiPrivate: 550,
    conventionalPrivateTokuyo: 480,
    conventionalPrivateOther: 550,
    multiBed: 430,
  },
  '3-1': {
    food: 650,
    unitPrivate: 1370,
    unitSemiPrivate: 1370,
    conventionalPrivateTokuyo: 880,
    conventionalPrivateOther: 1370,
    multiBed: 430,
  },
  '3-2': {
    food: 1360,
    unitPrivate: 1370,
    unitSemiPrivate: 1370,
    conventionalPrivateTokuyo: 880,
    conventionalPrivateOther: 1370,
    multiBed: 430,
  },
} as const;

export function trainingInsurers(): TrainingInsurer[] {
  return INSURERS.map((i) => ({ number: insurerNumber(i.prefecture, i.localNumber), name: i.name, live: i.live }));
}

/** The training offices: the same ones the training server's certificates and staff belong to. */
export function trainingOffices(): TrainingOffice[] {
  return TRAINING_OFFICES.map((o) => ({
    officeNumber: o.officeNumber,
    serviceType: o.serviceType,
    name: o.officeName,
  }));
}

function personName(r: Random, sex: '1' | '2', unmappable: boolean) {
  const [surname, surnameKana] = unmappable ? r.pick(UNMAPPABLE_SURNAMES) : r.pick(SURNAMES);
  const [given, givenKana] = r.pick(sex === '1' ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE);
  return { name: `${surname} ${given}`, nameKana: `${surnameKana} ${givenKana}` };
}

/**
 * The first persons of every data set show one case each, so that even a small training set (and every test)
 * meets every state at the counter; the rest are drawn at random.
 */
const SHOWCASE: ReadonlyArray<
  Partial<
    Record<
      'notLive' | 'notYetReflected' | 'qualificationLost' | 'applying' | 'unmappable' | 'burdenLimit' | 'endingSoon',
      true
    >
  >
> = [
  {},
  { notYetReflected: true },
  { qualificationLost: true },
  { notLive: true },
  { applying: true },
  { unmappable: true },
  { burdenLimit: true },
  { endingSoon: true },
];

function generatePerson(
  r: Random,
  index: number,
  today: CalendarDate,
  insurers: TrainingInsurer[],
  offices: TrainingOffice[],
): TrainingPerson {
  const show = SHOWCASE[index] ?? null;
  const drawn = r.weighted(insurers.map((i) => [i, i.live ? 10 : 2] as const));
  const insurer = show ? (insurers.find((i) => i.live === !show.notLive) ?? drawn) : drawn;
  // Unique by construction: index × 13 plus an offset below 13.
  const insuredNumber = String(1_000_000_000 + index * 13 + r.int(0, 12)).padStart(10, '0');
  const sex = r.chance(0.62) ? '2' : '1';
  const secondInsured = r.chance(0.03);
  const age = secondInsured ? r.int(45, 64) : r.int(66, 101);
  const birth = addDays({ year: today.year - age, month: 1, day: 1 }, r.int(0, 364));
  const unmappableName = r.chance(0.04) ? !show || !!show.unmappable : !!show?.unmappable;
  const { name, nameKana } = personName(r, sex, unmappableName);

  // Certification: an end date spread from a few days ago (lapsed, awaiting renewal) to two years ahead.
  const careLevel = r.weighted(CARE_LEVEL_WEIGHTS);
  const endDraw = r.int(-20, 720);
  const end = endOfMonth(addDays(today, show ? (show.endingSoon ? 20 : 400) : endDraw));
  const months = r.weighted([
    [12, 3],
    [24, 3],
    [36, 2],
    [48, 2],
  ] as const);
  const start = firstOfMonth(end, -months + 1);
  const applyDraw = r.chance(0.08);
  const applying = show ? !!show.applying : applyDraw;
  const newApplication = applying && r.chance(0.3);
  const applicationKind = newApplication ? '新規' : r.chance(0.7) ? '更新' : '区分変更';
  const appliedOn = addDays(today, -r.int(3, 40));

  const addressSpecialRule = r.chance(0.03);
  const benefitRestriction = r.chance(0.02);
  const carePlanOffice = offices[0]!;
  const period = { from: iso(start), to: iso(end) };

  const insuredCard: SnapshotBodies['insured-card'] = {
    insuredNumber,
    insurerNumber: insurer.number,
    insurerName: insurer.name,
    name,
    nameKana,
    birthDate: iso(birth),
    sex,
    address: `${insurer.name}練習町${r.int(1, 9)}丁目${r.int(1, 30)}番${r.int(1, 20)}号`,
    issuedOn: iso(start),
    serviceTypeLimits: [],
    benefitRestrictions: benefitRestriction
      ? [
          {
            content: '給付率引下げ',
            from: iso(firstOfMonth(today, -r.int(1, 6))),
            to: iso(endOfMonth(today, r.int(3, 12))),
          },
        ]
      : [],
    carePlanOffices: [{ officeName: carePlanOffice.name, notifiedOn: iso(start) }],
    facilities: addressSpecialRule
      ? [{ kind: '介護老人福祉施設', name: '練習の里（住所地特例）', admittedOn: iso(addDays(start, r.int(0, 200))) }]
      : [],
  };
  if (!newApplication) {
    insuredCard.careLevel = careLevel;
    insuredCard.certifiedOn = iso(addDays(start, -r.int(1, 20)));
    insuredCard.certificationPeriod = period;
    const units = officialBenefitLimit(careLevel, period.from);
    if (units !== null) insuredCard.benefitLimit = { period, units };
  }

  const aug = augustYear(today);
  const ratio = secondInsured
    ? '10'
    : r.weighted([
        ['10', 85],
        ['20', 8],
        ['30', 7],
      ] as const);
  const burdenRatio: SnapshotBodies['burden-ratio'] = {
    insuredNumber,
    insurerNumber: insurer.number,
    issuedOn: iso(addDays(aug.from, -r.int(5, 20))),
    ratio,
    period: { from: iso(aug.from), to: iso(aug.to) },
  };

  let burdenLimit: SnapshotBodies['burden-limit'] | null = null;
  const limitDraw = r.chance(0.15);
  if (!newApplication && (show ? !!show.burdenLimit : limitDraw)) {
    const stage = r.pick(['1', '2', '3-1', '3-2'] as const);
    const { food, ...room } = LIMIT_AMOUNTS[stage];
    burdenLimit = {
      insuredNumber,
      insurerNumber: insurer.number,
      issuedOn: burdenRatio.issuedOn,
      stage,
      food,
      room,
      period: { from: iso(aug.from), to: iso(aug.to) },
    };
  }

  const certification: SnapshotBodies['certification'] = newApplication
    ? { insuredNumber, insurerNumber: insurer.number, status: '1', appliedOn: iso(appliedOn) }
    : {
        insuredNumber,
        insurerNumber: insurer.number,
        status: applying ? '1' : '2',
        ...(applying ? { appliedOn: iso(appliedOn) } : {}),
        careLevel,
        certifiedOn: insuredCard.certifiedOn,
        period,
      };

  let progress: TrainingProgress | null = null;
  if (applying) {
    const reached = r.int(1, PROGRESS_STAGES.length - 1); // still before 結果通知
    let at = appliedOn;
    const stages = PROGRESS_STAGES.slice(0, reached).map((stage, i) => {
      if (i > 0) at = addDays(at, r.int(2, 9));
      return { stage, date: iso(at) };
    });
    progress = { applicationKind, stages };
  }

  return {
    personKey: personKeyOf(insurer.number, insuredNumber),
    insurer,
    insuredCard,
    burdenRatio,
    burdenLimit,
    certification,
    progress,
    allowances: {
      homeModification: { usedYen: r.chance(0.2) ? r.int(1, 40) * 5000 : 0, capYen: 200_000 },
      welfareEquipment: {
        fiscalYear: fiscalYear(today),
        usedYen: r.chance(0.25) ? r.int(1, 20) * 5000 : 0,
        capYen: 100_000,
      },
    },
    flags: {
      unmappableName,
      addressSpecialRule,
      benefitRestriction,
      applying,
      secondInsured,
      notYetReflected: insurer.live && (r.chance(0.02) ? !show : !!show?.notYetReflected),
      qualificationLost: insurer.live && (r.chance(0.015) ? !show : !!show?.qualificationLost),
    },
  };
}

export function generateTrainingData(options: { seed?: number; persons?: number; today: CalendarDate }): TrainingData {
  const seed = options.seed ?? 1;
  const count = options.persons ?? 200;
  const r = seededRandom(seed);
  const insurers = trainingInsurers();
  const offices = trainingOffices();
  const persons: TrainingPerson[] = [];
  for (let i = 0; i < count; i++) persons.push(generatePerson(r, i, options.today, insurers, offices));
  return { seed, today: iso(options.today), insurers, offices, persons };
}
