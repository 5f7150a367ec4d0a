import fs from 'node:fs';
import path from 'node:path';
import type { OutageList, OutageListId } from '../contract';
import { isoDate, OUTAGE_SCREEN_ROWS, toJapanTime } from '../contract';
import { KaigoError } from '../services/errors';
import {
  noPlannedVisits,
  outageList,
  outageListCsv,
  outageListFileName,
  outageLists,
  type PlannedVisitSource,
} from '../services/outage-lists';
import type { Staff } from '../services/session';
import type { AppContext } from './context';
import { cachedReader } from './eligibility';
import type { HandlerGroup } from './group';

// Outage lists (issue 7): read from the cache within the office's scope, so they work offline (requireStaff, not an
// online login). Printing happens in the renderer (window.print); the print and the CSV export are audited with
// counts only. The CSV is written here, in main, to a file staff chose in the main-process save dialog.

const TRAINING_NOTICE = '練習モード — 実在の利用者ではありません';

export function outageListHandlers(
  ctx: AppContext,
  /** Today's 第6表 予定 (the care-plan store, when it exists). */
  planned: PlannedVisitSource = noPlannedVisits,
): HandlerGroup<'lists.outage' | 'lists.exportCsv' | 'lists.printed'> {
  const read = (staff: Staff, id: OutageListId): OutageList =>
    outageList(ctx.store().cache(), id, { officeNumber: staff.officeNumber, now: ctx.clock(), planned });

  return {
    'lists.outage': async () => {
      const staff = await cachedReader(ctx);
      const now = ctx.clock();
      const lists = outageLists(ctx.store().cache(), { officeNumber: staff.officeNumber, now, planned });
      ctx.audit().record({
        staffId: staff.staffId,
        action: 'view',
        detail: { list: 'OUTAGE', rows: lists.reduce((n, l) => n + l.rows.length, 0) },
      });
      return {
        generatedAt: now.toISOString(),
        today: isoDate(toJapanTime(now)),
        training: ctx.runtime.mode === 'training',
        // The screen's share of very long lists; printing and CSV read the whole list again in main.
        lists: lists.map((l) => ({ ...l, rows: l.rows.slice(0, OUTAGE_SCREEN_ROWS) })),
      };
    },
    'lists.printed': async ({ list }) => {
      const staff = await cachedReader(ctx);
      // What the print shows: the screen's rows (at most OUTAGE_SCREEN_ROWS).
      const rows = Math.min(read(staff, list).rows.length, OUTAGE_SCREEN_ROWS);
      ctx.audit().record({
        staffId: staff.staffId,
        action: 'print',
        detail: { list: list.toUpperCase().replace(/-/g, '_'), rows },
      });
      return { staffId: staff.staffId, printedAt: ctx.clock().toISOString(), rows };
    },
    'lists.exportCsv': async ({ list }) => {
      const staff = await cachedReader(ctx);
      if (!ctx.chooseSaveFile) throw new KaigoError('LISTS_SAVE_UNAVAILABLE');
      const data = read(staff, list);
      const today = isoDate(toJapanTime(ctx.clock()));
      const file = await ctx.chooseSaveFile({ defaultName: outageListFileName(data, today), kind: 'csv' });
      if (!file) return { saved: false, rows: 0, fileName: null };
      const csv = outageListCsv(data, ctx.runtime.mode === 'training' ? TRAINING_NOTICE : undefined);
      // Written to a temporary name first, so a failed write never leaves half a file under the chosen name.
      const partial = `${file}.partial`;
      try {
        fs.writeFileSync(partial, csv, { encoding: 'utf8', mode: 0o600 });
        fs.renameSync(partial, file);
      } catch (err) {
        fs.rmSync(partial, { force: true });
        ctx.log.warn('lists.export-failed', { code: (err as NodeJS.ErrnoException).code ?? 'UNKNOWN' });
        throw new KaigoError('LISTS_EXPORT_FAILED', 'write failed');
      }
      ctx.audit().record({
        staffId: staff.staffId,
        action: 'export',
        detail: { list: list.toUpperCase().replace(/-/g, '_'), rows: data.rows.length },
      });
      return { saved: true, rows: data.rows.length, fileName: path.basename(file) };
    },
  };
}
