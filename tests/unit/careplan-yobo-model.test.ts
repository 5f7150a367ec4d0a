import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CarePlanBook,
  fileToModel,
  modelToRows,
  parseCarePlanFile,
  printView,
  rowsToModel,
  subjectsOf,
  writeSendUnit,
  type BasicInfo,
  type CarePlanFile,
  type ModelFile,
  type PreventionPlan,
  type UnitPart,
} from '../../electron/services/careplan';

// 介護予防 files in the typed model (DOMAIN.md §4.3/§4.7): the hand-written fixtures of tests/fixtures/careplan/
// build.mjs (a 地域包括支援センター 1310000011/46 to the 居宅介護支援事業所 1310100019/43) read to the expected model,
// third-party variants to the same model, deletions applied with their 別表, send units and relation keys.

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan');
const NOW = new Date('2025-01-10T00:00:00Z');
const SEQ = '20241118090000';
const nameOf = (kind: string) => `${kind}_1310000011_46_1310100019_43_${SEQ}.CSV`;
const person = { insurer: '131016', insured: '0000054321' };

function read(rel: string): CarePlanFile {
  return parseCarePlanFile(path.basename(rel), fs.readFileSync(path.join(FIXTURES, rel)), { now: NOW });
}

function model(kind: string, folder = 'canonical'): ModelFile {
  const m = fileToModel(read(`${folder}/${nameOf(kind)}`));
  if (!m.ok) throw new Error(m.reason);
  return m.value;
}

/** The same file's content under another ファイル連番 (for ordering tests). */
const resequenced = (f: ModelFile, sequence: string): ModelFile => ({ ...f, sequence }) as ModelFile;

const BASIC_INFO: BasicInfo = {
  insurer: '131016',
  insured: '0000054321',
  consultedOn: '20241115',
  planKind: '1',
  entrusted: '2',
  staffName: '包括 次郎',
  consultationMethod: '03',
  consultationMethodNote: '訪問',
  consultationCount: '01',
  previousConsultedOn: '',
  currentSituation: '01',
  currentSituationNote: '',
  nameKana: 'ﾖﾎﾞｳ ｲﾁﾛｳ',
  name: '予防 一郎',
  sex: '1',
  birthDate: '19380501',
  address: '東京都千代田区千代田3-3',
  phone: '03-1111-2222',
  fax: '',
  physicalIndependence: '11',
  dementiaIndependence: '02',
  careLevel: '12',
  validFrom: '20240601',
  validTo: '20250531',
  previousCareLevel: '01',
  checklistResult: '1',
  checklistOn: '20241101',
  physicalDisability: '0',
  intellectualDisability: '0',
  mentalDisability: '0',
  intractableDisease: '0',
  disabilityNote: '',
  residence: '05',
  roomFloor: '2',
  homeModified: '2',
  nationalPension: '1',
  employeePension: '0',
  disabilityPension: '0',
  publicAssistance: '0',
  financialNote: '年金で生活',
  visitorName: '予防 花子',
  visitorAddress: '同上',
  visitorPhone: '03-1111-2222',
  visitorRelation: '妻',
  // Frames 3 and 4 are empty in the fixture: left out.
  emergencyContacts: [
    { name: '予防 花子', relation: '妻', address: '同上', phone: '03-1111-2222' },
    { name: '予防 三郎', relation: '長男', address: '神奈川県横浜市1-1', phone: '045-000-0000' },
  ],
  familyImageFile: 'UPKIHON_IMAGE_1310000011_46_1310100019_43_20241118090000_0001.jpg',
  familySituation: '妻と二人暮らし',
  lifeHistory: '元会社員',
  dailyLife: '朝は散歩、午後は "囲碁"',
  hobbies: '囲碁',
  community: '町内会',
  publicServices: 'なし',
  informalServices: '配食サービス',
  consentOn: '20241115',
  consentBy: '予防 一郎',
};

