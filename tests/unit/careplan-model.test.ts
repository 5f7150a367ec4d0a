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
  modelToRows,
  parseCarePlanFile,
  printView,
  rowsToModel,
  samplePlanUnit,
  sixthTableLines,
  writeSendUnit,
  type ModelFile,
  type SeventhTable,
  type ServiceUseTable,
  type Supplement,
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
        '送信単位: この組み合わせ（UPPLAN・UP1KYO）は1つの送信単位にできません（第1〜3表と第6・7表、削除ファイルは別々に送ります）。',
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
