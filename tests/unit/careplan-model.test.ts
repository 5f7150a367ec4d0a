import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CarePlanBook,
  checkSeventhFile,
  compareMonth,
  encodeCarePlanFile,
  fileToModel,
  isModelledKind,
  MODELLED_KINDS,
  modelToRows,
  parseCarePlanFile,
  parseFileName,
  printView,
  rowsToModel,
  samplePlanUnit,
  sixthTableLines,
  writeSendUnit,
  type BasicInfo,
  type DailyLifeTable,
  type MedicalHistoryTable,
  type ModelFile,
  type PreventionPlan,
  type SecondTable,
  type SeventhTable,
  type ServiceUseTable,
  type Supplement,
  type SupportPlanTable,
  type ThirdTable,
  type UnitPart,
} from '../../electron/services/careplan';
import { seededRandom } from '../../electron/training/data';

// The typed model against the hand-written fixtures (tests/fixtures/careplan/build.mjs): read → model → rows →
// bytes is identical for every modelled kind; 第7表 consistency; deletions and ファイル連番 order; a generated corpus.

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan');
const NOW = new Date('2025-01-10T00:00:00Z');
const PLAN = 'UPPLAN_202412_1310100019_43_1310200017_11_20241125093000.CSV';
const SEVENTH = 'UPSIKYU_202412_1310100019_43_1310200017_11_20241125093000.CSV';
const SUPPLEMENT = 'UPHOSOKU_202412_1310100019_43_1310200017_11_20241125093000.CSV';

function model(rel: string): ModelFile {
  const bytes = fs.readFileSync(path.join(FIXTURES, rel));
  const read = parseCarePlanFile(path.basename(rel), bytes, { now: NOW });
  const m = fileToModel(read);
  if (!m.ok) throw new Error(m.reason);
  return m.value;
}

/** The same file's content under another 連番 (for ordering tests). */
const resequenced = (f: ModelFile, sequence: string): ModelFile => ({ ...f, sequence }) as ModelFile;

