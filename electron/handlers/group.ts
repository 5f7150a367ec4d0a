import type { CallName } from '../contract/channels';
import type { Handlers } from '../ipc';

/** The handlers of one feature: app.ts merges the groups, and the compiler checks every call has exactly one. */
export type HandlerGroup<K extends CallName> = Pick<Handlers, K>;
