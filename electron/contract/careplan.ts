import { z } from 'zod';
import { input, list, text } from './limits';

// Care-plan exchange (issue 8): files in and out (v4.1 CSV, DOMAIN.md §4), the validation report, the plan per
// person and month with 予定 vs 実績, partners and the exchange ledger (UX.md rules 13–14). A dropped or chosen file
// is read by main (its path resolved by the preload, careplan.dropped) and crosses IPC as an opaque token; files main
// produced itself (the training sample) come back as name + base64, capped by MAX_PAYLOAD_JSON_CHARS.

const base64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const CarePlanFileContent = z.strictObject({
  name: text(200),
  content: base64(240 * 1024),
});

/** A dropped or chosen file main has read (careplan.dropped): the renderer holds only this opaque token. */
export const CarePlanFileToken = z.strictObject({ token: z.string().regex(/^[0-9a-f-]{36}$/) });

export const CarePlanFileInput = z.union([CarePlanFileContent, CarePlanFileToken]);
export type CarePlanFileInput = z.infer<typeof CarePlanFileInput>;

export const CarePlanFilesInput = input({ files: list(CarePlanFileInput, 20).min(1) });

/**
 * Paths of dropped or chosen files, resolved by the preload with webUtils.getPathForFile. Invoked only by the
 * preload's droppedFiles(File[]) (never through the page's generic invoke), so the page cannot name arbitrary paths.
 */
export const CarePlanDroppedInput = input({ paths: list(text(4096), 20).min(1) });
export const CarePlanDroppedOutput = z.strictObject({
  files: z.array(z.strictObject({ token: z.string(), name: z.string(), bytes: z.number().int() })).max(20),
  /** Base names of files not taken: not a .CSV file, too large, or unreadable. */
  refused: z.array(z.string()).max(20),
});

export const CarePlanIssueView = z.strictObject({
  severity: z.enum(['error', 'warning', 'note']),
  rule: z.string(),
  message: z.string(),
  row: z.number().int().optional(),
  column: z.number().int().optional(),
});

export const CarePlanFileReport = z.strictObject({
  file: z.string(),
  kind: z.string().nullable(),
  title: z.string(),
  rows: z.number().int(),
  counts: z.strictObject({ error: z.number().int(), warning: z.number().int(), note: z.number().int() }),
  /** The first findings (errors first); counts stay exact. */
  issues: z.array(CarePlanIssueView).max(200),
});
export type CarePlanFileReport = z.infer<typeof CarePlanFileReport>;

export const CarePlanReport = z.strictObject({ files: z.array(CarePlanFileReport).max(20) });
export type CarePlanReport = z.infer<typeof CarePlanReport>;

export const CarePlanImportOutput = z.strictObject({
  report: CarePlanReport,
  imported: z.number().int(),
  failed: z.number().int(),
});

const LedgerState = z.enum(['queued', 'awaiting-upload', 'sent', 'received', 'imported', 'import-error', 'paper']);