const PREVENTION_PLAN: PreventionPlan = {
  insurer: '131016',
  insured: '0000054321',
  planDate: '20241118',
  planKind: '1',
  entrusted: '2',
  referenceNo: 'A-0012',
  name: '予防 一郎',
  certifiedOn: '20240520',
  validFrom: '20240601',
  validTo: '20250531',
  planCategory: '21',
  certificationStatus: '2',
  supportLevel: '1',
  centerStaffName: '包括 次郎',
  careManagerName: '佐藤 一郎',
  plannerOfficeName: '居宅介護支援 あおぞら',
  plannerOfficeAddress: '東京都千代田区千代田2-2',
  plannerOfficePhone: '03-5555-6666',
  firstPlanDate: '20240601',
  supportCenter: '千代田区地域包括支援センター',
  dailyGoal: '毎朝散歩する',
  yearlyGoal: '孫の結婚式に出る',
  domains: [
    { situation: '状況1', wishes: '意向1', hasIssue: '1', issueBackground: '課題1' },
    { situation: '状況2', wishes: '意向2', hasIssue: '2', issueBackground: '課題2' },
    { situation: '状況3', wishes: '意向3', hasIssue: '1', issueBackground: '課題3' },
    { situation: '状況4', wishes: '意向4', hasIssue: '2', issueBackground: '課題4' },
  ],
  healthNotes: '血圧に注意',
  supportPolicy: '本人の意欲を支える',
  overallPolicy: '"できること"を増やす',
  checklistCounts: { exercise: 2, nutrition: 0, oralCare: 1, withdrawal: 0, memory: 0, depression: 0 },
  programNeeded: { exercise: '1', nutrition: '2', oralCare: '1', withdrawal: '2', memory: '2', depression: '2' },
  centerOpinion: '特になし',
  consentOn: '20241118',
  consentBy: '予防 一郎',
};

describe('介護予防 canonical fixtures read to the expected model', () => {
  it('利用者基本情報 (UPKIHON): every item, 緊急連絡先 as frames', () => {
    const f = model('UPKIHON');
    expect(f).toMatchObject({ kind: 'UPKIHON', sequence: SEQ, sender: { office: '1310000011', service: '46' } });
    expect(f.month).toBeUndefined();
    expect(f.content).toEqual([BASIC_INFO]);
  });

  it('別表1 (UPKIHON_SUB1): the rows of one person and 相談日, in file order', () => {
    expect(model('UPKIHON_SUB1').content).toEqual([
      {
        ...person,
        consultedOn: '20241115',
        rows: [
          { time: '7:00', personActivity: '起床・朝食', familyActivity: '妻が朝食を用意' },
          { time: '10:00', personActivity: '散歩（30分）', familyActivity: '' },
        ],
      },
    ]);
  });

  it('別表2 (UPKIHON_SUB2): 現病歴・既往歴', () => {
    expect(model('UPKIHON_SUB2').content).toEqual([
      {
        ...person,
        consultedOn: '20241115',
        rows: [
          {
            date: '平成30年',
            disease: '高血圧症',
            institution: '千代田内科 医師 山田',
            attendingFlag: '1',
            phone: '03-3333-4444',
            progress: '01',
            treatment: '降圧剤',
          },
        ],
      },
    ]);
  });

  it('DLTKIHON and DLTYOBO: person + 相談日 / 計画作成(変更)日', () => {
    expect(model('DLTKIHON').content).toEqual([{ ...person, consultedOn: '20241115' }]);
    expect(model('DLTYOBO').content).toEqual([{ ...person, planDate: '20241118' }]);
  });

  it('支援計画書 (UPYOBO): four 領域, チェックリスト counts as numbers, 事業プログラム as codes', () => {
    expect(model('UPYOBO').content).toEqual([PREVENTION_PLAN]);
  });

  it('支援計画書 別表 (UPYOBO_SUB)', () => {
    expect(model('UPYOBO_SUB').content).toEqual([
      {
        ...person,
        planDate: '20241118',
        rows: [
          {
            issueNo: '1',
            overallIssue: '転倒の不安',
            proposal: '筋力をつけ、転ばずに歩く',
            intention: '続けたい',
            goal: '毎朝散歩する',
            supportNo: '1',
            supportPoint: '無理のない運動',
            selfCare: '妻と散歩',
            insuredService: '通所型サービス',
            serviceNo: '1',
            serviceType: '通所型サービスA',
            provider: 'デイサービス けやき',
            period: '2024/12～2025/05',
          },
        ],
      },
    ]);
  });
});