describe('model ⇄ canonical fixtures', () => {
  const canonical = fs.readdirSync(path.join(FIXTURES, 'canonical')).sort();
  for (const name of canonical) {
    const read = parseCarePlanFile(name, fs.readFileSync(path.join(FIXTURES, 'canonical', name)), { now: NOW });
    if (!isModelledKind(read.kind)) continue;
    it(`${read.kind}: file → model → file is byte-identical`, () => {
      const m = fileToModel(read);
      expect(m.ok).toBe(true);
      if (!m.ok) return;
      const rows = modelToRows(m.value.kind, m.value.content as never);
      const encoded = encodeCarePlanFile(name, m.value.kind, rows);
      expect(encoded.ok).toBe(true);
      if (encoded.ok)
        expect(Buffer.from(encoded.bytes).equals(fs.readFileSync(path.join(FIXTURES, 'canonical', name)))).toBe(true);
    });
  }

  it('reads the 第6表 予定 to the expected typed plan', () => {
    const f = model(`canonical/${PLAN}`);
    expect(f.kind).toBe('UPPLAN');
    const plans = f.content as ServiceUseTable[];
    expect(plans.map((p) => [p.insurer, p.insured, p.month, p.items.length])).toEqual([
      ['131016', '0000012345', '202412', 3],
      ['131016', 'H123456789', '202412', 1],
    ]);
    const [visit, reduction, rental] = plans[0]!.items;
    expect(plans[0]!.planStaffName).toBe('介護　花子');
    expect(visit).toMatchObject({ units: 580, serviceDate: '20241202', start: '0900', end: '1000', count: 1 });
    expect(visit!.overrides).toBeUndefined();
    // The second row names another staff member (with quotes, comma and CRLF): kept as that row's own value.
    expect(reduction).toMatchObject({ units: -12, serviceCode: '116275', satellite: '01' });
    expect(reduction!.overrides).toEqual({ planStaffName: '髙﨑 "ケア", 一郎\r\n（主任①）' });
    expect(rental).toMatchObject({
      dailyRateDays: '1111100000000000000000000000000',
      taisCode: '00001－000010',
      equipmentName: '車いす "スイスイ" 22型',
      detailCode: '1',
    });
    expect(plans[1]!.items[0]).toMatchObject({ shortStayDaysBefore: 12, count: 2, over30Days: '1' });
  });

  it('reads 利用者補足情報 with its limit frames', () => {
    const [s] = model(`canonical/${SUPPLEMENT}`).content as Supplement[];
    expect(s).toMatchObject({ planDate: '00000000', month: '202412', careLevel: '22', benefitLimit: 19705 });
    expect(s!.kindLimits).toEqual([{ serviceKind: '11', limit: null, total: 568, over: 0 }]);
  });

  it('reads the 第1–3表 send unit and its 利用者補足情報 (month 000000) to the expected model', () => {
    const ky = (k: string) => model(`canonical/${k}_1310100019_43_1310200017_11_20241120100000.CSV`);
    expect(ky('UP1KYO').content).toEqual([
      {
        insurer: '131016',
        insured: '0000012345',
        createdOn: '20241120',
        postalCode: '100-0001',
        address1: '東京都千代田区千代田1-1',
        address2: 'ケア荘 101号',
        plannerName: '佐藤 一郎',
        supportOfficeName: '居宅介護支援 あおぞら',
        supportOfficePostalCode: '100-0002',
        supportOfficeAddress1: '東京都千代田区千代田2-2',
        supportOfficeAddress2: '',
        supportOffice: '1310100019',
        planDate: '20241120',
        firstPlanDate: '20230401',
        planCategory: '21',
        certificationStatus: '2',
        certifiedOn: '20240401',
        validFrom: '20240401',
        validTo: '20250331',
        careLevel: '22',
        wishesAndAnalysis: '本人: 自宅での生活を続けたい。\r\n家族: "無理のない範囲で"支えたい。',
        boardOpinion: '特になし',
        overallPolicy: '週2回の訪問介護で、できることを支えます。',
        livingSupportReason: '1',
        otherReason: '',
        updatedBy: '1310100019',
      },
    ]);
    const [second] = ky('UP2KYO').content as SecondTable[];
    expect(second).toMatchObject({
      insurer: '131016',
      insured: '0000012345',
      planDate: '20241120',
      createdOn: '20241120',
    });
    // Periods keep the full-width tilde (～ U+FF5E; the wave dash 〜 U+301C has no MS932 code).
    expect(second!.rows[0]).toMatchObject({ longPeriod: '2024/12～2025/05', shortPeriod: '2024/12～2025/02' });
    // 課題 and 目標 repeat on both rows; the 援助内容 differ.
    expect(second!.rows.map((r) => [r.issueNo, r.issue, r.goalNo, r.longGoal, r.shortGoal])).toEqual([
      ['1', '一人で入浴するのが不安', '1', '安心して入浴できる', '週2回、見守りで入浴できる'],
      ['1', '一人で入浴するのが不安', '1', '安心して入浴できる', '週2回、見守りで入浴できる'],
    ]);
    expect(
      second!.rows.map((r) => [r.supportNo, r.serviceContent, r.insuranceCovered, r.serviceType, r.provider]),
    ).toEqual([
      ['1', '入浴の見守り・介助', 'Y', '訪問介護', '1310200017'],
      ['2', '手すりの貸与', 'Y', '福祉用具貸与', '1310300015'],
    ]);
    expect(second!.rows.map((r) => [r.providerName, r.frequency, r.updatedBy])).toEqual([
      ['ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ ひまわり', '週2回（月・木）', '1310100019'],
      ['福祉用具 さくら', '毎日', '1310100019'],
    ]);
    expect(second!.rows.every((r) => r.overrides === undefined)).toBe(true);
    const [third] = ky('UP3KYO').content as ThirdTable[];
    expect(third).toMatchObject({
      insurer: '131016',
      insured: '0000012345',
      planDate: '20241120',
      createdOn: '20241120',
    });
    expect(third!.rows).toEqual([
      {
        serviceContent: '訪問介護（身体1）',
        weekday: '1',
        start: '0900',
        end: '1000',
        dailyActivity: '起床・朝食',
        activityStart: '0700',
        activityEnd: '0800',
        nonWeeklyServices: '福祉用具貸与（手すり）',
      },
      {
        serviceContent: '訪問介護（身体1）',
        weekday: '4',
        start: '0900',
        end: '1000',
        dailyActivity: '起床・朝食',
        activityStart: '0700',
        activityEnd: '0800',
        nonWeeklyServices: '',
      },
    ]);
    const [supplement] = ky('UPHOSOKU_000000').content as Supplement[];
    expect(supplement).toEqual({
      insurer: '131016',
      insured: '0000012345',
      planDate: '20241120',
      month: '000000',
      nameKana: 'ｶｲｺﾞ ﾊﾅｺ',
      name: '介護　花子',
      sex: '2',
      birthDate: '19400315',
      postalCode: '100-0001',
      address1: '東京都千代田区千代田1-1',
      address2: 'ケア荘 101号',
      phone: '03-1234-5678',
      certifiedOn: '20240401',
      limitFrom: '20240401',
      limitTo: '20250331',
      certificationStatus: '2',
      careLevelChangedOn: '20240401',
      careLevel: '22',
      benefitLimit: 19705,
      kindLimits: [{ serviceKind: '11', limit: null, total: 568, over: 0 }],
      totalOverUnits: 0,
      daysBeforeAdmission: null,
      cumulativeAdmissionDays: null,
      previousCareLevel: '21',
      consentOffice: '1310100019',
      updatedBy: '1310100019',
    });
  });

  it('reads the 第6表 実績 to the expected model', () => {
    const f = model('canonical/UPJSK_202412_1310200017_11_1310100019_43_20250105180000.CSV');
    expect(f).toMatchObject({ kind: 'UPJSK', month: '202412', sender: { office: '1310200017', service: '11' } });
    const [actual] = f.content as ServiceUseTable[];
    expect(actual).toMatchObject({
      insurer: '131016',
      insured: '0000012345',
      month: '202412',
      createdOn: '20250105',
      planOffice: '1310100019',
      planStaffName: '居宅 太郎',
    });
    expect(actual!.items.map((i) => [i.units, i.serviceCode, i.start, i.end, i.serviceDate, i.updatedBy])).toEqual([
      [580, '111211', '0905', '1003', '20241202', '1310200017'],
      [-12, '116275', '0905', '1003', '20241202', '1310200017'],
    ]);
    expect(actual!.items[0]).toEqual({
      units: 580,
      shortStayDaysBefore: null,
      serviceDate: '20241202',
      dailyRateDays: '',
      start: '0905',
      end: '1003',
      count: 1,
      serviceCode: '111211',
      taisCode: '',
      notifiedCode: '',
      equipmentName: '',
      detailCode: '',
      provider: '1310200017',
      providerName: 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ ひまわり',
      satellite: '',
      over30Days: '0',
      updatedBy: '1310200017',
    });
  });

  it('reads the 第7表 to the expected model: details, the AAAA subtotal and the 全合計', () => {
    const [t] = model(`canonical/${SEVENTH}`).content as SeventhTable[];
    expect(t).toMatchObject({ insurer: '131016', insured: '0000012345', month: '202412', createdOn: '20241125' });
    expect(
      t!.rows.map((r) => [r.office, r.serviceCode, r.units, r.count, r.serviceUnits, r.withinLimit, r.unitPrice]),
    ).toEqual([
      ['1310200017', '111211', 580, 1, 580, 580, '11.40'],
      ['1310200017', '116275', -12, 1, -12, -12, '11.40'],
      ['1310200017', '11AAAA', 0, 2, 568, 568, '11.40'],
      ['9999999999', '999999', 0, 0, 568, 568, ''],
    ]);
    expect(t!.rows.map((r) => [r.totalCost, r.benefitRate, r.claimAmount, r.copay, r.totalOffice])).toEqual([
      [6612, '90', 5950, 662, ''],
      [-136, '90', -122, -14, ''],
      [6475, '90', 5827, 648, ''],
      [6475, '', 5827, 648, '9999999999'],
    ]);
    expect(t!.rows.map((r) => r.officeName)).toEqual([
      'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ ひまわり',
      'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ ひまわり',
      'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ ひまわり',
      '',
    ]);
    expect(t!.rows[0]).toMatchObject({
      discountRate: '',
      discountedUnits: null,
      managedUnits: 580,
      overKindLimit: null,
      withinKindLimit: 580,
      overLimit: null,
      fixedCopayUnitPrice: null,
      fullCopay: null,
      enteredBy: '1310100019',
      updatedBy: '1310100019',
    });
  });

  it('reads the deletion files to their keys', () => {
    const person = { insurer: '131016', insured: '0000012345' };
    expect(model('canonical/DLTPLAN_202412_1310100019_43_1310200017_11_20241126100000.CSV').content).toEqual([
      { ...person, month: '202412' },
    ]);
    expect(model('canonical/DLTJSK_202412_1310200017_11_1310100019_43_20250106100000.CSV').content).toEqual([
      { ...person, month: '202412', provider: '1310200017', serviceKind: '11' },
    ]);
    expect(model('canonical/DLT1KYO_1310100019_43_1310200017_11_20241121100000.CSV').content).toEqual([
      { ...person, planDate: '20241120' },
    ]);
  });

  it('every canonical fixture kind has an expected-model test', () => {
    // Asserted above, and for the 介護予防 kinds in careplan-yobo-model.test.ts.
    const asserted = [
      ...['UPPLAN', 'UPHOSOKU', 'UP1KYO', 'UP2KYO', 'UP3KYO', 'UPJSK', 'UPSIKYU', 'DLTPLAN', 'DLTJSK', 'DLT1KYO'],
      ...['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'DLTKIHON', 'UPYOBO', 'UPYOBO_SUB', 'DLTYOBO'],
    ];
    const present = fs.readdirSync(path.join(FIXTURES, 'canonical')).map((n) => {
      const parsed = parseFileName(n);
      return parsed.ok ? parsed.value.kind : n;
    });
    expect([...new Set(present)].sort()).toEqual([...asserted].sort());
    expect([...MODELLED_KINDS].sort()).toEqual([...asserted].sort());
  });

  it('third-party variants (header row, LF, 202410, extra quotes) read to the same model', () => {
    const expected = model(`canonical/${PLAN}`).content;
    for (const v of ['header-row', 'lf', 'v202410', 'extra-quotes'])
      expect(model(`variants/${v}/${PLAN}`).content, v).toEqual(expected);
  });

  it('refuses a file with errors', () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, 'invalid', 'date', PLAN));
    const m = fileToModel(parseCarePlanFile(PLAN, bytes, { now: NOW }));
    expect(m).toEqual({ ok: false, reason: `${PLAN}: エラーがあるため取り込めません。` });
  });
});

