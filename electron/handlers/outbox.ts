import { createDeliveryClient, type DeliveryClient } from '../services/kiban';
import {
  createDeliveryLoop,
  createOutbox,
  createTransport,
  type DeliveryLoop,
  type JobSender,
  type Outbox,
} from '../services/outbox';
import type { AppContext } from './context';
import type { HandlerGroup } from './group';

// The outbox in the running app (DESIGN.md §5): one durable queue in the records database, a delivery loop that
// sends while a staff member is logged in online (sends wait for an online login), the 送信待ち list for the screen
// and a count for the banner. Local job kinds (the 障害時受付 re-run) plug in their own senders.

export interface OutboxRuntime {
  handlers: HandlerGroup<'outbox.list' | 'outbox.retryNow'>;
  outbox(): Outbox;
  loop: DeliveryLoop;
  /** Tells the window how many jobs wait (after a change). */
  announce(): void;
}

export function outboxRuntime(ctx: AppContext, senders: Readonly<Record<string, JobSender>>): OutboxRuntime {
  let outbox: Outbox | null = null;
  const getOutbox = () => (outbox ??= createOutbox({ db: () => ctx.store().records(), clock: ctx.clock }));
  const deliveries = async (): Promise<DeliveryClient> => createDeliveryClient(await ctx.session());

  const transport = createTransport({
    senders,
    deliver: async (job) => {
      const client = await deliveries();
      await ctx.observed(() =>
        client.send({ kind: job.kind, payload: job.payload, idempotencyKey: job.idempotencyKey }),
      );
    },
    known: async (keys) => {
      const client = await deliveries();
      return ctx.observed(() => client.known(keys));
    },
  });

  const queued = (): number => {
    const c = getOutbox().counts();
    return c.pending + c.sending + c.ambiguous;
  };
  const announce = () => {
    const n = ctx.withVault(queued);
    if (n !== null) ctx.events.emit('outbox.changed', { queued: n });
  };

  const loop = createDeliveryLoop({
    outbox: getOutbox,
    transport,
    canSend: () => ctx.openedSession()?.state().phase === 'logged-in',
    retryDelayMs: () => ctx.connectivity.nextRetryDelayMs(),
    onPass: (report) => {
      if (report.delivered + report.failed + report.ambiguous + report.confirmedBefore > 0) announce();
    },
    onError: (err) => ctx.log.warn('outbox.pass_failed', { code: (err as { code?: string }).code ?? 'INTERNAL' }),
  });
  // The service answering again is the moment to send what waited.
  ctx.events.subscribe('connectivity.changed', ({ connectivity }) => {
    if (connectivity === 'online' || connectivity === 'degraded') void loop.kick();
  });
  loop.start();

  return {
    outbox: getOutbox,
    loop,
    announce,
    handlers: {
      'outbox.list': () => {
        ctx.requireStaff();
        const snapshot = ctx.connectivity.snapshot();
        const unavailable = ['offline', 'outage', 'certificate'].includes(snapshot.connectivity);
        return {
          jobs: getOutbox()
            .list()
            .map(({ idempotencyKey: _key, ...job }) => job),
          queued: queued(),
          unavailableSince: unavailable ? snapshot.since : null,
        };
      },
      'outbox.retryNow': async () => {
        ctx.requireOnlineStaff();
        const report = await loop.kick();
        return { delivered: (report?.delivered ?? 0) + (report?.confirmedBefore ?? 0), queued: queued() };
      },
    },
  };
}
