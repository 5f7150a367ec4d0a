import { carePlanVisits, type PlannedVisitSource } from '../../services/outage-lists';
import { CAREPLAN_JOB_KIND, careplanSender } from '../careplan-channel';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../group';
import { exchangeHandlers } from './exchange';
import { ledgerHandlers } from './ledger';
import { partnerHandlers } from './partners';
import { planHandlers } from './plans';
import { sendHandlers } from './send';
import { carePlanState } from './state';

// Care-plan exchange in the app (issue 8): one handler file per job (files in, send, plans, ledger, partners),
// sharing the ledger-backed state of ./state.ts. This file only merges them and hands the app what other features
// need: the outbox senders and today's 第6表 予定 for the outage lists.

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
  | 'careplan.removePartner'
  | 'careplan.importFolder'
  | 'careplan.markUploaded'
  | 'careplan.dropped';

export interface CarePlanRuntime {
  handlers: HandlerGroup<CarePlanCalls>;
  /** Outbox senders of this feature, for the outbox runtime (job kind careplan.files). */
  senders: Record<string, ReturnType<typeof careplanSender>>;
  /** Today's visitors for the outage lists: 第6表 予定 of the plans held (services/outage-lists/planned-visits.ts). */
  plannedVisits: PlannedVisitSource;
}

export function careplanRuntime(ctx: AppContext): CarePlanRuntime {
  const state = carePlanState(ctx);
  return {
    handlers: {
      ...exchangeHandlers(ctx, state),
      ...sendHandlers(ctx, state),
      ...planHandlers(ctx, state),
      ...ledgerHandlers(ctx, state),
      ...partnerHandlers(ctx, state),
    },
    senders: {
      [CAREPLAN_JOB_KIND]: careplanSender({
        session: ctx.session,
        observed: (fn) => ctx.observed(fn),
        ledger: state.ledger,
        log: ctx.log,
      }),
    },
    plannedVisits: carePlanVisits(() => state.book().book.allMonths()),
  };
}
