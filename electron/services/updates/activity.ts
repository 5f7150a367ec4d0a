import type { SqliteDb } from '../store';
import type { BusyState } from './restart-guard';

// Tracks from the IPC calls whether a card check or a send is in progress, for the update-restart guard. A card
// check spans several calls (card.begin → the client types the PIN → card.submitPin / card.visual): it stays open
// from a successful card.begin until a check call succeeds (the person is shown), card.cancel, or CARD_CHECK_IDLE_MS
// without any check call (staff walked away). A wrong PIN keeps it open. A send is in progress while a sending call
// runs, or while the outbox reports a job being sent.

export const CARD_CHECK_IDLE_MS = 5 * 60_000;

const CARD_BEGIN = 'card.begin';
const CARD_FINISH = new Set(['card.submitPin', 'card.visual']);
const CARD_CANCEL = 'card.cancel';
const SENDING = new Set(['outbox.retryNow', 'reception.approve']);

export interface ActivityTracker {
  /** Wraps a dispatcher-shaped function (first argument: the call name; resolves to a `{ ok }` result). */
  wrap<A extends unknown[], R>(
    dispatch: (name: string, ...rest: A) => Promise<R>,
  ): (name: string, ...rest: A) => Promise<R>;
  state(): BusyState;
  /**
   * Called after each card-check or sending call ends, so a deferred restart can be retried at once (the listener
   * checks state() itself; state() may query the outbox, so it is not computed for every call).
   */
  onSettled(listener: () => void): void;
}

export function createActivityTracker(
  options: { now?: () => number; outboxSending?: () => boolean } = {},
): ActivityTracker {
  const now = options.now ?? Date.now;
  let cardCalls = 0;
  let sendCalls = 0;
  let cardActiveAt: number | null = null;
  const settledListeners: Array<() => void> = [];

  const state = (): BusyState => {
    const cardOpen = cardActiveAt !== null && now() - cardActiveAt < CARD_CHECK_IDLE_MS;
    let outbox = false;
    try {
      outbox = options.outboxSending?.() ?? false;
    } catch {
      outbox = false; // no records database yet: nothing can be sending
    }
    return { cardCheckInProgress: cardCalls > 0 || cardOpen, sendInProgress: sendCalls > 0 || outbox };
  };

  return {
    wrap(dispatch) {
      return async (name, ...rest) => {
        const card = name === CARD_BEGIN || name === CARD_CANCEL || CARD_FINISH.has(name);
        const send = SENDING.has(name);
        if (card) cardCalls++;
        if (send) sendCalls++;
        let ok = false;
        try {
          const result = await dispatch(name, ...rest);
          ok = (result as { ok?: unknown } | null)?.ok === true;
          return result;
        } finally {
          if (name === CARD_CANCEL || (CARD_FINISH.has(name) && ok)) cardActiveAt = null;
          else if (name === CARD_BEGIN) cardActiveAt = ok ? now() : null;
          else if (card && cardActiveAt !== null) cardActiveAt = now(); // a wrong PIN: still at the counter
          if (card) cardCalls--;
          if (send) sendCalls--;
          if (card || send) for (const listener of settledListeners) listener();
        }
      };
    },
    state,
    onSettled(listener) {
      settledListeners.push(listener);
    },
  };
}

/** Whether the outbox has a job being sent right now (records database, table outbox). */
export function outboxSendingProbe(records: () => Pick<SqliteDb, 'get'>): () => boolean {
  return () => records().get(`SELECT 1 AS one FROM outbox WHERE state = 'sending' LIMIT 1`) !== undefined;
}
