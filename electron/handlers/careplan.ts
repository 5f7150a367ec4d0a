import fs from 'node:fs';
import { isoDate, toJapanTime } from '../contract/time';
import type { CarePlanFileReport, CarePlanMonthView, LedgerEntryView } from '../contract';
import {
  CarePlanBook,
  checkSeventhFile,
  compareMonth,
  fileSequence,
  fileToModel,
  isModelledKind,
  layoutOf,
  parseCarePlanFile,
  printView,
  samplePlanUnit,
  seventhRowKind,
  subjectsOf,
  validateCarePlanFiles,
  writeSendUnit,
  type CarePlanFile,
  type ModelFile,
  type OfficeRef,
  type ServiceUseTable,
  type SeventhTable,
  type Supplement,
  type UnitPart,
} from '../services/careplan';
import { KaigoError } from '../services/errors';
import { createLedger, ledgerCsv, LEDGER_STATE_LABELS, type Ledger, type LedgerEntry } from '../services/ledger';
import { createOutbox } from '../services/outbox';
import { createPartnerBook, type Partner, type PartnerBook } from '../services/partners';
import type { Staff } from '../services/session';
import { TRAINING_OFFICES } from '../training/server';
import { CAREPLAN_JOB_KIND, careplanSender, fetchInbox, fileKey } from './careplan-channel';
import type { AppContext } from './context';
import type { HandlerGroup } from './group';

// Care-plan exchange in the app (issue 8): validation and import of dropped files, the plan per person and month
// with 予定 vs 実績, sending (training channel through the outbox, or a print view recorded as 紙で送付 for partners
// not on the exchange), the training inbox, partners and the ledger (UX.md rules 13–14). The ledger keeps every file
// and is the source of the plans shown: they are rebuilt from its files in ascending ファイル連番.

type CarePlanCalls =
  | 'careplan.validate'
  | 'careplan.import'
  | 'careplan.months'
  | 'careplan.month'
  | 'careplan.plans'
  | 'careplan.send'
  | 'careplan.inbox'
  | 'careplan.trainingPlan'
  | 'careplan.ledger'
  | 'careplan.ledgerExport'
  | 'careplan.partners'
  | 'careplan.savePartner'
  | 'careplan.removePartner';

const TRAINING_NOTICE = '練習モード — 実在の利用者ではありません';

const decode = (files: readonly { name: string; content: string }[]) =>
  files.map((f) => ({ name: f.name, bytes: Buffer.from(f.content, 'base64') }));

const rank = (s: string) => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);

function fileReport(r: CarePlanFile): CarePlanFileReport {
  return {
    file: r.file,
    kind: r.kind ?? null,
    title: r.layout?.title ?? '不明な種別',
    rows: r.rows.length,
    counts: { ...r.counts },
    issues: [...r.issues]
      .sort((a, b) => rank(a.severity) - rank(b.severity))
      .slice(0, 200)
      .map((i) => ({
        severity: i.severity,
        rule: i.rule,
        message: i.message,
        ...(i.row !== undefined ? { row: i.row } : {}),
        ...(i.column !== undefined ? { column: i.column } : {}),
      })),
  };
}

export interface CarePlanRuntime {
  handlers: HandlerGroup<CarePlanCalls>;
  /** Outbox senders of this feature, for the outbox runtime (job kind careplan.files). */
  senders: Record<string, ReturnType<typeof careplanSender>>;
}

