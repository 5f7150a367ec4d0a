import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BasicInfoView, CarePlanMonthsOutput, PersonPlansOutput, PreventionPlanView } from '../../electron/contract';
import type { AppContext } from '../../electron/handlers/context';
import { planHandlers } from '../../electron/handlers/careplan/plans';
import { preventionDocuments } from '../../electron/handlers/careplan/prevention-view';
import type { CarePlanState } from '../../electron/handlers/careplan/state';
import { CarePlanBook, fileToModel, parseCarePlanFile, type ModelFile } from '../../electron/services/careplan';
import { KaigoError } from '../../electron/services/errors';

// The 介護予防 documents of careplan.plans (issue 8 §6): a book built from the hand-written canonical fixtures (a
// 地域包括支援センター 1310000011/46 to our 居宅 office) mapped to the screen's view: codes as Japanese labels, 別表
// rows, newest first, and a document removed by DLTKIHON / DLTYOBO kept as 削除済み with the deletion's ファイル連番.

const CANONICAL = path.resolve(__dirname, '..', 'fixtures', 'careplan', 'canonical');
const NOW = new Date('2025-01-10T00:00:00Z');
const SEQ = '20241118090000';
const person = { insurer: '131016', insured: '0000054321' };

function model(kind: string): ModelFile {
  const name = `${kind}_1310000011_46_1310100019_43_${SEQ}.CSV`;
  const m = fileToModel(parseCarePlanFile(name, fs.readFileSync(path.join(CANONICAL, name)), { now: NOW }));
  if (!m.ok) throw new Error(m.reason);
  return m.value;
}
const later = (f: ModelFile, sequence: string): ModelFile => ({ ...f, sequence }) as ModelFile;
const UPS = ['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPYOBO', 'UPYOBO_SUB'].map(model);

function viewOf(files: ModelFile[], who = person) {
  const book = new CarePlanBook();
  book.applyAll(files);
  const v = preventionDocuments(who, book, files);
  // What the IPC output check enforces (strict objects, bounded arrays).
  for (const b of v.basicInfos) BasicInfoView.parse(b);
  for (const p of v.preventionPlans) PreventionPlanView.parse(p);
  return v;
}

