import path from 'node:path';
import { isoDate, toJapanTime } from '../../contract/time';
import { samplePlanUnit, validateCarePlanFiles, writeSendUnit } from '../../services/careplan';
import { KaigoError } from '../../services/errors';
import type { Staff } from '../../services/session';
import { TRAINING_OFFICES } from '../../training/server';
import { fetchInbox } from '../careplan-channel';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../group';
import { readDownloadFolder } from './folder';
import { fileReport } from './reports';
import type { CarePlanState } from './state';

// Files coming in: validation and import of dropped or chosen files, of a download folder of the official channel
// (every file recorded in the ledger), the training inbox, and a sample plan unit for practising in 練習モード.

export function exchangeHandlers(
  ctx: AppContext,
  state: CarePlanState,
): HandlerGroup<
  | 'careplan.validate'
  | 'careplan.dropped'
  | 'careplan.import'
  | 'careplan.importFolder'
  | 'careplan.inbox'
  | 'careplan.trainingPlan'
> {
  /** Validates the files together (send units), then records each named file in the ledger and imports it. */
  const importFiles = (staff: Staff, files: readonly { name: string; bytes: Uint8Array }[]) => {
    const read = validateCarePlanFiles(files, { now: ctx.clock() });
    let imported = 0;
    let failed = 0;
    for (const [i, f] of files.entries()) {
      if (!read[i]!.name) {
        failed++;
        continue;
      }
      const r = state.receive(f.name, f.bytes, staff);
      if (r.imported) imported++;
      else if (read[i]!.counts.error > 0) failed++;
    }
    ctx.log.info('careplan.imported', { imported, failed });
    ctx.audit().record({ staffId: staff.staffId, action: 'view', detail: { careplan: 'IMPORTED', imported, failed } });
    return { report: { files: read.map(fileReport) }, imported, failed };
  };

  return {
    'careplan.validate': ({ files }) => {
      ctx.requireStaff();
      return { files: validateCarePlanFiles(state.dropped.resolve(files), { now: ctx.clock() }).map(fileReport) };
    },
    'careplan.import': ({ files }) => {
      const staff = ctx.requireStaff();
      return importFiles(staff, state.dropped.resolve(files));
    },
    'careplan.dropped': ({ paths }) => {
      ctx.requireStaff();
      const r = state.dropped.take(paths);
      ctx.log.info('careplan.dropped', { files: r.files.length, refused: r.refused.length });
      return r;
    },
    'careplan.importFolder': async () => {
      const staff = ctx.requireStaff();
      if (!ctx.chooseFolder) throw new KaigoError('CAREPLAN_FOLDER_UNAVAILABLE');
      const folder = await ctx.chooseFolder('careplan-import');
      if (!folder) return { folder: null, report: { files: [] }, imported: 0, failed: 0, skipped: 0 };
      const { files, skipped } = readDownloadFolder(folder);
      return { folder: path.basename(folder), ...importFiles(staff, files), skipped };
    },
    'careplan.inbox': async () => {
      const staff = ctx.requireOnlineStaff();
      if (!state.training()) throw new KaigoError('TRAINING_ONLY');
      const files = await fetchInbox({ session: ctx.session, observed: (fn) => ctx.observed(fn) });
      let received = 0;
      let imported = 0;
      for (const f of files) {
        const r = state.receive(f.name, f.bytes, staff);
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
      if (!state.training()) throw new KaigoError('TRAINING_ONLY');
      const server = (await ctx.backend()).training!;
      const person =
        server.data.data.persons.find((p) => /^2[1-5]$/.test(p.insuredCard.careLevel ?? '')) ??
        server.data.data.persons[0]!;
      const j = toJapanTime(ctx.clock());
      const next = j.month === 12 ? { y: j.year + 1, m: 1 } : { y: j.year, m: j.month + 1 };
      const month = `${next.y}${String(next.m).padStart(2, '0')}`;
      const from = state.ownOffice(staff);
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
  };
}