describe('第7表 consistency', () => {
  const tables = () => structuredClone(model(`canonical/${SEVENTH}`).content as SeventhTable[]);
  const supplements = model(`canonical/${SUPPLEMENT}`).content as Supplement[];

  it('the hand-written 第7表 adds up and stays within the limit', () => {
    expect(checkSeventhFile(SEVENTH, tables(), supplements)).toEqual([]);
  });

  it('a subtotal that does not add up names its row and column', () => {
    const t = tables();
    t[0]!.rows[2]!.managedUnits = 570;
    const found = checkSeventhFile(SEVENTH, t, supplements);
    expect(found.map((i) => [i.severity, i.rule, i.row, i.column])).toEqual([
      ['error', 'seventh-subtotal', 3, 18],
      // The 全合計 is checked against the subtotal as written, so it no longer matches either.
      ['error', 'seventh-grand-total', 4, 18],
    ]);
    expect(found[0]!.message).toBe(
      `${SEVENTH} 3行目 18列目「給付管理単位数」 値「570」: 被保険者番号 0000012345（2024年12月）の第7表: 11AAAA（区分支給対象種類別小計）が内訳の合計 568 と合いません。`,
    );
  });

  it('several rows of one kind need their AAAA subtotal; the 全合計 row is required', () => {
    const t = tables();
    t[0]!.rows.splice(2, 1);
    expect(checkSeventhFile(SEVENTH, t, supplements).map((i) => i.rule)).toEqual(['seventh-subtotal']);
    t[0]!.rows.splice(2, 1);
    expect(checkSeventhFile(SEVENTH, t, supplements).map((i) => i.rule)).toEqual(['seventh-subtotal', 'seventh-total']);
  });

  it('totals above the 区分支給限度基準額 are an error; the master is used when the limit is not printed', () => {
    const limited = supplements.map((s) => ({ ...s, benefitLimit: 500 }));
    const over = checkSeventhFile(SEVENTH, tables(), limited);
    expect(over.filter((i) => i.severity === 'error').map((i) => [i.rule, i.row, i.column])).toEqual([
      ['benefit-limit', 4, 22],
    ]);
    // 要支援1 from resources/masters: 5032 units.
    const fromMaster = supplements.map((s) => ({ ...s, benefitLimit: null, careLevel: '12' }));
    const t = tables();
    for (const r of t[0]!.rows.slice(2)) r.withinLimit = 6000;
    expect(checkSeventhFile(SEVENTH, t, fromMaster).map((i) => i.message)).toContain(
      `${SEVENTH} 4行目 22列目「区分支給限度基準内単位数」 値「6000」: 被保険者番号 0000012345（2024年12月）の第7表: 区分支給限度基準額 5032 単位を超えています。超える分は「区分支給限度基準を超える単位数」に記載してください。`,
    );
  });
});

