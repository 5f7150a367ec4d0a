import fs from 'node:fs';
import path from 'node:path';
import {
  fileSequence,
  fileToModel,
  isModelledKind,
  layoutOf,
  printView,
  subjectsOf,
  validateCarePlanFiles,
  writeSendUnit,
  type ModelFile,
  type OfficeRef,
  type UnitPart,
  type WrittenFile,
} from '../../services/careplan';
import { KaigoError } from '../../services/errors';
import type { Ledger } from '../../services/ledger';
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

/** A written file with the model it was written from (the part in hand, so nothing is parsed back). */
interface SentFile {
  written: WrittenFile;
  model: ModelFile;
}

/** Pairs each written file with its part: writeSendUnit writes one file per part, in order, when it succeeds. */
function sentFiles(
  written: readonly WrittenFile[],
  parts: readonly UnitPart[],
  meta: { sequence: string; sender: OfficeRef; receiver: OfficeRef; month: string | null },
): SentFile[] {
  if (written.length !== parts.length) throw new KaigoError('CAREPLAN_FILES_INVALID', 'unit');
  return written.map((f, i) => {
    const part = parts[i]!;
    const model = {
      file: f.name,
      sequence: meta.sequence,
      sender: meta.sender,
      receiver: meta.receiver,
      ...(monthInName(f.kind) && meta.month ? { month: meta.month } : {}),
      kind: part.kind,
      content: part.content,
    } as ModelFile;
    return { written: f, model };
  });
}

/**
 * Records the files of a send unit in the ledger, one row each: 'queued' for the outbox (with each file's outbox key)
 * or 'awaiting-upload' (アップロード待ち) for the official upload until staff mark it uploaded. Returns the ledger ids.
 */
function recordSentFiles(
  ledger: Ledger,
  files: readonly SentFile[],
  row: {
    partner: Partner;
    staffId: string;
    month: string | null;
    state: 'queued' | 'awaiting-upload';
    outboxKey?: (index: number) => string;
  },
): number[] {
  return files.map(
    ({ written, model }, i) =>
      ledger.record({
        direction: 'sent',
        partner: row.partner,
        fileName: written.name,
        kind: written.kind,
        month: monthInName(written.kind) ? row.month : null,
        sequence: model.sequence,
        body: written.bytes,
        state: row.state,
        staffId: row.staffId,
        ...(row.outboxKey ? { outboxKey: row.outboxKey(i) } : {}),
        subjects: subjectsOf(model),
      }).id,
  );
}

/** How each channel is logged and audited (counts only: no person, no file content). */
const CHANNEL_TRAIL = {
  paper: { event: 'careplan.sent_paper', action: 'print', code: 'PAPER' },
  folder: { event: 'careplan.exported_folder', action: 'export', code: 'FOLDER' },
  training: { event: 'careplan.queued', action: 'send', code: 'QUEUED' },
} as const;

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
      const to = { office: partner.office, service: partner.service };
      const unit = writeSendUnit({ from, to, at, parts });
      if (!unit.ok) throw new KaigoError('CAREPLAN_FILES_INVALID', 'unit');
      const sequence = fileSequence(at);
      const month = parts.find((p) => p.month)?.month ?? null;
      const sent = sentFiles(unit.files, parts, { sequence, sender: from, receiver: to, month });
      const names = unit.files.map((f) => f.name);
      const finish = (channel: keyof typeof CHANNEL_TRAIL, ledgerIds: number[], html: string | null = null) => {
        const trail = CHANNEL_TRAIL[channel];
        ctx.log.info(trail.event, { files: names.length });
        ctx.audit().record({
          staffId: staff.staffId,
          action: trail.action,
          subject: { kind: 'office', value: partner.office },
          detail: { careplan: trail.code, files: names.length },
        });
        return { names, channel, html, ledgerIds };
      };
      if (!partner.exchangesData) {
        // UX.md rule 14: the same plan on paper, recorded as 紙で送付.
        const html = printView({
          plans: parts.flatMap((p) => (p.kind === 'UPPLAN' ? p.content : [])),
          sevenths: parts.flatMap((p) => (p.kind === 'UPSIKYU' ? p.content : [])),
          supplements: parts.flatMap((p) => (p.kind === 'UPHOSOKU' ? p.content : [])),
          // 第1–3表, 介護予防 and deletions have no sheet of their own: printed item by item (補足 too, without a 第6表).
          others: parts.filter((p) =>
            p.kind === 'UPHOSOKU'
              ? !parts.some((q) => q.kind === 'UPPLAN')
              : p.kind !== 'UPPLAN' && p.kind !== 'UPSIKYU',
          ),
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
          subjects: sent.flatMap((f) => subjectsOf(f.model)),
        });
        return finish('paper', [e.id], html);
      }
      // Outside 練習モード the data channel is the official one: files into a folder for the client or browser upload.
      if (via === 'folder' || !state.training()) {
        if (!ctx.chooseFolder) throw new KaigoError('CAREPLAN_FOLDER_UNAVAILABLE');
        const folder = await ctx.chooseFolder('careplan-export');
        if (!folder) return { names: [], channel: 'folder' as const, html: null, ledgerIds: [] };
        writeUnitToFolder(folder, unit.files);
        const ids = recordSentFiles(state.ledger(), sent, {
          partner,
          staffId: staff.staffId,
          month,
          state: 'awaiting-upload',
        });
        return finish('folder', ids);
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
          return recordSentFiles(state.ledger(), sent, {
            partner,
            staffId: staff.staffId,
            month,
            state: 'queued',
            outboxKey: (i) => fileKey(jobKey, i),
          });
        });
      return finish('training', ids);
    },
  };
}
