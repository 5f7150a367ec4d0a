import type { Pcsc } from '../../../native/pcsc';
import { CardError } from './card-error';
import { runCardCheck, type CardCheckResult } from './jpki-client';
import { chooseReader, openCardSession } from './reader-session';

// The PIN check at the counter in two steps, on one card session (UX.md rule 3): `begin` reads the card up to the
// tries-left query and stops, so the screen shows 「残り n 回」 before the client types; `submitPin` sends the PIN
// (at one try left only with staff confirmation) and finishes the signature. Still 16 APDUs in all (CARD.md §2).

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface CounterCheckOptions {
  pcsc: () => Promise<Pcsc>;
  /** The reader chosen by the user or the configuration, if any (asked at each check: it may change). */
  readerName?: () => string | undefined;
}

interface Pending {
  nonceId: string;
  triesLeft: number;
  pin: Deferred<string>;
  running: Promise<CardCheckResult>;
}

export interface CounterCheck {
  /** Starts a PIN check: returns the tries left once known. Locked or PIN-less cards fail here, before any VERIFY. */
  begin(challenge: { nonceId: string; nonce: Buffer }): Promise<{ triesLeft: number }>;
  /** Sends the client's PIN; resolves with the signed proof. */
  submitPin(pin: string, confirmLastTry: boolean): Promise<{ nonceId: string; result: CardCheckResult }>;
  /** A visual check in one go (certificate only; no PIN, no signature). */
  visual(): Promise<CardCheckResult>;
  cancel(): void;
}

export function createCounterCheck(options: CounterCheckOptions): CounterCheck {
  let pending: Pending | null = null;

  const open = async () => {
    const pcsc = await options.pcsc();
    const { reader } = chooseReader(pcsc, options.readerName?.());
    return openCardSession(pcsc, reader);
  };

  const cancel = () => {
    const p = pending;
    pending = null;
    if (p) {
      p.running.catch(() => undefined);
      p.pin.reject(new CardError('CARD_PIN_INVALID', 'check cancelled'));
    }
  };

  return {
    async begin({ nonceId, nonce }) {
      cancel();
      const session = await open();
      const tries = deferred<number>();
      const pin = deferred<string>();
      const running = runCardCheck(session.channel, {
        mode: 'pin',
        nonce,
        // The one-try gate is enforced in submitPin, where the staff confirmation arrives.
        confirmLastTry: true,
        readPin: (triesLeft) => {
          tries.resolve(triesLeft);
          return pin.promise;
        },
      }).finally(() => session.end(true)); // reset after any PIN use (CARD.md §2)
      const finished = running.then(() => null);
      finished.catch(() => undefined); // a later failure is reported by submitPin, not as an unhandled rejection
      const first = await Promise.race([tries.promise, finished]);
      if (first === null) throw new CardError('INTERNAL', 'check finished without a PIN');
      pending = { nonceId, triesLeft: first, pin, running };
      return { triesLeft: first };
    },
    async submitPin(value, confirmLastTry) {
      const p = pending;
      if (!p) throw new CardError('CARD_NO_CARD', 'no check in progress');
      // At one try left the pad unlocks only after staff confirm the client is sure (UX.md rule 3).
      if (p.triesLeft === 1 && !confirmLastTry) {
        throw new CardError('CARD_LAST_TRY_UNCONFIRMED', 'one try left', { triesLeft: 1 });
      }
      pending = null;
      p.pin.resolve(value);
      return { nonceId: p.nonceId, result: await p.running };
    },
    async visual() {
      cancel();
      const session = await open();
      try {
        return await runCardCheck(session.channel, { mode: 'visual' });
      } finally {
        session.end(false);
      }
    },
    cancel,
  };
}