describe('介護予防 third-party variants read to the same model, with notes', () => {
  const rules = (f: CarePlanFile) => f.issues.map((i) => `${i.severity}:${i.rule}`);
  it.each([
    ['UPKIHON_SUB1', 'header-row', ['note:header-row']],
    ['UPKIHON_SUB1', 'lf', ['note:line-end']],
    ['UPKIHON_SUB1', 'v202410', ['warning:version-accepted']],
    ['UPKIHON_SUB1', 'extra-quotes', ['note:line-end', 'note:quoting']],
    ['UPYOBO', 'lf', ['note:line-end']],
    ['UPYOBO', 'v202410', ['warning:version-accepted']],
    ['UPYOBO', 'extra-quotes', ['note:line-end', 'note:quoting']],
    ['UPKIHON', 'v202410', ['warning:version-accepted']],
    ['UPKIHON', 'extra-quotes', ['note:line-end', 'note:quoting']],
  ])('%s %s', (kind, variant, expected) => {
    const f = read(`variants/${variant}/${nameOf(kind)}`);
    expect(rules(f)).toEqual(expected);
    expect(model(kind, `variants/${variant}`).content).toEqual(model(kind).content);
  });
});

describe('介護予防 model ⇄ rows', () => {
  it('keeps the position of a 緊急連絡先 after an empty one, and always four 領域', () => {
    const contacts = [
      { name: '甲', relation: '子', address: '', phone: '' },
      { name: '', relation: '', address: '', phone: '' },
      { name: '乙', relation: '孫', address: '', phone: '090-0000-0000' },
    ];
    const basic = { ...BASIC_INFO, emergencyContacts: contacts };
    const rows = modelToRows('UPKIHON', [basic]);
    expect(rows[0]!.slice(45, 61)).toEqual([
      ...['甲', '子', '', ''],
      ...['', '', '', ''],
      ...['乙', '孫', '', '090-0000-0000'],
      ...['', '', '', ''],
    ]);
    expect(rowsToModel('UPKIHON', rows)).toEqual([basic]);
    const plan = modelToRows('UPYOBO', [PREVENTION_PLAN])[0]!;
    // No.24–39: 領域 × (状況, 意向, 課題の有無, 課題); No.43–54: counts then 要否.
    expect(plan.slice(23, 31)).toEqual(['状況1', '意向1', '1', '課題1', '状況2', '意向2', '2', '課題2']);
    expect(plan.slice(42, 54)).toEqual(['2', '0', '1', '0', '0', '0', '1', '2', '1', '2', '2', '2']);
  });
});

describe('applying 介護予防 files', () => {
  const basicKinds = ['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2'];

  it('DLTKIHON removes 利用者基本情報 and its 別表1/2 of that 相談日 only', () => {
    const book = new CarePlanBook();
    const other = structuredClone(model('UPKIHON')) as ModelFile & { kind: 'UPKIHON' };
    other.content[0]!.consultedOn = '20240901';
    book.applyAll([...basicKinds.map((k) => model(k)), other]);
    const held = book.basicInfo(person, '20241115')!;
    expect(held.basic?.value.staffName).toBe('包括 次郎');
    expect(held.dailyLife?.value.rows.map((r) => r.time)).toEqual(['7:00', '10:00']);
    expect(held.medicalHistory?.value.rows[0]!.disease).toBe('高血圧症');
    expect(book.allBasicInfos().map((s) => s.consultedOn)).toEqual(['20241115', '20240901']);

    const deletion = resequenced(model('DLTKIHON'), '20241119090000');
    expect(book.apply(deletion)).toEqual({ applied: 3, skippedOlder: 0 });
    const after = book.basicInfo(person, '20241115')!;
    expect([after.basic, after.dailyLife, after.medicalHistory]).toEqual([undefined, undefined, undefined]);
    expect(book.basicInfo(person, '20240901')?.basic?.value.consultedOn).toBe('20240901');
  });

  it('DLTYOBO removes the 支援計画書 and its 別表 of that 計画作成日', () => {
    const book = new CarePlanBook();
    book.applyAll([model('UPYOBO'), model('UPYOBO_SUB')]);
    const held = book.preventionPlan(person, '20241118')!;
    expect(held.plan?.value.domains.map((d) => d.hasIssue)).toEqual(['1', '2', '1', '2']);
    expect(held.support?.value.rows[0]!.goal).toBe('毎朝散歩する');
    expect(book.apply(resequenced(model('DLTYOBO'), '20241119090000'))).toEqual({ applied: 2, skippedOlder: 0 });
    const after = book.preventionPlan(person, '20241118')!;
    expect([after.plan, after.support]).toEqual([undefined, undefined]);
    expect(book.allPreventionPlans()).toHaveLength(1);
  });

  it('ascending ファイル連番 whatever the arrival order; older files never overwrite newer ones', () => {
    const older = model('UPYOBO');
    const newer = structuredClone(older) as ModelFile & { kind: 'UPYOBO' };
    newer.sequence = '20241201090000';
    newer.content[0]!.overallPolicy = '見直し後の方針';
    const deletion = resequenced(model('DLTYOBO'), '20241120090000');
    const book = new CarePlanBook();
    book.applyAll([newer, deletion, older]);
    // older (1118) → deleted (1120) → newer (1201).
    expect(book.preventionPlan(person, '20241118')?.plan?.value.overallPolicy).toBe('見直し後の方針');
    const live = new CarePlanBook();
    live.apply(newer);
    expect(live.apply(deletion)).toEqual({ applied: 0, skippedOlder: 1 });
    expect(live.apply(older)).toEqual({ applied: 0, skippedOlder: 1 });
    expect(live.preventionPlan(person, '20241118')?.plan?.sequence).toBe('20241201090000');
    // Without the newer plan, the deletion wins over the older one whatever the arrival order.
    const second = new CarePlanBook();
    second.applyAll([deletion, older]);
    expect(second.preventionPlan(person, '20241118')?.plan).toBeUndefined();
  });

  it('subjects: a deletion covers exactly the tables it removes', () => {
    const subjects = (kinds: string[]) => kinds.flatMap((k) => subjectsOf(model(k))).sort();
    expect(subjects(['DLTKIHON'])).toEqual(subjects(basicKinds));
    expect(subjects(['DLTYOBO'])).toEqual(subjects(['UPYOBO', 'UPYOBO_SUB']));
    expect(subjectsOf(model('UPKIHON'))).toEqual(['K|131016-0000054321|20241115']);
    expect(subjectsOf(model('UPYOBO_SUB'))).toEqual(['YS|131016-0000054321|20241118']);
  });
});

