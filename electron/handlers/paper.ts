import type { PaperFormKind } from '../contract/paper';
import { markServedAtCounter, personsRepository, type SnapshotBodies } from '../services/cache';
import type { Staff } from '../services/session';
import { freshness } from '../services/deadlines';
import { paperRecords, parsePaperForm, type PaperRecords } from '../services/paper';
import { personDetail } from '../services/views';
import type { AppContext } from './context';
import type { HandlerGroup } from './group';

// Paper is a main path (UX.md rule 6): hand-entered 被保険者証, 負担割合証 and 負担限度額認定証, saved to the records
// database with source 「紙で確認」 and the staff member, audited. Works offline: the counter keeps going when the
// service cannot answer, which is exactly when paper is needed.

/** Audit codes per kind (upper-case, no personal data). */
const KIND_CODE: Record<PaperFormKind, string> = {
  'insured-card': 'INSURED-CARD',
  'burden-ratio': 'BURDEN-RATIO',
  'burden-limit': 'BURDEN-LIMIT',
};

/** The paper records of this PC (records database, opened on first use). */
export const paperOf = (ctx: AppContext): PaperRecords => paperRecords(() => ctx.store().records(), ctx.clock);

/**
 * A person whose 証 was entered at this office's counter is served by this office (cache/served.ts), so 利用者 finds
 * them. With an insured card, the lookup row is added; a row from the service is kept as is (its name is the
 * service's, e.g. with ●: UX.md rule 8).
 */
export function servedAtCounter(
  ctx: AppContext,
  staff: Staff,
  personKey: string,
  card: SnapshotBodies['insured-card'] | null,
): void {
  const cache = ctx.store().cache();
  cache.transaction(() => {
    const persons = personsRepository(() => cache);
    if (card && !persons.get(personKey)) persons.upsertFromCard(card, ctx.clock());
    markServedAtCounter(cache, staff.officeNumber, personKey);
  });
}

export function paperHandlers(ctx: AppContext): HandlerGroup<'paper.save' | 'paper.list'> {
  return {
    'paper.save': ({ kind, fields }) => {
      const staff = ctx.requireStaff();
      const form = parsePaperForm(kind, fields);
      if (!form.ok) return { saved: false, problems: form.problems };
      const paper = paperOf(ctx);
      const entry = paper.enter({ kind, body: form.body, source: 'paper', staffId: staff.staffId });
      const card = entry.kind === 'insured-card' ? (entry.body as SnapshotBodies['insured-card']) : null;
      servedAtCounter(ctx, staff, entry.personKey, card);
      ctx.audit().record({
        staffId: staff.staffId,
        action: 'paper-entry',
        subject: { kind: 'person', value: entry.personKey },
        detail: { kind: KIND_CODE[kind], source: 'PAPER' },
      });
      return {
        saved: true,
        personKey: entry.personKey,
        enteredAt: entry.enteredAt,
        detail: personDetail(ctx.store().cache(), entry.personKey, ctx.clock(), ctx.freshnessHours, 'found', paper),
      };
    },
    'paper.list': ({ personKey }) => {
      ctx.requireStaff();
      const paper = paperOf(ctx);
      const entries = personKey ? paper.list(personKey).slice(0, 200) : paper.recent(50);
      return entries.map((e) => ({
        id: e.id,
        personKey: e.personKey,
        kind: e.kind,
        source: e.source,
        enteredAt: e.enteredAt,
        enteredBy: e.enteredBy,
        validFrom: e.validFrom,
        validTo: e.validTo,
        freshness: freshness(
          { confirmedAt: new Date(e.enteredAt), validTo: e.validTo, burdenRatio: e.kind === 'burden-ratio' },
          ctx.clock(),
          ctx.freshnessHours,
        ),
        body: e.body as Record<string, unknown>,
      }));
    },
  };
}
