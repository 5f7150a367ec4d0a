import type { AppStatus } from './contract';
import type { TrainingServer } from './training/server';
import type { EventHub } from './events';
import { createDispatcher, type Dispatch, type Handlers } from './ipc';
import type { AuditLog } from './services/audit';
import type { Runtime } from './services/config';
import type { ConnectivityMachine } from './services/connectivity';
import type { Store } from './services/store';
import type { Vault } from './services/vault';
import { createAppContext, type AppOptions } from './handlers/context';
import { sessionHandlers } from './handlers/session';
import { eligibilityHandlers } from './handlers/eligibility';
import { outageListHandlers } from './handlers/outage-lists';
import { paperHandlers } from './handlers/paper';
import { personTabHandlers } from './handlers/person-tabs';
import { cardHandlers } from './handlers/card';
import { trainingHandlers } from './handlers/training';
import { certificateHandlers } from './handlers/certificate';
import { officeHandlers } from './handlers/office';
import { receptionFeature } from './handlers/reception';
import { outboxRuntime, type OutboxRuntime } from './handlers/outbox';
import { setupHandlers } from './handlers/setup';
import { careplanRuntime } from './handlers/careplan';

// The composition root. Electron's main.ts, the CLI and the e2e harness all build the app here, so every entry
// point runs the same services with the same validation. Services are created lazily (handlers/context.ts): a CLI
// command opens only what it uses, and `status` works without a keychain, reader or network. Each feature's
// handlers live in handlers/<feature>.ts; this file only merges them.

export { currentHost, type AppOptions } from './handlers/context';

export interface KaigoApp {
  readonly runtime: Runtime;
  readonly handlers: Handlers;
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  getStatus(): AppStatus;
  readonly connectivity: ConnectivityMachine;
  /** The in-process training backend (練習モード only; null otherwise), e.g. for the e2e harness to stage a scenario. */
  trainingBackend(): Promise<TrainingServer | null>;
  /** Opened on first use; throw KaigoError (KEYCHAIN_UNAVAILABLE, CONFIG_INVALID, STORE_*) when they cannot open. */
  vault(): Vault;
  store(): Store;
  audit(): AuditLog;
  close(): Promise<void>;
}

export async function createApp(options: AppOptions = {}): Promise<KaigoApp> {
  const ctx = await createAppContext(options);
  const card = cardHandlers(ctx);
  const careplan = careplanRuntime(ctx);
  // The app's one outbox: every feature that sends brings the senders of its job kinds.
  let outbox: OutboxRuntime | null = null;
  const reception = receptionFeature(ctx, () => outbox!);
  outbox = outboxRuntime(ctx, { ...reception.senders, ...careplan.senders });
  const handlers: Handlers = {
    'app.getStatus': () => ctx.getStatus(),
    ...sessionHandlers(ctx),
    ...eligibilityHandlers(ctx),
    ...outageListHandlers(ctx, careplan.plannedVisits),
    ...paperHandlers(ctx),
    ...personTabHandlers(ctx),
    ...card.handlers,
    ...trainingHandlers(ctx, async () => (await card.readerStatus()).selected),
    ...certificateHandlers(ctx),
    ...officeHandlers(ctx),
    ...outbox.handlers,
    ...reception.handlers,
    ...setupHandlers(ctx, card.readerStatus),
    ...careplan.handlers,
  };

  return {
    runtime: ctx.runtime,
    handlers,
    dispatch: createDispatcher(handlers, ctx.log),
    events: ctx.events,
    getStatus: ctx.getStatus,
    connectivity: ctx.connectivity,
    trainingBackend: async () => (ctx.runtime.mode === 'training' ? (await ctx.backend()).training : null),
    vault: ctx.vault,
    store: ctx.store,
    audit: ctx.audit,
    async close() {
      card.cancel();
      await ctx.close();
    },
  };
}
