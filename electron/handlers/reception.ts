import {
  counterCard,
  receptionRecords,
  rerunReception,
  RECHECK_JOB_KIND,
  type ReceptionRecords,
} from '../services/reception';
import type { JobSender } from '../services/outbox';
import type { AppContext } from './context';
import type { HandlerGroup } from './group';
import type { OutboxRuntime } from './outbox';
import { paperOf, servedAtCounter } from './paper';

// 障害時受付 (UX.md rule 9): while the service cannot answer, the counter writes down who came and what the paper
// 証 says; the entry is saved to records and its re-run check queued in the outbox. When the service answers again
// the outbox re-runs the check through the kiban client, and the differences wait for a staff decision — nothing is
// overwritten silently. The re-run is one job kind of the app's one outbox (app.ts builds it from every feature's
// senders).

type ReceptionCalls = 'reception.save' | 'reception.list' | 'reception.approve' | 'reception.reject';

export interface ReceptionFeature {
  handlers: HandlerGroup<ReceptionCalls>;
  senders: Record<string, JobSender>;
}

export function receptionFeature(ctx: AppContext, outbox: () => OutboxRuntime): ReceptionFeature {
  let records: ReceptionRecords | null = null;
  const getRecords = () =>
    (records ??= receptionRecords({
      db: () => ctx.store().records(),
      outbox: () => outbox().outbox(),
      clock: ctx.clock,
    }));

  const senders: Record<string, JobSender> = {
    [RECHECK_JOB_KIND]: async (job) => {
      const { receptionId } = job.payload as { receptionId: number };
      const client = await ctx.kiban();
      await rerunReception(
        getRecords(),
        receptionId,
        (key) => ctx.observed(() => client.fetchEligibility(key)),
        ctx.clock,
      );
    },
  };

  const decide = (id: number, decision: 'approved' | 'rejected') => {
    const staff = ctx.requireStaff();
    // Rejecting the service's differences keeps what the counter wrote down, as the client's own statement:
    // 申立（未確認） (paper source 'declaration'), in the same transaction as the decision. The form has no 適用期間 for
    // the burden ratio, so only the insured card is kept.
    const { entry, declaration } = ctx
      .store()
      .records()
      .transaction(() => {
        const decided = getRecords().decide(id, decision, staff.staffId);
        const kept =
          decision === 'rejected'
            ? paperOf(ctx).enter({
                kind: 'insured-card',
                body: counterCard(decided.form),
                source: 'declaration',
                staffId: staff.staffId,
              })
            : null;
        return { entry: decided, declaration: kept };
      });
    if (declaration) {
      servedAtCounter(ctx, staff, declaration.personKey, declaration.body);
      ctx.audit().record({
        staffId: staff.staffId,
        action: 'paper-entry',
        subject: { kind: 'person', value: declaration.personKey },
        detail: { kind: 'INSURED-CARD', source: 'DECLARATION' },
      });
    }
    // Staff looked at the person's differences and decided; the decision is the code.
    ctx.audit().record({
      staffId: staff.staffId,
      action: 'reception',
      subject: { kind: 'person', value: entry.personKey },
      detail: { reception: decision.toUpperCase(), differences: entry.recheck?.differences.length ?? 0 },
    });
    return entry;
  };

  const handlers: HandlerGroup<ReceptionCalls> = {
    'reception.save': ({ form }) => {
      // Reception works offline: an online login or an offline unlock (the send waits for an online login).
      const staff = ctx.requireStaff();
      const entry = getRecords().save(form, staff.staffId);
      ctx.audit().record({
        staffId: staff.staffId,
        action: 'reception',
        subject: { kind: 'person', value: entry.personKey },
        detail: { reception: 'QUEUED' },
      });
      outbox().announce();
      if (!ctx.connectivity.receptionShouldQueue()) void outbox().loop.kick();
      return entry;
    },
    'reception.list': () => {
      ctx.requireStaff();
      return getRecords().list();
    },
    'reception.approve': ({ id }) => decide(id, 'approved'),
    'reception.reject': ({ id }) => decide(id, 'rejected'),
  };
  return { handlers, senders };
}
