import type { BasicInfoView, PreventionPlanView } from '../../contract';
import {
  layoutOf,
  type BasicInfoState,
  type FileKind,
  type ModelFile,
  type PersonRef,
  type PreventionPlanState,
} from '../../services/careplan';

// 介護予防 documents of one person as the screen shows them (DOMAIN.md §4.3/§4.7): 利用者基本情報 with 別表1/2 per
// 相談日 and the 支援計画書 with its 別表 per 計画作成(変更)日, newest first. Code labels and the names of the 領域 and
// チェックリスト areas are read from the column layouts (services/careplan/layouts/yobo.ts), the one place that
// lists them. A key whose documents a DLTKIHON / DLTYOBO removed is kept with the deletion's ファイル連番. The
// persons list lets the screen open persons who have no 第6・7表 month.

/** The layout column `no` of `kind`. */
function column(kind: FileKind, no: number) {
  const c = layoutOf(kind).columns.find((col) => col.no === no);
  if (!c) throw new Error(`no column ${no} in ${kind}`);
  return c;
}

/** Label of a code column: '' when empty, the code as written when it is not on the list. */
const labelOf = (kind: FileKind, no: number) => {
  const codes = column(kind, no).codes ?? {};
  return (value: string) => (value === '' ? '' : (codes[value] ?? value));
};

/** The area a column name carries: 【日常生活(家庭生活)】現在の状況 → 日常生活(家庭生活); 障害等認定(身障) → 身障. */
const areaOf = (kind: FileKind, no: number) => {
  const name = column(kind, no).name;
  return (/【([^】]+)】/.exec(name) ?? /\(([^)]+)\)$/.exec(name))?.[1] ?? '';
};

const K = {
  planKind: labelOf('UPKIHON', 5),
  entrusted: labelOf('UPKIHON', 6),
  method: labelOf('UPKIHON', 8),
  count: labelOf('UPKIHON', 10),
  situation: labelOf('UPKIHON', 12),
  sex: labelOf('UPKIHON', 16),
  physical: labelOf('UPKIHON', 21),
  dementia: labelOf('UPKIHON', 22),
  careLevel: labelOf('UPKIHON', 23),
  checklist: labelOf('UPKIHON', 27),
  residence: labelOf('UPKIHON', 34),
  homeModified: labelOf('UPKIHON', 36),
  attending: labelOf('UPKIHON_SUB2', 8),
  progress: labelOf('UPKIHON_SUB2', 10),
};
const Y = {
  planKind: labelOf('UPYOBO', 5),
  entrusted: labelOf('UPYOBO', 6),
  category: labelOf('UPYOBO', 12),
  status: labelOf('UPYOBO', 13),
  supportLevel: labelOf('UPYOBO', 14),
  hasIssue: labelOf('UPYOBO', 26),
  program: labelOf('UPYOBO', 49),
};
/** 障害等認定 (No.29–32) and 経済状況 (No.37–40): names of the 1/0 flags. */
const DISABILITIES = [29, 30, 31, 32].map((no) => areaOf('UPKIHON', no));
const FINANCES = [37, 38, 39, 40].map((no) => areaOf('UPKIHON', no));
const DOMAINS = [24, 28, 32, 36].map((no) => areaOf('UPYOBO', no));
const CHECKLIST = [43, 44, 45, 46, 47, 48].map((no) => areaOf('UPYOBO', no));
const AREA_KEYS = ['exercise', 'nutrition', 'oralCare', 'withdrawal', 'memory', 'depression'] as const;

/** The part of CarePlanBook these views read. */
type PreventionBook = { allBasicInfos(): BasicInfoState[]; allPreventionPlans(): PreventionPlanState[] };

const samePerson = (a: PersonRef, b: PersonRef) => a.insurer === b.insurer && a.insured === b.insured;