describe('介護予防 send units', () => {
  const HOUKATSU = { office: '1310000011', service: '46' };
  const KYOTAKU = { office: '1310100019', service: '43' };
  const part = (kind: string) => {
    const m = model(kind);
    return { kind: m.kind, content: m.content } as UnitPart;
  };
  const write = (parts: UnitPart[]) => writeSendUnit({ from: HOUKATSU, to: KYOTAKU, at: NOW, parts });

  it('利用者基本情報 with 別表1/2 and 支援計画書 with 別表 are written byte-identical to the fixtures', () => {
    // 09:00 on 18 Nov, Japan time: the fixtures' ファイル連番.
    const at = new Date('2024-11-18T00:00:00Z');
    for (const kinds of [['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2'], ['UPYOBO', 'UPYOBO_SUB'], ['DLTKIHON']]) {
      const unit = writeSendUnit({ from: HOUKATSU, to: KYOTAKU, at, parts: kinds.map(part) });
      if (!unit.ok) throw new Error(unit.issues.map((i) => i.message).join('\n'));
      expect(unit.warnings).toEqual([]);
      expect(unit.files.map((f) => f.name)).toEqual(kinds.map(nameOf));
      for (const f of unit.files)
        expect(Buffer.from(f.bytes).equals(fs.readFileSync(path.join(FIXTURES, 'canonical', f.name))), f.name).toBe(
          true,
        );
    }
  });

  it('a 別表 without its 本体 is a warning; the 別表 alone are not required', () => {
    const sub = write([part('UPKIHON_SUB1'), part('UPKIHON_SUB2')]);
    if (!sub.ok) throw new Error(sub.issues[0]!.message);
    expect(sub.warnings.map((w) => w.message)).toEqual([
      '送信単位: 送信単位に利用者基本情報がありません（必須のファイルです）。',
    ]);
    const yobo = write([part('UPYOBO_SUB')]);
    if (!yobo.ok) throw new Error(yobo.issues[0]!.message);
    expect(yobo.warnings.map((w) => w.message)).toEqual([
      '送信単位: 送信単位に介護予防サービス・支援計画書がありません（必須のファイルです）。',
    ]);
    const alone = write([part('UPKIHON')]);
    expect(alone.ok && alone.warnings).toEqual([]);
  });

  it('rows are tied by person + 相談日 / 計画作成(変更)日', () => {
    const sub1 = part('UPKIHON_SUB1') as UnitPart & { kind: 'UPKIHON_SUB1' };
    const moved = { ...sub1, content: sub1.content.map((t) => ({ ...t, consultedOn: '20241116' })) };
    const kihon = write([part('UPKIHON'), moved]);
    if (!kihon.ok) throw new Error(kihon.issues[0]!.message);
    expect(kihon.warnings.map((w) => w.message)).toEqual([
      '送信単位: 利用者基本情報（別表1）の1人分に対応する利用者基本情報がありません（保険者番号・被保険者番号・相談日で対応づけます）。',
    ]);
    const support = part('UPYOBO_SUB') as UnitPart & { kind: 'UPYOBO_SUB' };
    const other = { ...support, content: support.content.map((t) => ({ ...t, insured: '0000054322' })) };
    const yobo = write([part('UPYOBO'), other]);
    if (!yobo.ok) throw new Error(yobo.issues[0]!.message);
    expect(yobo.warnings.map((w) => w.message)).toEqual([
      '送信単位: 支援計画書（別表）の1人分に対応する介護予防サービス・支援計画書がありません（保険者番号・被保険者番号・計画作成(変更)日で対応づけます）。',
    ]);
  });

  it('refuses more 緊急連絡先 than the four frames of the layout instead of dropping them', () => {
    const contact = { name: '甲', relation: '子', address: '', phone: '' };
    const basic = { ...BASIC_INFO, emergencyContacts: Array.from({ length: 5 }, () => contact) };
    const unit = write([{ kind: 'UPKIHON', content: [BASIC_INFO, basic] }]);
    expect(unit.ok).toBe(false);
    if (!unit.ok)
      expect(unit.issues.map((i) => i.message)).toEqual([
        `${nameOf('UPKIHON').replace(SEQ, '20250110090000')}: 2件目の緊急連絡先が5件あります（この様式に書けるのは4件までです）。`,
      ]);
  });

  it('介護予防 units are not mixed with each other, with 第1–3表/第6表 units, or with deletions', () => {
    const plan = fileToModel(read('canonical/UP1KYO_1310100019_43_1310200017_11_20241120100000.CSV'));
    if (!plan.ok) throw new Error(plan.reason);
    for (const parts of [
      [part('UPKIHON'), part('UPYOBO')],
      [part('UPYOBO'), part('DLTYOBO')],
      [part('UPKIHON_SUB1'), part('DLTKIHON')],
      [part('UPYOBO'), { kind: plan.value.kind, content: plan.value.content } as UnitPart],
    ]) {
      const unit = write(parts);
      expect(unit.ok).toBe(false);
      if (!unit.ok)
        expect(unit.issues.map((i) => i.message)).toEqual([
          `送信単位: この組み合わせ（${parts.map((p) => p.kind).join('・')}）は1つの送信単位にできません（第1〜3表、第6・7表、介護予防の利用者基本情報、介護予防サービス・支援計画書、削除ファイルは別々に送ります）。`,
        ]);
    }
  });
});

