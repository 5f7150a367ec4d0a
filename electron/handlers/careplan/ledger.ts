import fs from 'node:fs';
import { isoDate, toJapanTime } from '../../contract/time';
import type { LedgerEntryView } from '../../contract';
import { isModelledKind, layoutOf } from '../../services/careplan';
import { KaigoError } from '../../services/errors';
import { ledgerCsv, ledgerStateLabel, type LedgerEntry } from '../../services/ledger';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../group';
import { TRAINING_NOTICE, type CarePlanState } from './state';

// The send/receive ledger (UX.md rule 14): every file sent or received, and its CSV export for inspections.

const kindTitle = (kind: string) => (isModelledKind(kind) ? layoutOf(kind).title : kind);

function entryView(e: LedgerEntry, name: (o: string, s: string) => string): LedgerEntryView {
  return {
    id: e.id,
    direction: e.direction,
    partnerOffice: e.partnerOffice,
    partnerService: e.partnerService,
    partnerName: name(e.partnerOffice, e.partnerService),
    fileName: e.fileName,
    kind: e.kind,
    kindTitle: kindTitle(e.kind),
    month: e.month,
    sequence: e.sequence,
    sha256: e.sha256,
    bytes: e.bytes,
    state: e.state,
    stateLabel: ledgerStateLabel(e),
    superseded: e.superseded,
    awaitingUpload: e.awaitingUpload,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export function ledgerHandlers(
  ctx: AppContext,
  state: CarePlanState,
): HandlerGroup<'careplan.ledger' | 'careplan.ledgerExport' | 'careplan.markUploaded'> {
  return {
    'careplan.ledger': () => {
      const staff = ctx.requireStaff();
      const name = state.partnerName(staff);
      return {
        entries: state
          .ledger()
          .list()
          .map((e) => entryView(e, name)),
        training: state.training(),
      };
    },
    'careplan.ledgerExport': async () => {
      const staff = ctx.requireStaff();
      if (!ctx.chooseSaveFile) throw new KaigoError('LISTS_SAVE_UNAVAILABLE');
      const today = isoDate(toJapanTime(ctx.clock())).replaceAll('-', '');
      const file = await ctx.chooseSaveFile({ defaultName: `ケアプラン送受信台帳_${today}.csv`, kind: 'csv' });
      if (!file) return { saved: false };
      const csv = ledgerCsv(
        state.ledger().list(),
        state.partnerName(staff),
        kindTitle,
        state.training() ? TRAINING_NOTICE : undefined,
      );
      try {
        fs.writeFileSync(file, csv, 'utf8');
      } catch {
        throw new KaigoError('LISTS_EXPORT_FAILED');
      }
      ctx.audit().record({ staffId: staff.staffId, action: 'export', detail: { careplan: 'LEDGER' } });
      return { saved: true };
    },
    // Staff uploaded the written files with the official client or browser: アップロード待ち → 送信済. All or none.
    'careplan.markUploaded': ({ ids }) => {
      const staff = ctx.requireStaff();
      const updated = state.ledger().markUploaded(ids).length;
      ctx.log.info('careplan.marked_uploaded', { files: updated });
      ctx.audit().record({
        staffId: staff.staffId,
        action: 'send',
        detail: { careplan: 'UPLOADED', files: updated },
      });
      return { updated };
    },
  };
}