/** The newest ファイル連番 of a deletion file of `kind` that names this person and key. */
function deletionSequence(
  files: readonly ModelFile[],
  kind: 'DLTKIHON' | 'DLTYOBO',
  person: PersonRef,
  key: string,
): string | null {
  let newest: string | null = null;
  for (const f of files) {
    if (f.kind !== kind) continue;
    const hit = f.content.some(
      (d) => samePerson(d, person) && ('consultedOn' in d ? d.consultedOn : d.planDate) === key,
    );
    if (hit && (newest === null || f.sequence > newest)) newest = f.sequence;
  }
  return newest;
}

const flagged = (names: readonly string[], flags: readonly string[]) => names.filter((_, i) => flags[i] === '1');

export function basicInfoView(s: BasicInfoState, files: readonly ModelFile[]): BasicInfoView {
  const b = s.basic?.value;
  const held = Boolean(s.basic || s.dailyLife || s.medicalHistory);
  return {
    consultedOn: s.consultedOn,
    deletedBySequence: held ? null : deletionSequence(files, 'DLTKIHON', s.person, s.consultedOn),
    basic: b
      ? {
          planKind: K.planKind(b.planKind),
          entrusted: K.entrusted(b.entrusted),
          staffName: b.staffName,
          consultationMethod: K.method(b.consultationMethod),
          consultationMethodNote: b.consultationMethodNote,
          consultationCount: K.count(b.consultationCount),
          previousConsultedOn: b.previousConsultedOn,
          currentSituation: K.situation(b.currentSituation),
          currentSituationNote: b.currentSituationNote,
          nameKana: b.nameKana,
          name: b.name,
          sex: K.sex(b.sex),
          birthDate: b.birthDate,
          address: b.address,
          phone: b.phone,
          fax: b.fax,
          physicalIndependence: K.physical(b.physicalIndependence),
          dementiaIndependence: K.dementia(b.dementiaIndependence),
          careLevel: K.careLevel(b.careLevel),
          validFrom: b.validFrom,
          validTo: b.validTo,
          previousCareLevel: K.careLevel(b.previousCareLevel),
          checklistResult: K.checklist(b.checklistResult),
          checklistOn: b.checklistOn,
          disabilities: flagged(DISABILITIES, [
            b.physicalDisability,
            b.intellectualDisability,
            b.mentalDisability,
            b.intractableDisease,
          ]),
          disabilityNote: b.disabilityNote,
          residence: K.residence(b.residence),
          roomFloor: b.roomFloor,
          homeModified: K.homeModified(b.homeModified),
          finances: flagged(FINANCES, [b.nationalPension, b.employeePension, b.disabilityPension, b.publicAssistance]),
          financialNote: b.financialNote,
          visitor: {
            name: b.visitorName,
            relation: b.visitorRelation,
            address: b.visitorAddress,
            phone: b.visitorPhone,
          },
          emergencyContacts: b.emergencyContacts.slice(0, 4).map((c) => ({ ...c })),
          familyImageFile: b.familyImageFile,
          familySituation: b.familySituation,
          lifeHistory: b.lifeHistory,
          dailyLife: b.dailyLife,
          hobbies: b.hobbies,
          community: b.community,
          publicServices: b.publicServices,
          informalServices: b.informalServices,
          consentOn: b.consentOn,
          consentBy: b.consentBy,
        }
      : null,
    dailyLife: (s.dailyLife?.value.rows ?? []).map((r) => ({ ...r })),
    medicalHistory: (s.medicalHistory?.value.rows ?? []).map((r) => ({
      ...r,
      attendingFlag: K.attending(r.attendingFlag),
      progress: K.progress(r.progress),
    })),
  };
}