describe('applying received files', () => {
  const person = { insurer: '131016', insured: '0000012345' };

  it('6表削除 removes the month’s 第6表, 第7表 and 補足; a later plan comes back', () => {
    const book = new CarePlanBook();
    book.applyAll([model(`canonical/${PLAN}`), model(`canonical/${SEVENTH}`), model(`canonical/${SUPPLEMENT}`)]);
    expect(book.month(person, '202412')?.seventh?.value.rows).toHaveLength(4);
    const del = model('canonical/DLTPLAN_202412_1310100019_43_1310200017_11_20241126100000.CSV');
    expect(book.apply(del)).toEqual({ applied: 3, skippedOlder: 0 });
    const m = book.month(person, '202412')!;
    expect([m.plan, m.seventh, m.supplement]).toEqual([undefined, undefined, undefined]);
  });

  it('1表削除 removes 第1–3表', () => {
    const book = new CarePlanBook();
    const ky = (k: string) => model(`canonical/${k}_1310100019_43_1310200017_11_20241120100000.CSV`);
    book.applyAll([ky('UP1KYO'), ky('UP2KYO'), ky('UP3KYO')]);
    expect(book.plan(person, '20241120')?.second?.value.rows).toHaveLength(2);
    book.apply(model('canonical/DLT1KYO_1310100019_43_1310200017_11_20241121100000.CSV'));
    const p = book.plan(person, '20241120')!;
    expect([p.first, p.second, p.third]).toEqual([undefined, undefined, undefined]);
  });

  it('sets are applied in ascending ファイル連番 whatever the arrival order', () => {
    const older = model(`canonical/${PLAN}`);
    const newer = structuredClone(older) as ModelFile & { kind: 'UPPLAN' };
    newer.sequence = '20241128120000';
    newer.content[0]!.items.pop();
    const deletion = resequenced(
      model('canonical/DLTPLAN_202412_1310100019_43_1310200017_11_20241126100000.CSV'),
      '20241126100000',
    );
    // Arrival: newer plan, then the deletion (older), then the first plan (oldest).
    const book = new CarePlanBook();
    book.applyAll([newer, deletion, older]);
    expect(book.month(person, '202412')?.plan?.value.items).toHaveLength(2);
    // Applied one by one in arrival order, the older files are skipped rather than overwriting the newer plan.
    const live = new CarePlanBook();
    live.apply(newer);
    expect(live.apply(deletion)).toEqual({ applied: 0, skippedOlder: 1 });
    expect(live.apply(older).skippedOlder).toBe(2);
    expect(live.month(person, '202412')?.plan?.sequence).toBe('20241128120000');
  });

  it('compares 予定 and 実績 per day and service code', () => {
    const book = new CarePlanBook();
    book.applyAll([
      model(`canonical/${PLAN}`),
      model('canonical/UPJSK_202412_1310200017_11_1310100019_43_20250105180000.CSV'),
    ]);
    const rows = compareMonth(book.month(person, '202412')!);
    expect(rows.map((r) => [r.serviceDate, r.serviceCode, r.status])).toEqual([
      ['20241201', '171001', 'plannedOnly'],
      ['20241202', '111211', 'match'],
      ['20241202', '116275', 'match'],
    ]);
    // 実績削除 of the 訪問介護 provider removes its 実績 only.
    book.apply(model('canonical/DLTJSK_202412_1310200017_11_1310100019_43_20250106100000.CSV'));
    expect(compareMonth(book.month(person, '202412')!).every((r) => r.status === 'plannedOnly')).toBe(true);
  });
});