export const LedgerEntryView = z.strictObject({
  id: z.number().int(),
  direction: z.enum(['sent', 'received']),
  partnerOffice: z.string(),
  partnerService: z.string(),
  partnerName: z.string(),
  fileName: z.string(),
  kind: z.string(),
  kindTitle: z.string(),
  month: z.string().nullable(),
  sequence: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  state: LedgerState,
  stateLabel: z.string(),
  superseded: z.boolean(),
  /** Written to a folder for the official upload and not yet marked uploaded (state awaiting-upload, アップロード待ち). */
  awaitingUpload: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LedgerEntryView = z.infer<typeof LedgerEntryView>;

export const LedgerOutput = z.strictObject({ entries: z.array(LedgerEntryView).max(5000), training: z.boolean() });

export const PartnerView = z.strictObject({
  id: z.number().int(),
  office: z.string(),
  service: z.string(),
  name: z.string(),
  exchangesData: z.boolean(),
});
export type PartnerView = z.infer<typeof PartnerView>;

export const PartnerSaveInput = input({
  office: text(10),
  service: text(2),
  name: text(80),
  exchangesData: z.boolean(),
});
export const PartnerIdInput = input({ id: z.number().int().min(1) });

export const PersonMonthInput = input({
  insurer: z.string().regex(/^\d{6}$/),
  insured: z.string().regex(/^(\d{10}|H\d{9})$/),
  month: z.string().regex(/^\d{6}$/),
});

export const CarePlanMonthSummary = z.strictObject({
  insurer: z.string(),
  insured: z.string(),
  month: z.string(),
  name: z.string(),
  planItems: z.number().int(),
  seventhRows: z.number().int(),
  actualProviders: z.number().int(),
  differences: z.number().int(),
});
/** A person the office holds 介護予防 documents of (利用者基本情報 or 支援計画書), for opening them on the screen. */
export const PreventionPersonSummary = z.strictObject({
  insurer: z.string(),
  insured: z.string(),
  name: z.string(),
  basicInfos: z.number().int(),
  preventionPlans: z.number().int(),
});
export const CarePlanMonthsOutput = z.strictObject({
  months: z.array(CarePlanMonthSummary).max(5000),
  /** Persons with 介護予防 documents (they may have no 第6・7表 month). */
  preventionPersons: z.array(PreventionPersonSummary).max(5000),
});

export const ServiceUseItemView = z.strictObject({
  serviceDate: z.string(),
  start: z.string(),
  end: z.string(),
  count: z.number().int().nullable(),
  units: z.number().int().nullable(),
  serviceCode: z.string(),
  provider: z.string(),
  providerName: z.string(),
});

export const SeventhRowView = z.strictObject({
  kind: z.enum(['detail', 'kindSubtotal', 'outsideSubtotal', 'over30Subtotal', 'grandTotal']),
  officeName: z.string(),
  office: z.string(),
  serviceCode: z.string(),
  units: z.number().int().nullable(),
  count: z.number().int().nullable(),
  managedUnits: z.number().int().nullable(),
  overLimit: z.number().int().nullable(),
  withinLimit: z.number().int().nullable(),
  unitPrice: z.string(),
  totalCost: z.number().int().nullable(),
  claimAmount: z.number().int().nullable(),
  copay: z.number().int().nullable(),
});

export const ComparisonRowView = z.strictObject({
  serviceDate: z.string(),
  serviceCode: z.string(),
  provider: z.string(),
  plannedCount: z.number().int(),
  actualCount: z.number().int(),
  plannedUnits: z.number().int(),
  actualUnits: z.number().int(),
  status: z.enum(['match', 'differs', 'plannedOnly', 'actualOnly']),
});

export const CarePlanMonthView = z.strictObject({
  insurer: z.string(),
  insured: z.string(),
  month: z.string(),
  name: z.string(),
  careLevel: z.string(),
  benefitLimit: z.number().int().nullable(),
  planStaffName: z.string(),
  plan: z.array(ServiceUseItemView).max(5000),
  seventh: z.array(SeventhRowView).max(1000),
  comparison: z.array(ComparisonRowView).max(5000),
  /** 第7表 consistency findings (subtotals, 全合計, 区分支給限度基準額). */
  findings: z.array(CarePlanIssueView).max(200),
});
export type CarePlanMonthView = z.infer<typeof CarePlanMonthView>;

export const CarePlanSendInput = input({
  partnerId: z.number().int().min(1),
  files: list(CarePlanFileInput, 20).min(1),
  /**
   * 'folder': write the unit as .CSV files into a folder staff choose, for the official client or browser upload
   * (the only data channel outside 練習モード). 'exchange' (default in 練習モード): the training backend via the outbox.
   */
  via: z.enum(['exchange', 'folder']).optional(),
});
export const CarePlanSendOutput = z.strictObject({
  names: z.array(z.string()).max(20),
  /** 'training': queued in the outbox for the training backend; 'paper': print view produced, 紙で送付 recorded. */
  /** 'folder': written into the chosen folder, アップロード待ち in the ledger (names empty when the dialog was cancelled). */
  channel: z.enum(['training', 'paper', 'folder']),
  /** Print-ready HTML of the plan (paper channel). */
  html: z.string().nullable(),
  ledgerIds: z.array(z.number().int()).max(20),
});

export const CarePlanInboxOutput = z.strictObject({ received: z.number().int(), imported: z.number().int() });
export const CarePlanTrainingPlanOutput = z.strictObject({ files: z.array(CarePlanFileContent).max(5) });
export const LedgerExportOutput = z.strictObject({ saved: z.boolean() });

/** A download folder of the official channel read by main (the renderer sees only the folder's name). */
export const CarePlanFolderImportOutput = z.strictObject({
  /** The folder's base name; null when the dialog was cancelled. */
  folder: z.string().nullable(),
  report: z.strictObject({ files: z.array(CarePlanFileReport).max(500) }),
  imported: z.number().int(),
  failed: z.number().int(),
  /** Files left alone: not .CSV, too large, or beyond the 500 read. */
  skipped: z.number().int(),
});

export const LedgerIdsInput = input({ ids: list(z.number().int().min(1), 100).min(1) });
export const MarkUploadedOutput = z.strictObject({ updated: z.number().int() });

export const PersonPlansInput = input({
  insurer: z.string().regex(/^\d{6}$/),
  insured: z.string().regex(/^(\d{10}|H\d{9})$/),
});

/** 居宅サービス計画書 第1–3表 of one 計画作成（変更）日, as held after applying every file in ファイル連番 order. */
export const PlanDocumentView = z.strictObject({
  planDate: z.string(),
  first: z
    .strictObject({
      createdOn: z.string(),
      plannerName: z.string(),
      supportOfficeName: z.string(),
      planCategory: z.string(),
      careLevel: z.string(),
      validFrom: z.string(),
      validTo: z.string(),
      wishesAndAnalysis: z.string(),
      boardOpinion: z.string(),
      overallPolicy: z.string(),
    })
    .nullable(),
  second: z
    .array(
      z.strictObject({
        issue: z.string(),
        longGoal: z.string(),
        longPeriod: z.string(),
        shortGoal: z.string(),
        shortPeriod: z.string(),
        serviceContent: z.string(),
        insuranceCovered: z.string(),
        serviceType: z.string(),
        providerName: z.string(),
        frequency: z.string(),
        period: z.string(),
      }),
    )
    .max(500),
  third: z
    .array(
      z.strictObject({
        weekday: z.string(),
        start: z.string(),
        end: z.string(),
        serviceContent: z.string(),
        dailyActivity: z.string(),
        nonWeeklyServices: z.string(),
      }),
    )
    .max(500),
});
export type PlanDocumentView = z.infer<typeof PlanDocumentView>;

// 介護予防 documents a 地域包括支援センター sends (DOMAIN.md §4.3/§4.7): 利用者基本情報 (+別表1/2) per 相談日 and
// 介護予防サービス・支援計画書 (+別表) per 計画作成(変更)日. Codes arrive as their Japanese labels (an unknown code as
// written); dates stay YYYYMMDD ('' when empty). A document removed by DLTKIHON / DLTYOBO stays listed with the
// ファイル連番 of the deletion and no content, so the care manager sees it was withdrawn.

export const EmergencyContactView = z.strictObject({
  name: z.string(),
  relation: z.string(),
  address: z.string(),
  phone: z.string(),
});

export const BasicInfoView = z.strictObject({
  consultedOn: z.string(),
  /** ファイル連番 of the DLTKIHON that removed this 相談日; null while it is held. */
  deletedBySequence: z.string().nullable(),
  basic: z
    .strictObject({
      planKind: z.string(),
      entrusted: z.string(),
      staffName: z.string(),
      consultationMethod: z.string(),
      consultationMethodNote: z.string(),
      consultationCount: z.string(),
      previousConsultedOn: z.string(),
      currentSituation: z.string(),
      currentSituationNote: z.string(),
      nameKana: z.string(),
      name: z.string(),
      sex: z.string(),
      birthDate: z.string(),
      address: z.string(),
      phone: z.string(),
      fax: z.string(),
      physicalIndependence: z.string(),
      dementiaIndependence: z.string(),
      careLevel: z.string(),
      validFrom: z.string(),
      validTo: z.string(),
      previousCareLevel: z.string(),
      checklistResult: z.string(),
      checklistOn: z.string(),
      /** 障害等認定 items marked 該当 (身障, 療育, 精神, 難病). */
      disabilities: z.array(z.string()).max(4),
      disabilityNote: z.string(),
      residence: z.string(),
      roomFloor: z.string(),
      homeModified: z.string(),
      /** 経済状況 items marked 該当 (国民年金, 厚生年金, 障害年金, 生活保護). */
      finances: z.array(z.string()).max(4),
      financialNote: z.string(),
      visitor: EmergencyContactView,
      emergencyContacts: z.array(EmergencyContactView).max(4),
      familyImageFile: z.string(),
      familySituation: z.string(),
      lifeHistory: z.string(),
      dailyLife: z.string(),
      hobbies: z.string(),
      community: z.string(),
      publicServices: z.string(),
      informalServices: z.string(),
      consentOn: z.string(),
      consentBy: z.string(),
    })
    .nullable(),
  /** 別表1 1日の生活・すごし方. */
  dailyLife: z
    .array(z.strictObject({ time: z.string(), personActivity: z.string(), familyActivity: z.string() }))
    .max(500),
  /** 別表2 現病歴・既往歴. */
  medicalHistory: z
    .array(
      z.strictObject({
        date: z.string(),
        disease: z.string(),
        institution: z.string(),
        attendingFlag: z.string(),
        phone: z.string(),
        progress: z.string(),
        treatment: z.string(),
      }),
    )
    .max(500),
});
export type BasicInfoView = z.infer<typeof BasicInfoView>;

export const PreventionPlanView = z.strictObject({
  planDate: z.string(),
  /** ファイル連番 of the DLTYOBO that removed this 計画作成(変更)日; null while it is held. */
  deletedBySequence: z.string().nullable(),
  plan: z
    .strictObject({
      planKind: z.string(),
      entrusted: z.string(),
      referenceNo: z.string(),
      name: z.string(),
      certifiedOn: z.string(),
      validFrom: z.string(),
      validTo: z.string(),
      planCategory: z.string(),
      certificationStatus: z.string(),
      supportLevel: z.string(),
      centerStaffName: z.string(),
      careManagerName: z.string(),
      plannerOfficeName: z.string(),
      plannerOfficeAddress: z.string(),
      plannerOfficePhone: z.string(),
      firstPlanDate: z.string(),
      supportCenter: z.string(),
      dailyGoal: z.string(),
      yearlyGoal: z.string(),
      /** The four アセスメント領域 in form order, each with its name. */
      domains: z
        .array(
          z.strictObject({
            area: z.string(),
            situation: z.string(),
            wishes: z.string(),
            hasIssue: z.string(),
            issueBackground: z.string(),
          }),
        )
        .max(4),
      healthNotes: z.string(),
      supportPolicy: z.string(),
      overallPolicy: z.string(),
      /** 基本チェックリストの該当数 and 事業プログラムの要否 of the six areas, in form order. */
      checklist: z
        .array(z.strictObject({ area: z.string(), count: z.number().int().nullable(), program: z.string() }))
        .max(6),
      centerOpinion: z.string(),
      consentOn: z.string(),
      consentBy: z.string(),
    })
    .nullable(),
  /** 別表 支援計画. */
  support: z
    .array(
      z.strictObject({
        issueNo: z.string(),
        overallIssue: z.string(),
        proposal: z.string(),
        intention: z.string(),
        goal: z.string(),
        supportNo: z.string(),
        supportPoint: z.string(),
        selfCare: z.string(),
        insuredService: z.string(),
        serviceNo: z.string(),
        serviceType: z.string(),
        provider: z.string(),
        period: z.string(),
      }),
    )
    .max(500),
});
export type PreventionPlanView = z.infer<typeof PreventionPlanView>;

export const PersonPlansOutput = z.strictObject({
  plans: z.array(PlanDocumentView).max(100),
  /** 利用者基本情報 per 相談日, newest first. */
  basicInfos: z.array(BasicInfoView).max(100),
  /** 介護予防サービス・支援計画書 per 計画作成(変更)日, newest first. */
  preventionPlans: z.array(PreventionPlanView).max(100),
});