export function preventionPlanView(s: PreventionPlanState, files: readonly ModelFile[]): PreventionPlanView {
  const p = s.plan?.value;
  const held = Boolean(s.plan || s.support);
  return {
    planDate: s.planDate,
    deletedBySequence: held ? null : deletionSequence(files, 'DLTYOBO', s.person, s.planDate),
    plan: p
      ? {
          planKind: Y.planKind(p.planKind),
          entrusted: Y.entrusted(p.entrusted),
          referenceNo: p.referenceNo,
          name: p.name,
          certifiedOn: p.certifiedOn,
          validFrom: p.validFrom,
          validTo: p.validTo,
          planCategory: Y.category(p.planCategory),
          certificationStatus: Y.status(p.certificationStatus),
          supportLevel: Y.supportLevel(p.supportLevel),
          centerStaffName: p.centerStaffName,
          careManagerName: p.careManagerName,
          plannerOfficeName: p.plannerOfficeName,
          plannerOfficeAddress: p.plannerOfficeAddress,
          plannerOfficePhone: p.plannerOfficePhone,
          firstPlanDate: p.firstPlanDate,
          supportCenter: p.supportCenter,
          dailyGoal: p.dailyGoal,
          yearlyGoal: p.yearlyGoal,
          domains: p.domains.map((d, i) => ({
            area: DOMAINS[i] ?? '',
            situation: d.situation,
            wishes: d.wishes,
            hasIssue: Y.hasIssue(d.hasIssue),
            issueBackground: d.issueBackground,
          })),
          healthNotes: p.healthNotes,
          supportPolicy: p.supportPolicy,
          overallPolicy: p.overallPolicy,
          checklist: AREA_KEYS.map((k, i) => ({
            area: CHECKLIST[i] ?? '',
            count: p.checklistCounts[k],
            program: Y.program(p.programNeeded[k]),
          })),
          centerOpinion: p.centerOpinion,
          consentOn: p.consentOn,
          consentBy: p.consentBy,
        }
      : null,
    support: (s.support?.value.rows ?? []).map((r) => ({ ...r })),
  };
}

/** The person's 利用者基本情報 and 支援計画書 keys, newest first; keys that never held a document are left out. */
export function preventionDocuments(
  person: PersonRef,
  book: PreventionBook,
  files: readonly ModelFile[],
): { basicInfos: BasicInfoView[]; preventionPlans: PreventionPlanView[] } {
  const basicInfos = book
    .allBasicInfos()
    .filter((s) => samePerson(s.person, person))
    .sort((a, b) => b.consultedOn.localeCompare(a.consultedOn))
    .map((s) => basicInfoView(s, files))
    .filter((v) => v.basic || v.dailyLife.length || v.medicalHistory.length || v.deletedBySequence);
  const preventionPlans = book
    .allPreventionPlans()
    .filter((s) => samePerson(s.person, person))
    .sort((a, b) => b.planDate.localeCompare(a.planDate))
    .map((s) => preventionPlanView(s, files))
    .filter((v) => v.plan || v.support.length || v.deletedBySequence);
  return { basicInfos: basicInfos.slice(0, 100), preventionPlans: preventionPlans.slice(0, 100) };
}

/**
 * Persons with a 利用者基本情報 or 支援計画書 key (also one a deletion emptied, shown as 削除済み), named by the newest
 * document held.
 */
export function preventionPersons(book: PreventionBook) {
  const out = new Map<
    string,
    { insurer: string; insured: string; name: string; basicInfos: number; preventionPlans: number }
  >();
  const entry = (p: PersonRef) => {
    const key = `${p.insurer}:${p.insured}`;
    let e = out.get(key);
    if (!e) out.set(key, (e = { insurer: p.insurer, insured: p.insured, name: '', basicInfos: 0, preventionPlans: 0 }));
    return e;
  };
  const newestFirst = <T extends { key: string }>(list: T[]) => list.sort((a, b) => b.key.localeCompare(a.key));
  for (const { s } of newestFirst(book.allBasicInfos().map((s) => ({ s, key: s.consultedOn })))) {
    const e = entry(s.person);
    e.basicInfos++;
    e.name ||= s.basic?.value.name ?? '';
  }
  for (const { s } of newestFirst(book.allPreventionPlans().map((s) => ({ s, key: s.planDate })))) {
    const e = entry(s.person);
    e.preventionPlans++;
    e.name ||= s.plan?.value.name ?? '';
  }
  // The IPC output caps the list (contract/careplan.ts).
  return [...out.values()].slice(0, 5000);
}
