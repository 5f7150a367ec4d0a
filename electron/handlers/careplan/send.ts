import fs from 'node:fs';
import path from 'node:path';
import {
  fileSequence,
  fileToModel,
  isModelledKind,
  layoutOf,
  parseCarePlanFile,
  printView,
  subjectsOf,
  validateCarePlanFiles,
  writeSendUnit,
  type UnitPart,
  type WrittenFile,
} from '../../services/careplan';
import { KaigoError } from '../../services/errors';
import { createOutbox } from '../../services/outbox';
import type { Partner } from '../../services/partners';
import { CAREPLAN_JOB_KIND, fileKey } from '../careplan-channel';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../group';
import { TRAINING_NOTICE, type CarePlanState } from './state';

// Sending a send unit to a partner: the official channel (.CSV files written into a chosen folder for the official
// client or browser upload, アップロード待ち until staff mark them uploaded), the training channel through the outbox,
// or a print view recorded as 紙で送付 for partners not on the exchange (UX.md rule 14). Every file sent is a ledger row.

/** Kinds whose file name carries a month. */
function monthInName(kind: string): boolean {
  return isModelledKind(kind) && layoutOf(kind).monthInName;
}

/**
 * Writes the unit's files (names per DOMAIN.md §4.4) into the folder. Never overwrites: an existing file of the same
 * name is refused, and files written before a failure are removed so the folder holds all of the unit or none.
 */
function writeUnitToFolder(folder: string, files: readonly WrittenFile[]): void {
  const written: string[] = [];
  try {
    for (const f of files) {
      const target = path.join(folder, f.name);
      fs.writeFileSync(target, f.bytes, { flag: 'wx' });
      written.push(target);
    }
  } catch {
    for (const w of written) fs.rmSync(w, { force: true });
    throw new KaigoError('CAREPLAN_FOLDER_WRITE_FAILED');
  }
}

export function sendHandlers(ctx: AppContext, state: CarePlanState): HandlerGroup<'careplan.send'> {
  const readParts = (files: Parameters<CarePlanState['dropped']['resolve']>[0]): UnitPart[] => {
    const read = validateCarePlanFiles(state.dropped.resolve(files), { now: ctx.clock() });
    if (read.some((r) => r.counts.error > 0)) throw new KaigoError('CAREPLAN_FILES_INVALID', 'errors');
    const parts: UnitPart[] = [];
    for (const m of read.map(fileToModel)) {
      if (!m.ok) throw new KaigoError('CAREPLAN_FILES_INVALID', 'unsupported');
      parts.push({ kind: m.value.kind, month: m.value.month, content: m.value.content } as UnitPart);
    }
    return parts;
  };

  return {
    'careplan.send': async ({ partnerId, files, via }) => {
      const staff = ctx.requireStaff();
      const partner: Partner | null = state.partners(staff).get(partnerId);
      if (!partner) throw new KaigoError('CAREPLAN_PARTNER_NOT_FOUND');
      const from = state.ownOffice(staff);
      if (partner.office === from.office) throw new KaigoError('CAREPLAN_SELF_SEND');
      const parts = readParts(files);
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
          ...(state.training() ? { notice: TRAINING_NOTICE } : {}),
          to: `${partner.name}（${partner.office}）`,
          from: from.office,
        });
        const e = state.ledger().record({
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
      // Outside 練習モード the data channel is the official one: files into a folder for the client or browser upload.
      if (via === 'folder' || !state.training()) {
        if (!ctx.chooseFolder) throw new KaigoError('CAREPLAN_FOLDER_UNAVAILABLE');
        const folder = await ctx.chooseFolder('careplan-export');
        if (!folder) return { names: [], channel: 'folder' as const, html: null, ledgerIds: [] };
        writeUnitToFolder(folder, unit.files);
        const ids = unit.files.map((f) => {
          const m = fileToModel(parseCarePlanFile(f.name, f.bytes, { now: at }));
          return state.ledger().record({
            direction: 'sent',
            partner,
            fileName: f.name,
            kind: f.kind,
            month: monthInName(f.kind) ? month : null,
            sequence,
            body: f.bytes,
            // 'queued' without an outbox job reads アップロード待ち until staff mark the files uploaded.
            state: 'queued',
            staffId: staff.staffId,
            subjects: m.ok ? subjectsOf(m.value) : [],
          }).id;
        });
        ctx.log.info('careplan.exported_folder', { files: unit.files.length });
        ctx.audit().record({
          staffId: staff.staffId,
          action: 'export',
          subject: { kind: 'office', value: partner.office },
          detail: { careplan: 'FOLDER', files: unit.files.length },
        });
        return { names: unit.files.map((f) => f.name), channel: 'folder' as const, html: null, ledgerIds: ids };
      }
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
            return state.ledger().record({
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
  };
}