describe('介護予防 documents for the ケアプラン screen', () => {
  it('shows 利用者基本情報 with its codes as labels and both 別表', () => {
    const [info] = viewOf(UPS).basicInfos;
    expect(info!.consultedOn).toBe('20241115');
    expect(info!.deletedBySequence).toBeNull();
    expect(info!.basic).toMatchObject({
      planKind: '介護予防支援',
      entrusted: '委託',
      staffName: '包括 次郎',
      consultationMethod: 'その他',
      consultationMethodNote: '訪問',
      consultationCount: '初回',
      currentSituation: '在宅',
      nameKana: 'ﾖﾎﾞｳ ｲﾁﾛｳ',
      name: '予防 一郎',
      sex: '男性',
      birthDate: '19380501',
      address: '東京都千代田区千代田3-3',
      phone: '03-1111-2222',
      physicalIndependence: 'J1',
      dementiaIndependence: 'Ⅰ',
      careLevel: '要支援１',
      validFrom: '20240601',
      validTo: '20250531',
      previousCareLevel: '非該当',
      checklistResult: '事業対象者の該当あり',
      disabilities: [],
      residence: '自宅・一戸建て',
      roomFloor: '2',
      homeModified: '無',
      finances: ['国民年金'],
      financialNote: '年金で生活',
      visitor: { name: '予防 花子', relation: '妻', address: '同上', phone: '03-1111-2222' },
      familySituation: '妻と二人暮らし',
      lifeHistory: '元会社員',
      dailyLife: '朝は散歩、午後は "囲碁"',
      hobbies: '囲碁',
      publicServices: 'なし',
      informalServices: '配食サービス',
      consentOn: '20241115',
      consentBy: '予防 一郎',
    });
    expect(info!.basic!.emergencyContacts).toEqual([
      { name: '予防 花子', relation: '妻', address: '同上', phone: '03-1111-2222' },
      { name: '予防 三郎', relation: '長男', address: '神奈川県横浜市1-1', phone: '045-000-0000' },
    ]);
    expect(info!.dailyLife).toEqual([
      { time: '7:00', personActivity: '起床・朝食', familyActivity: '妻が朝食を用意' },
      { time: '10:00', personActivity: '散歩（30分）', familyActivity: '' },
    ]);
    expect(info!.medicalHistory).toEqual([
      {
        date: '平成30年',
        disease: '高血圧症',
        institution: '千代田内科 医師 山田',
        attendingFlag: '主治医',
        phone: '03-3333-4444',
        progress: '治療中',
        treatment: '降圧剤',
      },
    ]);
  });

  it('shows the 支援計画書 with the four 領域, the checklist areas and the 別表 rows', () => {
    const [plan] = viewOf(UPS).preventionPlans;
    expect(plan!.planDate).toBe('20241118');
    expect(plan!.plan).toMatchObject({
      planKind: '介護予防支援',
      entrusted: '委託',
      referenceNo: 'A-0012',
      planCategory: '継続',
      certificationStatus: '認定済',
      supportLevel: '要支援１',
      centerStaffName: '包括 次郎',
      careManagerName: '佐藤 一郎',
      supportCenter: '千代田区地域包括支援センター',
      dailyGoal: '毎朝散歩する',
      yearlyGoal: '孫の結婚式に出る',
      healthNotes: '血圧に注意',
      supportPolicy: '本人の意欲を支える',
      overallPolicy: '"できること"を増やす',
      centerOpinion: '特になし',
    });
    expect(plan!.plan!.domains).toEqual([
      { area: '運動・移動', situation: '状況1', wishes: '意向1', hasIssue: '有', issueBackground: '課題1' },
      { area: '日常生活(家庭生活)', situation: '状況2', wishes: '意向2', hasIssue: '無', issueBackground: '課題2' },
      {
        area: '社会参加、対人関係・コミュニケーション',
        situation: '状況3',
        wishes: '意向3',
        hasIssue: '有',
        issueBackground: '課題3',
      },
      { area: '健康管理', situation: '状況4', wishes: '意向4', hasIssue: '無', issueBackground: '課題4' },
    ]);
    expect(plan!.plan!.checklist).toEqual([
      { area: '運動不足', count: 2, program: '要' },
      { area: '栄養改善', count: 0, program: '否' },
      { area: '口腔内ケア', count: 1, program: '要' },
      { area: '閉じこもり予防', count: 0, program: '否' },
      { area: '物忘れ予防', count: 0, program: '否' },
      { area: 'うつ予防', count: 0, program: '否' },
    ]);
    expect(plan!.support).toEqual([
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
    ]);
  });

  it('keeps a deleted document as 削除済み with the ファイル連番 of the deletion, and a re-sent one as held', () => {
    const deleted = viewOf([
      ...UPS,
      later(model('DLTKIHON'), '20241120100000'),
      later(model('DLTYOBO'), '20241121100000'),
    ]);
    expect(deleted.basicInfos).toEqual([
      { consultedOn: '20241115', deletedBySequence: '20241120100000', basic: null, dailyLife: [], medicalHistory: [] },
    ]);
    expect(deleted.preventionPlans).toEqual([
      { planDate: '20241118', deletedBySequence: '20241121100000', plan: null, support: [] },
    ]);
    const resent = viewOf([...UPS, later(model('DLTYOBO'), '20241121100000'), later(model('UPYOBO'), '20241122100000')])
      .preventionPlans[0]!;
    expect(resent.deletedBySequence).toBeNull();
    expect(resent.plan?.referenceNo).toBe('A-0012');
    expect(resent.support).toEqual([]);
  });

  it('lists newest first, shows an unknown code as written, and leaves out other persons', () => {
    const upyobo = model('UPYOBO');
    if (upyobo.kind !== 'UPYOBO') throw new Error('kind');
    const newer = {
      ...upyobo,
      sequence: '20241201090000',
      content: upyobo.content.map((p) => ({ ...p, planDate: '20241201', supportLevel: '9' })),
    };
    const v = viewOf([...UPS, newer]);
    expect(v.preventionPlans.map((p) => [p.planDate, p.plan?.supportLevel])).toEqual([
      ['20241201', '9'],
      ['20241118', '要支援１'],
    ]);
    expect(viewOf(UPS, { insurer: '131016', insured: '0000012345' })).toEqual({ basicInfos: [], preventionPlans: [] });
  });

  it('careplan.plans and careplan.months carry them within the existing access rule', () => {
    const book = new CarePlanBook();
    const files = [...UPS, later(model('DLTYOBO'), '20241121100000')];
    book.applyAll(files);
    // Only what the handlers use: the staff check and the ledger-built book (its building is tested elsewhere).
    let loggedIn = true;
    const ctx = {
      requireStaff: () => {
        if (!loggedIn) throw new KaigoError('SESSION_LOGIN_REQUIRED');
        return { staffId: 'cm-1' };
      },
    } as unknown as AppContext;
    const handlers = planHandlers(ctx, { book: () => ({ book, files }) } as unknown as CarePlanState);
    const plans = PersonPlansOutput.parse(handlers['careplan.plans'](person));
    expect(plans.plans).toEqual([]);
    expect(plans.basicInfos.map((b) => b.basic?.name)).toEqual(['予防 一郎']);
    expect(plans.preventionPlans).toEqual([
      { planDate: '20241118', deletedBySequence: '20241121100000', plan: null, support: [] },
    ]);
    const months = CarePlanMonthsOutput.parse(handlers['careplan.months']({}));
    expect(months.preventionPersons).toEqual([
      { insurer: '131016', insured: '0000054321', name: '予防 一郎', basicInfos: 1, preventionPlans: 1 },
    ]);
    loggedIn = false;
    expect(() => handlers['careplan.plans'](person)).toThrow(KaigoError);
    expect(() => handlers['careplan.months']({})).toThrow(KaigoError);
  });
});