describe('paper (紙で送付) for 介護予防 files', () => {
  it('prints every record item by item under its layout title, escaped, with no empty or unused items', () => {
    const kihon = model('UPKIHON');
    const contacts = (kihon.content as BasicInfo[])[0]!.emergencyContacts;
    const tampered = { ...(kihon.content as BasicInfo[])[0]!, name: '予防 <b>一郎</b>' };
    const html = printView({
      plans: [],
      sevenths: [],
      supplements: [],
      to: '居宅 テスト（1310100019）',
      from: '1310000011',
      others: [
        { kind: 'UPKIHON', content: [tampered] } as UnitPart,
        { kind: 'UPYOBO_SUB', content: model('UPYOBO_SUB').content } as UnitPart,
      ],
    });
    expect(html).toContain('<h1>利用者基本情報</h1>');
    expect(html).toContain('<h1>介護予防サービス・支援計画書（別表）支援計画</h1>');
    expect(html).toContain('<tr><th>利用者氏名</th><td>予防 &lt;b&gt;一郎&lt;/b&gt;</td></tr>');
    expect(html).toContain(`<tr><th>1 緊急連絡先(氏名)</th><td>${contacts[0]!.name}</td></tr>`);
    expect(html).not.toContain('<th>CSVバージョン</th>');
    expect(html).not.toContain('<th>識別子</th>');
    expect(html).not.toMatch(/<td><\/td>/);
  });
});