describe('generated corpus: model → CSV → model', () => {
  const KYOTAKU = { office: '1310100019', service: '43' };
  const HOUMON = { office: '1310200017', service: '11' };

  function generate(seed: number): { plans: ServiceUseTable[]; sevenths: SeventhTable[]; supplements: Supplement[] } {
    const rnd = seededRandom(seed).next;
    const int = (n: number) => Math.floor(rnd() * n);
    const text = () =>
      Array.from({ length: int(5) }, () => ['介護', 'ｶﾅ', '①', '髙﨑', '"', ',', '\r\n', ' ', '～', '№'][int(10)]).join(
        '',
      );
    const plans: ServiceUseTable[] = [];
    const sevenths: SeventhTable[] = [];
    const supplements: Supplement[] = [];
    for (let p = 0; p < 20; p++) {
      const insured = String(1000 + p).padStart(10, '0');
      const items = Array.from({ length: 1 + int(8) }, () => ({
        units: int(3) === 0 ? null : int(2000) - 100,
        shortStayDaysBefore: int(4) === 0 ? int(30) : null,
        serviceDate: `202412${String(1 + int(31)).padStart(2, '0')}`,
        dailyRateDays: '',
        start: int(5) === 0 ? '9999' : `${String(int(24)).padStart(2, '0')}${String(int(60)).padStart(2, '0')}`,
        end: '9999',
        count: 1 + int(3),
        serviceCode: `11${String(int(10000)).padStart(4, '0')}`,
        taisCode: '',
        notifiedCode: '',
        equipmentName: text(),
        detailCode: '',
        provider: HOUMON.office,
        providerName: text(),
        satellite: '',
        over30Days: String(int(2)),
        updatedBy: KYOTAKU.office,
      }));
      plans.push({
        insurer: '131016',
        insured,
        month: '202412',
        createdOn: '20241125',
        planOffice: KYOTAKU.office,
        planStaffName: text(),
        items,
      });
      const units = 100 + int(1000);
      const row = (serviceCode: string, office: string, n: number | null) => ({
        officeName: text(),
        office,
        satellite: '',
        serviceCode,
        taisCode: '',
        notifiedCode: '',
        equipmentName: '',
        units: serviceCode === '999999' ? 0 : units,
        discountRate: '',
        discountedUnits: null,
        count: n,
        serviceUnits: units,
        managedUnits: units,
        overKindLimit: null,
        withinKindLimit: units,
        overLimit: null,
        withinLimit: units,
        unitPrice: '11.40',
        totalCost: 1000 + p,
        benefitRate: '90',
        claimAmount: 900,
        fixedCopayUnitPrice: null,
        copay: 100,
        fullCopay: null,
        daysBeforeMonth: '',
        plannedDays: '',
        cumulativeDays: '',
        over30Days: '',
        totalOffice: serviceCode === '999999' ? '9999999999' : '',
        enteredBy: KYOTAKU.office,
        updatedBy: KYOTAKU.office,
      });
      sevenths.push({
        insurer: '131016',
        insured,
        month: '202412',
        createdOn: '20241125',
        rows: [row('111211', HOUMON.office, 1), row('999999', '9999999999', 0)],
      });
      supplements.push({
        insurer: '131016',
        insured,
        planDate: '00000000',
        month: '202412',
        nameKana: 'ｶｲｺﾞ',
        name: text(),
        sex: String(1 + int(2)),
        birthDate: '19400315',
        postalCode: '100-0001',
        address1: text(),
        address2: '',
        phone: '',
        certifiedOn: '20240401',
        limitFrom: '',
        limitTo: '',
        certificationStatus: '2',
        careLevelChangedOn: '',
        careLevel: ['21', '22', '23', '24', '25'][int(5)]!,
        benefitLimit: null,
        kindLimits: int(2) === 0 ? [] : [{ serviceKind: '11', limit: null, total: units, over: 0 }],
        totalOverUnits: null,
        daysBeforeAdmission: null,
        cumulativeAdmissionDays: null,
        previousCareLevel: '',
        consentOffice: '',
        updatedBy: KYOTAKU.office,
      });
    }
    return { plans, sevenths, supplements };
  }

  for (const seed of [1, 2, 3, 42, 2024]) {
    it(`seed ${seed}: a 第6/7表 send unit reads back to the same model`, () => {
      const g = generate(seed);
      const at = new Date('2024-11-25T00:30:00Z');
      const unit = writeSendUnit({
        from: KYOTAKU,
        to: HOUMON,
        at,
        parts: [
          { kind: 'UPPLAN', month: '202412', content: g.plans },
          { kind: 'UPSIKYU', month: '202412', content: g.sevenths },
          { kind: 'UPHOSOKU', month: '202412', content: g.supplements },
        ],
      });
      if (!unit.ok) throw new Error(unit.issues.map((i) => i.message).join('\n'));
      // Japan time: 09:30 on 25 Nov.
      expect(unit.files.map((f) => f.name)).toEqual([
        'UPPLAN_202412_1310100019_43_1310200017_11_20241125093000.CSV',
        'UPSIKYU_202412_1310100019_43_1310200017_11_20241125093000.CSV',
        'UPHOSOKU_202412_1310100019_43_1310200017_11_20241125093000.CSV',
      ]);
      const back = unit.files.map((f) => {
        const m = fileToModel(parseCarePlanFile(f.name, f.bytes, { now: at }));
        if (!m.ok) throw new Error(m.reason);
        return m.value.content;
      });
      expect(back).toEqual([g.plans, g.sevenths, g.supplements]);
      expect(rowsToModel('UPPLAN', modelToRows('UPPLAN', g.plans))).toEqual(g.plans);
    });
  }

  /** 介護予防 files of a 地域包括支援センター: 利用者基本情報 with 別表1/2 and the 支援計画書 with its 別表. */
  function generateYobo(seed: number) {
    const rnd = seededRandom(seed).next;
    const int = (n: number) => Math.floor(rnd() * n);
    const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
    const text = () =>
      Array.from({ length: int(6) }, () => pick(['予防', 'ｶﾅ', '①', '髙﨑', '"', ',', '\r\n', ' ', '～', '№'])).join(
        '',
      );
    const date = () =>
      `20${10 + int(15)}${String(1 + int(12)).padStart(2, '0')}${String(1 + int(28)).padStart(2, '0')}`;
    const maybe = (value: () => string) => (int(4) === 0 ? '' : value());
    const phone = () => maybe(() => `0${int(10)}-${1000 + int(9000)}-${1000 + int(9000)}`);
    const flag = () => pick(['1', '0', '']);
    const basics: BasicInfo[] = [];
    const dailyLives: DailyLifeTable[] = [];
    const histories: MedicalHistoryTable[] = [];
    const plans: PreventionPlan[] = [];
    const supports: SupportPlanTable[] = [];
    for (let p = 0; p < 12; p++) {
      const who = { insurer: '131016', insured: String(5000 + p).padStart(10, '0') };
      const consultedOn = date();
      const contacts = Array.from({ length: int(5) }, () => ({
        name: text(),
        relation: text(),
        address: text(),
        phone: phone(),
      }));
      // The model leaves out empty frames after the last filled one.
      if (contacts.length > 0) contacts[contacts.length - 1]!.name = `連絡先${p}`;
      basics.push({
        ...who,
        consultedOn,
        planKind: pick(['1', '2', '']),
        entrusted: pick(['1', '2']),
        staffName: text(),
        consultationMethod: pick(['01', '02', '03']),
        consultationMethodNote: text(),
        consultationCount: pick(['01', '02', '']),
        previousConsultedOn: maybe(date),
        currentSituation: pick(['01', '02']),
        currentSituationNote: text(),
        nameKana: 'ﾖﾎﾞｳ',
        name: text(),
        sex: pick(['1', '2']),
        birthDate: maybe(date),
        address: text(),
        phone: phone(),
        fax: phone(),
        physicalIndependence: pick(['01', '11', '12', '21', '22', '31', '32', '41', '42', '']),
        dementiaIndependence: pick(['01', '02', '03', '04', '05', '06', '07', '08', '']),
        careLevel: pick(['01', '12', '13', '21']),
        validFrom: maybe(date),
        validTo: maybe(date),
        previousCareLevel: pick(['01', '12', '13', '']),
        checklistResult: pick(['1', '2', '']),
        checklistOn: maybe(date),
        physicalDisability: flag(),
        intellectualDisability: flag(),
        mentalDisability: flag(),
        intractableDisease: flag(),
        disabilityNote: text(),
        residence: pick(['01', '02', '03', '04', '05', '06', '07', '08']),
        roomFloor: maybe(() => String(1 + int(20))),
        homeModified: pick(['1', '2', '']),
        nationalPension: flag(),
        employeePension: flag(),
        disabilityPension: flag(),
        publicAssistance: flag(),
        financialNote: text(),
        visitorName: text(),
        visitorAddress: text(),
        visitorPhone: phone(),
        visitorRelation: text(),
        emergencyContacts: contacts,
        familyImageFile: maybe(() => `UPKIHON_IMAGE_${p}.jpg`),
        familySituation: text(),
        lifeHistory: text(),
        dailyLife: text(),
        hobbies: text(),
        community: text(),
        publicServices: text(),
        informalServices: text(),
        consentOn: maybe(date),
        consentBy: text(),
      });
      dailyLives.push({
        ...who,
        consultedOn,
        rows: Array.from({ length: 1 + int(5) }, (_, i) => ({
          time: `${6 + i}:00`,
          personActivity: text(),
          familyActivity: text(),
        })),
      });
      if (int(3) > 0)
        histories.push({
          ...who,
          consultedOn,
          rows: Array.from({ length: 1 + int(3) }, () => ({
            date: pick(['平成30年', '令和2年5月', '']),
            disease: text(),
            institution: text(),
            attendingFlag: pick(['1', '2', '']),
            phone: phone(),
            progress: pick(['01', '02', '03', '']),
            treatment: text(),
          })),
        });
      const planDate = date();
      const domain = () => ({
        situation: text(),
        wishes: text(),
        hasIssue: pick(['1', '2', '']),
        issueBackground: text(),
      });
      const count = () => (int(4) === 0 ? null : int(10));
      const needed = () => pick(['1', '2', '']);
      plans.push({
        ...who,
        planDate,
        planKind: pick(['1', '2']),
        entrusted: pick(['1', '2']),
        referenceNo: maybe(() => `A-${int(1000)}`),
        name: text(),
        certifiedOn: maybe(date),
        validFrom: maybe(date),
        validTo: maybe(date),
        planCategory: pick(['11', '12', '21', '51', '52', '53', '54']),
        certificationStatus: pick(['1', '2']),
        supportLevel: pick(['1', '2', '3']),
        centerStaffName: text(),
        careManagerName: text(),
        plannerOfficeName: text(),
        plannerOfficeAddress: text(),
        plannerOfficePhone: phone(),
        firstPlanDate: maybe(date),
        supportCenter: text(),
        dailyGoal: text(),
        yearlyGoal: text(),
        domains: [domain(), domain(), domain(), domain()],
        healthNotes: text(),
        supportPolicy: text(),
        overallPolicy: text(),
        checklistCounts: {
          exercise: count(),
          nutrition: count(),
          oralCare: count(),
          withdrawal: count(),
          memory: count(),
          depression: count(),
        },
        programNeeded: {
          exercise: needed(),
          nutrition: needed(),
          oralCare: needed(),
          withdrawal: needed(),
          memory: needed(),
          depression: needed(),
        },
        centerOpinion: text(),
        consentOn: maybe(date),
        consentBy: text(),
      });
      supports.push({
        ...who,
        planDate,
        rows: Array.from({ length: 1 + int(4) }, (_, i) => ({
          issueNo: String(1 + i),
          overallIssue: text(),
          proposal: text(),
          intention: text(),
          goal: text(),
          supportNo: maybe(() => String(1 + int(99))),
          supportPoint: text(),
          selfCare: text(),
          insuredService: text(),
          serviceNo: maybe(() => String(1 + int(99))),
          serviceType: text(),
          provider: text(),
          period: text(),
        })),
      });
    }
    return { basics, dailyLives, histories, plans, supports };
  }

  for (const seed of [5, 17, 2026]) {
    it(`seed ${seed}: 介護予防 send units (利用者基本情報 + 別表1/2, 支援計画書 + 別表) read back to the same model`, () => {
      const g = generateYobo(seed);
      const from = { office: '1310000011', service: '46' };
      const at = new Date('2024-11-18T00:00:00Z');
      const units: UnitPart[][] = [
        [
          { kind: 'UPKIHON', content: g.basics },
          { kind: 'UPKIHON_SUB1', content: g.dailyLives },
          { kind: 'UPKIHON_SUB2', content: g.histories },
        ],
        [
          { kind: 'UPYOBO', content: g.plans },
          { kind: 'UPYOBO_SUB', content: g.supports },
        ],
      ];
      for (const parts of units) {
        const unit = writeSendUnit({ from, to: KYOTAKU, at, parts });
        if (!unit.ok) throw new Error(unit.issues.map((i) => i.message).join('\n'));
        expect(unit.warnings).toEqual([]);
        expect(unit.files.map((f) => f.name)).toEqual(
          parts.map((p) => `${p.kind}_1310000011_46_1310100019_43_20241118090000.CSV`),
        );
        const back = unit.files.map((f) => {
          const m = fileToModel(parseCarePlanFile(f.name, f.bytes, { now: at }));
          if (!m.ok) throw new Error(m.reason);
          return m.value.content;
        });
        expect(back).toEqual(parts.map((p) => p.content));
      }
    });
  }

  it('refuses to send to the same 事業所番号 and reports characters outside MS932', () => {
    const g = generate(7);
    g.plans[0]!.planStaffName = '㈱テスト🙂';
    const unit = writeSendUnit({
      from: KYOTAKU,
      to: { office: KYOTAKU.office, service: '11' },
      at: NOW,
      parts: [{ kind: 'UPPLAN', month: '202412', content: g.plans }],
    });
    expect(unit.ok).toBe(false);
    if (!unit.ok) expect(unit.issues.map((i) => i.rule)).toEqual(['name-same-office', 'unencodable']);
  });
});

