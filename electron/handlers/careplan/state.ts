import {
  fileToModel,
  parseCarePlanFile,
  subjectsOf,
  type CarePlanBook,
  type CarePlanFile,
  type ModelFile,
  type OfficeRef,
} from '../../services/careplan';
import { createLedger, type Ledger } from '../../services/ledger';
import { createPartnerBook, type PartnerBook } from '../../services/partners';
import type { Staff } from '../../services/session';
import { TRAINING_OFFICES } from '../../training/server';
import type { AppContext } from '../context';
import { createBookCache } from './book-cache';
import { droppedFiles, type DroppedFiles } from './dropped';

// What the care-plan handler files share: the ledger and partner book (opened lazily on the records store), the
// office's own reference, receiving a file into the ledger, and the plans held. The ledger keeps every file and is the
// source of the plans shown: built from its files in ascending ファイル連番 and kept up to date by ./book-cache.ts.

export const TRAINING_NOTICE = '練習モード — 実在の利用者ではありません';

export interface CarePlanState {
  training(): boolean;
  /** Dropped or chosen files held in main behind tokens. */
  dropped: DroppedFiles;
  ledger(): Ledger;
  partners(staff: Staff): PartnerBook;
  /** Partner name for an office + service (the book first, then the training offices); '' when unknown. */
  partnerName(staff: Staff): (office: string, service: string) => string;
  ownOffice(staff: Staff): OfficeRef;
  /** Records a received file and imports it: 取込済 or 取込エラー. Returns whether it was new and imported. */
  receive(name: string, bytes: Uint8Array, staff: Staff): { fresh: boolean; imported: boolean; read: CarePlanFile };
  /** The plans held: every sent or imported file of the ledger, applied in ascending ファイル連番 (cached). */
  book(): { book: CarePlanBook; files: readonly ModelFile[] };
}

export function carePlanState(ctx: AppContext): CarePlanState {
  const training = () => ctx.runtime.mode === 'training';
  let ledger: Ledger | null = null;
  let partners: PartnerBook | null = null;
  const getLedger = () => (ledger ??= createLedger({ db: () => ctx.store().records(), clock: ctx.clock }));

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
  const books = createBookCache({
    ledger: getLedger,
    scope: () => ({ db: ctx.store().records(), office: ctx.offices.active()?.officeNumber ?? null }),
    clock: ctx.clock,
  });
  ctx.onClose(() => books.invalidate());

  return {
    training,
    dropped: droppedFiles(),
    ledger: getLedger,
    partners: getPartners,
    partnerName(staff) {
      const list = getPartners(staff).list();
      return (office, service) =>
        list.find((p) => p.office === office && p.service === service)?.name ??
        TRAINING_OFFICES.find((o) => o.officeNumber === office)?.officeName ??
        '';
    },
    ownOffice(staff) {
      const t = TRAINING_OFFICES.find((o) => o.officeNumber === staff.officeNumber);
      const c = ctx.runtime.config?.offices.find((o) => o.officeNumber === staff.officeNumber);
      return { office: staff.officeNumber, service: t?.serviceType ?? c?.serviceType ?? '43' };
    },
    receive(name, bytes, staff) {
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
    },
    book: () => books.book(),
  };
}
