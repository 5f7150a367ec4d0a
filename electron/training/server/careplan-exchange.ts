import { fileToModel, parseCarePlanFile, writeSendUnit, type ServiceUseTable } from '../../services/careplan';
import type { TrainingDataState } from './data-state';
import { TRAINING_OFFICES, type TrainingOffice } from './seed';

// The training channel for care-plan files (issue 8 §4): the same v4.1 files the official channels carry, exchanged
// between the two training offices (居宅 1370100016 ⇄ 訪問介護 1370100024). Each office has an inbox. The 訪問介護
// office is a small automaton: when a 第6表 予定 arrives, it returns 実績 for its own services on its own — the
// planned visits, except that the last visit of a person with three or more is "cancelled", so that the care
// manager's 予定 vs 実績 comparison has something to show.

export interface InboxFile {
  id: number;
  to: string;
  name: string;
  body: Buffer;
  receivedAt: string;
}

interface Boxes {
  next: number;
  files: InboxFile[];
}

/** Inboxes per server state (kept beside TrainingDataState, which this feature does not change). */
const boxes = new WeakMap<TrainingDataState, Boxes>();

export function inboxesOf(data: TrainingDataState): Boxes {
  let b = boxes.get(data);
  if (!b) {
    b = { next: 1, files: [] };
    boxes.set(data, b);
  }
  return b;
}

export type AcceptRefusal =
  'CAREPLAN_NAME_INVALID' | 'CAREPLAN_SENDER_MISMATCH' | 'CAREPLAN_RECEIVER_UNKNOWN' | 'CAREPLAN_FILE_INVALID';

/** Files arriving from `from`: checked like the official channel would, stored in the receiver's inbox. */
export function acceptFile(
  data: TrainingDataState,
  from: TrainingOffice,
  name: string,
  body: Buffer,
  now: Date,
): { ok: true; id: number } | { ok: false; code: AcceptRefusal; errors?: number } {
  const read = parseCarePlanFile(name, body, { now });
  if (!read.name) return { ok: false, code: 'CAREPLAN_NAME_INVALID' };
  if (read.name.sender.office !== from.officeNumber || read.name.sender.service !== from.serviceType)
    return { ok: false, code: 'CAREPLAN_SENDER_MISMATCH' };
  const to = TRAINING_OFFICES.find(
    (o) => o.officeNumber === read.name!.receiver.office && o.officeNumber !== from.officeNumber,
  );
  if (!to) return { ok: false, code: 'CAREPLAN_RECEIVER_UNKNOWN' };
  if (read.counts.error > 0) return { ok: false, code: 'CAREPLAN_FILE_INVALID', errors: read.counts.error };
  const b = inboxesOf(data);
  const id = b.next++;
  b.files.push({ id, to: to.officeNumber, name: read.file, body, receivedAt: now.toISOString() });
  if (to.serviceType === '11' && read.kind === 'UPPLAN') returnActuals(data, to, from, read, now);
  return { ok: true, id };
}

/** 実績 of the 訪問介護 office for a 第6表 予定 it received (only its own planned services). */
function returnActuals(
  data: TrainingDataState,
  self: TrainingOffice,
  careManager: TrainingOffice,
  read: ReturnType<typeof parseCarePlanFile>,
  now: Date,
): void {
  const m = fileToModel(read);
  if (!m.ok || m.value.kind !== 'UPPLAN') return;
  const createdOn = japanDate(now);
  const actuals: ServiceUseTable[] = [];
  for (const t of m.value.content) {
    const own = t.items.filter((i) => i.provider === self.officeNumber);
    const done = own.length >= 3 ? own.slice(0, -1) : own;
    if (done.length === 0) continue;
    actuals.push({
      ...t,
      createdOn,
      items: done.map(({ overrides: _unused, ...i }) => ({ ...i, updatedBy: self.officeNumber })),
    });
  }
  if (actuals.length === 0) return;
  // One second later than the 予定, so the 実績 has its own ファイル連番.
  const unit = writeSendUnit({
    from: { office: self.officeNumber, service: self.serviceType },
    to: { office: careManager.officeNumber, service: careManager.serviceType },
    at: new Date(now.getTime() + 1000),
    parts: [{ kind: 'UPJSK', month: m.value.month ?? actuals[0]!.month, content: actuals }],
  });
  if (!unit.ok) return;
  const b = inboxesOf(data);
  for (const f of unit.files)
    b.files.push({
      id: b.next++,
      to: careManager.officeNumber,
      name: f.name,
      body: Buffer.from(f.bytes),
      receivedAt: now.toISOString(),
    });
}

function japanDate(at: Date): string {
  const j = new Date(at.getTime() + 9 * 60 * 60 * 1000);
  return j.toISOString().slice(0, 10).replaceAll('-', '');
}

/** Files waiting for an office, after an id. */
export function inboxFor(data: TrainingDataState, office: string, after: number): InboxFile[] {
  return inboxesOf(data).files.filter((f) => f.to === office && f.id > after);
}