export function careplanRuntime(ctx: AppContext): CarePlanRuntime {
  const training = () => ctx.runtime.mode === 'training';
  let ledger: Ledger | null = null;
  let partners: PartnerBook | null = null;
  const getLedger = () => (ledger ??= createLedger({ db: () => ctx.store().records(), clock: ctx.clock }));
  const ownOffice = (staff: Staff): OfficeRef => {
    const t = TRAINING_OFFICES.find((o) => o.officeNumber === staff.officeNumber);
    const c = ctx.runtime.config?.offices.find((o) => o.officeNumber === staff.officeNumber);
    return { office: staff.officeNumber, service: t?.serviceType ?? c?.serviceType ?? '43' };
  };
  const getPartners = (staff: Staff) => {
    partners ??= createPartnerBook({
      db: () => ctx.store().records(),
      clock: ctx.clock,
      ownOffice: () => ctx.openedSession()?.state().tokens?.staff.officeNumber ?? null,
    });
    // 練習モード: the other training office is on the exchange from the start.
    if (training() && partners.list().length === 0)
      for (const o of TRAINING_OFFICES)
        if (o.officeNumber !== staff.officeNumber)
          partners.save({ office: o.officeNumber, service: o.serviceType, name: o.officeName, exchangesData: true });
    return partners;
  };
  const partnerName = (staff: Staff) => {
    const list = getPartners(staff).list();
    return (office: string, service: string) =>
      list.find((p) => p.office === office && p.service === service)?.name ??
      TRAINING_OFFICES.find((o) => o.officeNumber === office)?.officeName ??
      '';
  };

  /** Records a received file and imports it: 取込済 or 取込エラー. Returns whether it was new and imported. */
  const receive = (
    name: string,
    bytes: Uint8Array,
    staff: Staff,
  ): { fresh: boolean; imported: boolean; read: CarePlanFile } => {
    const read = parseCarePlanFile(name, bytes, { now: ctx.clock() });
    const model = fileToModel(read);
    if (!read.name) return { fresh: false, imported: false, read };
    if (getLedger().find('received', read.file, bytes)) return { fresh: false, imported: false, read };
    const entry = getLedger().record({
      direction: 'received',
      partner: read.name.sender,
      fileName: read.file,
      kind: read.kind ?? 'UNKNOWN',
      month: read.name.month ?? null,
      sequence: read.name.sequence,
      body: bytes,
      state: 'received',
      staffId: staff.staffId,
      subjects: model.ok ? subjectsOf(model.value) : [],
    });
    getLedger().setState(entry.id, model.ok ? 'imported' : 'import-error');
    return { fresh: true, imported: model.ok, read };
  };

  /** The plans held: every sent or imported file of the ledger, applied in ascending ファイル連番. */
  const book = (): { book: CarePlanBook; files: ModelFile[] } => {
    const files: ModelFile[] = [];
    for (const e of getLedger().list())
      if (e.state !== 'paper' && e.state !== 'import-error' && isModelledKind(e.kind)) {
        const m = fileToModel(parseCarePlanFile(e.fileName, getLedger().body(e.id), { now: ctx.clock() }));
        if (m.ok) files.push(m.value);
      }
    const b = new CarePlanBook();
    b.applyAll(files);
    return { book: b, files };
  };

  const readModels = (files: readonly { name: string; content: string }[]) => {
    const read = validateCarePlanFiles(decode(files), { now: ctx.clock() });
    if (read.some((r) => r.counts.error > 0)) throw new KaigoError('CAREPLAN_FILES_INVALID', 'errors');
    const models = read.map(fileToModel);
    const parts: UnitPart[] = [];
    for (const m of models) {
      if (!m.ok) throw new KaigoError('CAREPLAN_FILES_INVALID', 'unsupported');
      parts.push({ kind: m.value.kind, month: m.value.month, content: m.value.content } as UnitPart);
    }
    return parts;
  };

  const entryView = (e: LedgerEntry, name: (o: string, s: string) => string): LedgerEntryView => ({
    id: e.id,
    direction: e.direction,
    partnerOffice: e.partnerOffice,
    partnerService: e.partnerService,
    partnerName: name(e.partnerOffice, e.partnerService),
    fileName: e.fileName,
    kind: e.kind,
    kindTitle: isModelledKind(e.kind) ? layoutOf(e.kind).title : e.kind,
    month: e.month,
    sequence: e.sequence,
    sha256: e.sha256,
    bytes: e.bytes,
    state: e.state,
    stateLabel: LEDGER_STATE_LABELS[e.state],
    superseded: e.superseded,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  });

  const handlers: HandlerGroup<CarePlanCalls> = {
    'careplan.validate': ({ files }) => {
      ctx.requireStaff();
      return { files: validateCarePlanFiles(decode(files), { now: ctx.clock() }).map(fileReport) };
    },
    'careplan.import': ({ files }) => {
      const staff = ctx.requireStaff();
      const read = validateCarePlanFiles(decode(files), { now: ctx.clock() });
      let imported = 0;
      let failed = 0;
      for (const [i, f] of decode(files).entries()) {
        if (!read[i]!.name) {
          failed++;
          continue;
        }
        const r = receive(f.name, f.bytes, staff);
        if (r.imported) imported++;
        else if (read[i]!.counts.error > 0) failed++;
      }
      ctx.log.info('careplan.imported', { imported, failed });
      ctx
        .audit()
        .record({ staffId: staff.staffId, action: 'view', detail: { careplan: 'IMPORTED', imported, failed } });
      return { report: { files: read.map(fileReport) }, imported, failed };
    },
    'careplan.months': () => {
      ctx.requireStaff();
      const { book: b } = book();
      return {
        months: b.allMonths().map((m) => ({
          insurer: m.person.insurer,
          insured: m.person.insured,
          month: m.month,
          name: m.supplement?.value.name ?? '',
          planItems: m.plan?.value.items.length ?? 0,
          seventhRows: m.seventh?.value.rows.length ?? 0,
          actualProviders: m.actuals.size,
          differences: m.actuals.size > 0 ? compareMonth(m).filter((c) => c.status !== 'match').length : 0,
        })),
      };
    },
    'careplan.month': ({ insurer, insured, month }) => {
      ctx.requireStaff();
      const m = book().book.month({ insurer, insured }, month);
      if (!m || (!m.plan && m.actuals.size === 0)) throw new KaigoError('CAREPLAN_NOT_FOUND');
      const plan: ServiceUseTable | undefined = m.plan?.value;
      const seventh: SeventhTable | undefined = m.seventh?.value;
      const sup: Supplement | undefined = m.supplement?.value;
      const view: CarePlanMonthView = {
        insurer,
        insured,
        month,
        name: sup?.name ?? '',
        careLevel: sup?.careLevel ?? '',
        benefitLimit: sup?.benefitLimit ?? null,
        planStaffName: plan?.planStaffName ?? '',
        plan: (plan?.items ?? []).map((i) => ({
          serviceDate: i.serviceDate,
          start: i.start,
          end: i.end,
          count: i.count,
          units: i.units,
          serviceCode: i.serviceCode,
          provider: i.provider,
          providerName: i.providerName,
        })),
        seventh: (seventh?.rows ?? []).map((r) => ({
          kind: seventhRowKind(r.serviceCode),
          officeName: r.officeName,
          office: r.office,
          serviceCode: r.serviceCode,
          units: r.units,
          count: r.count,
          managedUnits: r.managedUnits,
          overLimit: r.overLimit,
          withinLimit: r.withinLimit,
          unitPrice: r.unitPrice,
          totalCost: r.totalCost,
          claimAmount: r.claimAmount,
          copay: r.copay,
        })),
        comparison: compareMonth(m),
        findings: seventh
          ? checkSeventhFile('第7表', [seventh], sup ? [sup] : []).map((i) => ({
              severity: i.severity,
              rule: i.rule,
              message: i.message,
            }))
          : [],
      };
      return view;
    },
    'careplan.plans': ({ insurer, insured }) => {
      ctx.requireStaff();
      const plans = book()
        .book.allPlans()
        .filter((p) => p.person.insurer === insurer && p.person.insured === insured)
        .filter((p) => p.first || p.second || p.third)
        .sort((a, b) => b.planDate.localeCompare(a.planDate));
      return {
        plans: plans.map((p) => {
          const f = p.first?.value;
          return {
            planDate: p.planDate,
            first: f
              ? {
                  createdOn: f.createdOn,
                  plannerName: f.plannerName,
                  supportOfficeName: f.supportOfficeName,
                  planCategory: f.planCategory,
                  careLevel: f.careLevel,
                  validFrom: f.validFrom,
                  validTo: f.validTo,
                  wishesAndAnalysis: f.wishesAndAnalysis,
                  boardOpinion: f.boardOpinion,
                  overallPolicy: f.overallPolicy,
                }
              : null,
            second: (p.second?.value.rows ?? []).map((r) => ({
              issue: r.issue,
              longGoal: r.longGoal,
              longPeriod: r.longPeriod,
              shortGoal: r.shortGoal,
              shortPeriod: r.shortPeriod,
              serviceContent: r.serviceContent,
              insuranceCovered: r.insuranceCovered,
              serviceType: r.serviceType,
              providerName: r.providerName,
              frequency: r.frequency,
              period: r.period,
            })),
            third: (p.third?.value.rows ?? []).map((r) => ({
              weekday: r.weekday,
              start: r.start,
              end: r.end,
              serviceContent: r.serviceContent,
              dailyActivity: r.dailyActivity,
              nonWeeklyServices: r.nonWeeklyServices,
            })),
          };
        }),
      };
    },
    'careplan.send': ({ partnerId, files }) => {
      const staff = ctx.requireStaff();
      const partner: Partner | null = getPartners(staff).get(partnerId);
      if (!partner) throw new KaigoError('CAREPLAN_PARTNER_NOT_FOUND');
      const from = ownOffice(staff);
      if (partner.office === from.office) throw new KaigoError('CAREPLAN_SELF_SEND');
      const parts = readModels(files);
      const at = ctx.clock();
      const unit = writeSendUnit({ from, to: { office: partner.office, service: partner.service }, at, parts });
      if (!unit.ok) throw new KaigoError('CAREPLAN_FILES_INVALID', 'unit');
      const sequence = fileSequence(at);
      const subjects = unit.files.flatMap((f) => {
        const m = fileToModel(parseCarePlanFile(f.name, f.bytes, { now: at }));
        return m.ok ? subjectsOf(m.value) : [];
      });
      const month = parts.find((p) => p.month)?.month ?? null;
      if (!partner.exchangesData) {
        // UX.md rule 14: the same plan on paper, recorded as 紙で送付.
        const html = printView({
          plans: parts.flatMap((p) => (p.kind === 'UPPLAN' ? p.content : [])),
          sevenths: parts.flatMap((p) => (p.kind === 'UPSIKYU' ? p.content : [])),
          supplements: parts.flatMap((p) => (p.kind === 'UPHOSOKU' ? p.content : [])),
          ...(training() ? { notice: TRAINING_NOTICE } : {}),
          to: `${partner.name}（${partner.office}）`,
          from: from.office,
        });
        const e = getLedger().record({
          direction: 'sent',
          partner,
          fileName: `紙で送付_${month ?? ''}_${partner.office}_${sequence}.html`,
          kind: parts[0]!.kind,
          month,
          sequence,
          body: Buffer.from(html, 'utf8'),
          state: 'paper',
          staffId: staff.staffId,
          subjects,
        });
        ctx.log.info('careplan.sent_paper', { files: unit.files.length });
        ctx.audit().record({
          staffId: staff.staffId,
          action: 'print',
          subject: { kind: 'office', value: partner.office },
          detail: { careplan: 'PAPER', files: unit.files.length },
        });
        return { names: unit.files.map((f) => f.name), channel: 'paper' as const, html, ledgerIds: [e.id] };
      }
      if (!training()) throw new KaigoError('TRAINING_ONLY', 'official channel: careplan export');
      const jobKey = `careplan-${sequence}-${partner.office}`;
      const ids = ctx
        .store()
        .records()
        .transaction(() => {
          createOutbox({ db: () => ctx.store().records(), clock: ctx.clock }).enqueue({
            kind: CAREPLAN_JOB_KIND,
            idempotencyKey: jobKey,
            payload: {
              files: unit.files.map((f) => ({ name: f.name, content: Buffer.from(f.bytes).toString('base64') })),
            },
          });
          return unit.files.map((f, i) => {
            const m = fileToModel(parseCarePlanFile(f.name, f.bytes, { now: at }));
            return getLedger().record({
              direction: 'sent',
              partner,
              fileName: f.name,
              kind: f.kind,
              month: monthInName(f.kind) ? month : null,
              sequence,
              body: f.bytes,
              state: 'queued',
              staffId: staff.staffId,
              outboxKey: fileKey(jobKey, i),
              subjects: m.ok ? subjectsOf(m.value) : [],
            }).id;
          });
        });
      ctx.log.info('careplan.queued', { files: unit.files.length });
      ctx.audit().record({
        staffId: staff.staffId,
        action: 'send',
        subject: { kind: 'office', value: partner.office },
        detail: { careplan: 'QUEUED', files: unit.files.length },
      });
      return { names: unit.files.map((f) => f.name), channel: 'training' as const, html: null, ledgerIds: ids };
    },
    'careplan.inbox': async () => {
      const staff = ctx.requireOnlineStaff();
      if (!training()) throw new KaigoError('TRAINING_ONLY');
      const files = await fetchInbox({ session: ctx.session, observed: (fn) => ctx.observed(fn) });
      let received = 0;
      let imported = 0;
      for (const f of files) {
        const r = receive(f.name, f.bytes, staff);
        if (r.fresh) received++;
        if (r.imported) imported++;
      }
      ctx.log.info('careplan.inbox', { received, imported });
      if (received > 0)
        ctx
          .audit()
          .record({ staffId: staff.staffId, action: 'view', detail: { careplan: 'RECEIVED', received, imported } });
      return { received, imported };
    },
    'careplan.trainingPlan': async () => {
      const staff = ctx.requireStaff();
      if (!training()) throw new KaigoError('TRAINING_ONLY');
      const server = (await ctx.backend()).training!;
      const person =
        server.data.data.persons.find((p) => /^2[1-5]$/.test(p.insuredCard.careLevel ?? '')) ??
        server.data.data.persons[0]!;
      const j = toJapanTime(ctx.clock());
      const next = j.month === 12 ? { y: j.year + 1, m: 1 } : { y: j.year, m: j.month + 1 };
      const month = `${next.y}${String(next.m).padStart(2, '0')}`;
      const from = ownOffice(staff);
      const to = TRAINING_OFFICES.find((o) => o.officeNumber !== from.office)!;
      const parts = samplePlanUnit({
        person: {
          insurer: person.insuredCard.insurerNumber,
          insured: person.insuredCard.insuredNumber,
          name: person.insuredCard.name ?? '',
          nameKana: '',
          careLevel: person.insuredCard.careLevel ?? '21',
        },
        month,
        createdOn: isoDate(j).replaceAll('-', ''),
        from,
        to: { office: to.officeNumber, service: to.serviceType, name: to.officeName },
        planStaffName: staff.staffId,
      });
      const unit = writeSendUnit({
        from,
        to: { office: to.officeNumber, service: to.serviceType },
        at: ctx.clock(),
        parts,
      });
      if (!unit.ok) throw new KaigoError('CAREPLAN_FILES_INVALID', 'sample');
      return { files: unit.files.map((f) => ({ name: f.name, content: Buffer.from(f.bytes).toString('base64') })) };
    },
    'careplan.ledger': () => {
      const staff = ctx.requireStaff();
      const name = partnerName(staff);
      return {
        entries: getLedger()
          .list()
          .map((e) => entryView(e, name)),
        training: training(),
      };
    },
    'careplan.ledgerExport': async () => {
      const staff = ctx.requireStaff();
      if (!ctx.chooseSaveFile) throw new KaigoError('LISTS_SAVE_UNAVAILABLE');
      const today = isoDate(toJapanTime(ctx.clock())).replaceAll('-', '');
      const file = await ctx.chooseSaveFile({ defaultName: `ケアプラン送受信台帳_${today}.csv`, kind: 'csv' });
      if (!file) return { saved: false };
      const csv = ledgerCsv(
        getLedger().list(),
        partnerName(staff),
        (kind) => (isModelledKind(kind) ? layoutOf(kind).title : kind),
        training() ? TRAINING_NOTICE : undefined,
      );
      try {
        fs.writeFileSync(file, csv, 'utf8');
      } catch {
        throw new KaigoError('LISTS_EXPORT_FAILED');
      }
      ctx.audit().record({ staffId: staff.staffId, action: 'export', detail: { careplan: 'LEDGER' } });
      return { saved: true };
    },
    'careplan.partners': () => {
      const staff = ctx.requireStaff();
      return getPartners(staff)
        .list()
        .map((p) => ({ id: p.id, office: p.office, service: p.service, name: p.name, exchangesData: p.exchangesData }));
    },
    'careplan.savePartner': (input) => {
      const staff = ctx.requireStaff();
      const p = getPartners(staff).save(input);
      return { id: p.id, office: p.office, service: p.service, name: p.name, exchangesData: p.exchangesData };
    },
    'careplan.removePartner': ({ id }) => {
      const staff = ctx.requireStaff();
      getPartners(staff).remove(id);
      return {};
    },
  };

  return {
    handlers,
    senders: {
      [CAREPLAN_JOB_KIND]: careplanSender({
        session: ctx.session,
        observed: (fn) => ctx.observed(fn),
        ledger: getLedger,
        log: ctx.log,
      }),
    },
  };
}

/** Kinds whose file name carries a month. */
function monthInName(kind: string): boolean {
  return isModelledKind(kind) && layoutOf(kind).monthInName;
}