describe('print view and training sample', () => {
  it('escapes every value and lays out 第6表 by day', () => {
    const plan = structuredClone(model(`canonical/${PLAN}`).content as ServiceUseTable[]);
    plan[0]!.planStaffName = '<script>alert("x")</script>';
    const html = printView({
      plans: plan,
      sevenths: model(`canonical/${SEVENTH}`).content as SeventhTable[],
      supplements: model(`canonical/${SUPPLEMENT}`).content as Supplement[],
      to: '訪問介護 & "ひまわり"',
      from: '1310100019',
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('訪問介護 &amp; &quot;ひまわり&quot;');
    expect(html).toContain('第6表 サービス利用票（兼居宅サービス計画） 2024年12月分');
    const lines = sixthTableLines(plan[0]!);
    expect(lines.map((l) => [l.serviceCode, l.total, l.perDay[1]])).toEqual([
      ['111211', 1, 1],
      ['116275', 1, 1],
      // 9999 (no time: 福祉用具貸与) sorts last.
      ['171001', 1, 0],
    ]);
  });

  it('the training sample plan is a consistent send unit within the limit', () => {
    const from = { office: '1370100016', service: '43' };
    const to = { office: '1370100024', service: '11', name: '練習用 訪問介護事業所' };
    const parts = samplePlanUnit({
      person: { insurer: '131016', insured: '0000012345', name: '練習 花子', nameKana: 'ﾚﾝｼｭｳ', careLevel: '22' },
      month: '202612',
      createdOn: '20261126',
      from,
      to,
      planStaffName: 'cm-renshu01',
    });
    const unit = writeSendUnit({ from, to, at: NOW, parts });
    if (!unit.ok) throw new Error(unit.issues.map((i) => i.message).join('\n'));
    expect(unit.warnings).toEqual([]);
    // December 2026: Mondays 7, 14, 21, 28 and Thursdays 3, 10, 17, 24, 31.
    const plan = parts[0]!.content as ServiceUseTable[];
    expect(plan[0]!.items.map((i) => i.serviceDate.slice(6))).toEqual([
      '03',
      '07',
      '10',
      '14',
      '17',
      '21',
      '24',
      '28',
      '31',
    ]);
  });
});

describe('mutated files never crash the model', () => {
  it('reads, models and writes back whatever the validator passes', () => {
    const rnd = seededRandom(99).next;
    const names = fs
      .readdirSync(path.join(FIXTURES, 'canonical'))
      .filter((n) => n.startsWith('UP') || n.startsWith('DLT'));
    let modelled = 0;
    for (let round = 0; round < 400; round++) {
      const name = names[Math.floor(rnd() * names.length)]!;
      const bytes = Buffer.from(fs.readFileSync(path.join(FIXTURES, 'canonical', name)));
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++)
        bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
      const read = parseCarePlanFile(name, bytes, { now: NOW });
      const m = fileToModel(read);
      if (!m.ok) continue;
      modelled++;
      const rows = modelToRows(m.value.kind, m.value.content as never);
      expect(rowsToModel(m.value.kind, rows)).toEqual(m.value.content);
    }
    expect(modelled).toBeGreaterThan(0);
  });
});

describe('send units and relation keys', () => {
  const KYOTAKU = { office: '1310100019', service: '43' };
  const HOUMON = { office: '1310200017', service: '11' };
  const part = (rel: string) => {
    const m = model(rel);
    return { kind: m.kind, month: m.month, content: m.content } as UnitPart;
  };
  const write = (parts: UnitPart[]) => writeSendUnit({ from: KYOTAKU, to: HOUMON, at: NOW, parts });

  it('refuses mixing 第1表 with 第6表, and two months in one unit', () => {
    const mixed = write([
      part(`canonical/${PLAN}`),
      part('canonical/UP1KYO_1310100019_43_1310200017_11_20241120100000.CSV'),
    ]);
    expect(mixed.ok).toBe(false);
    if (!mixed.ok)
      expect(mixed.issues[0]!.message).toBe(
        '送信単位: この組み合わせ（UPPLAN・UP1KYO）は1つの送信単位にできません（第1〜3表、第6・7表、介護予防の利用者基本情報、介護予防サービス・支援計画書、削除ファイルは別々に送ります）。',
      );
    const seventh = part(`canonical/${SEVENTH}`) as UnitPart & { kind: 'UPSIKYU' };
    const later = { ...seventh, month: '202501', content: seventh.content.map((t) => ({ ...t, month: '202501' })) };
    const months = write([part(`canonical/${PLAN}`), later]);
    expect(months.ok).toBe(false);
    if (!months.ok) expect(months.issues.map((i) => i.rule)).toContain('send-unit');
  });

  it('warns about missing members and rows without their related table', () => {
    const plans = part(`canonical/${PLAN}`);
    const only = write([plans]);
    if (!only.ok) throw new Error('expected ok');
    expect(only.warnings.map((w) => w.message)).toContain(
      '送信単位: 送信単位に第7表・利用者補足情報がありません（必須のファイルです）。',
    );
    // The 第6表 has two persons; the 第7表 and 補足 only the first.
    const full = write([plans, part(`canonical/${SEVENTH}`), part(`canonical/${SUPPLEMENT}`)]);
    if (!full.ok) throw new Error(full.issues[0]!.message);
    expect(full.warnings.map((w) => w.message)).toEqual([
      '送信単位: 第6表の1人分に対応する第7表がありません（保険者番号・被保険者番号・対象年月で対応づけます）。',
      '送信単位: 第6表の1人分に対応する利用者補足情報がありません（保険者番号・被保険者番号・対象年月で対応づけます）。',
    ]);
  });
});
