import {
  Context,
  createPCSCError,
  PCSCError,
  SCARD_LEAVE_CARD,
  SCARD_PROTOCOL_T1,
  SCARD_RESET_CARD,
  SCARD_SHARE_SHARED,
  SCARD_STATE_PRESENT,
  type CardInterface,
  type ContextInterface,
} from 'smartcard';

// PC/SC through the npm `smartcard` addon (CARD.md §6), behind a small interface so services can be given a
// simulated reader instead. Every failure leaves here as a PcscFailure with a kind; services map kinds to codes.

import { PcscFailure, type PcscFailureKind } from './pcsc-failure';

export { PcscFailure, type PcscFailureKind } from './pcsc-failure';

export interface PcscCard {
  readonly atr: Buffer;
  /** One command APDU in, the raw response (data + SW1 SW2) out. */
  transmit(command: Buffer): Promise<Buffer>;
  /** `reset` = SCARD_RESET_CARD: required after any PIN use so no later process inherits the verified state. */
  disconnect(reset: boolean): void;
}

export interface Pcsc {
  listReaders(): string[];
  cardPresent(reader: string): boolean;
  /** Shared mode, T=1 (the JPKI contact ATR offers T=1 only, CARD.md §1). */
  connect(reader: string): Promise<PcscCard>;
  close(): void;
}

// PC/SC return codes (pcsclite.h / winscard.h) that we tell apart.
const CODE_KIND = new Map<number, PcscFailureKind>([
  [0x8010001d, 'service-down'], // SCARD_E_NO_SERVICE
  [0x8010001e, 'service-down'], // SCARD_E_SERVICE_STOPPED
  [0x8010002e, 'no-reader'], // SCARD_E_NO_READERS_AVAILABLE
  [0x80100009, 'no-reader'], // SCARD_E_UNKNOWN_READER
  [0x80100017, 'no-reader'], // SCARD_E_READER_UNAVAILABLE
  [0x8010000c, 'no-card'], // SCARD_E_NO_SMARTCARD
  [0x80100069, 'card-removed'], // SCARD_W_REMOVED_CARD
  [0x80100068, 'card-reset'], // SCARD_W_RESET_CARD
  [0x8010000b, 'sharing-violation'], // SCARD_E_SHARING_VIOLATION
  [0x8010000a, 'timeout'], // SCARD_E_TIMEOUT
  [0x80100066, 'unresponsive'], // SCARD_W_UNRESPONSIVE_CARD
  [0x80100067, 'unresponsive'], // SCARD_W_UNPOWERED_CARD
  [0x80100065, 'unresponsive'], // SCARD_W_UNSUPPORTED_CARD
  [0x8010000f, 'unresponsive'], // SCARD_E_PROTO_MISMATCH
  [0x80100016, 'unresponsive'], // SCARD_E_NOT_TRANSACTED
  [0x80100013, 'unresponsive'], // SCARD_F_COMM_ERROR
]);

// The addon's native side rejects with a plain Error whose message is the fixed text of GetPCSCErrorString()
// (node_modules/smartcard/src/pcsc_errors.h) — no code property. That table is closed, so it maps back to the PC/SC
// code exactly; the JS error classes (PCSCError with `.code`) are matched first.
const NATIVE_TEXT_CODE = new Map<string, number>([
  ['PC/SC service not running', 0x8010001d],
  ['PC/SC service stopped', 0x8010001e],
  ['No readers available', 0x8010002e],
  ['Unknown reader', 0x80100009],
  ['Reader unavailable', 0x80100017],
  ['No smart card present', 0x8010000c],
  ['Card was removed', 0x80100069],
  ['Card was reset', 0x80100068],
  ['Sharing violation', 0x8010000b],
  ['Operation timed out', 0x8010000a],
  ['Card is unresponsive', 0x80100066],
  ['Card is unpowered', 0x80100067],
  ['Card is not supported', 0x80100065],
  ['Protocol mismatch', 0x8010000f],
  ['Transaction failed', 0x80100016],
  ['Communication error', 0x80100013],
  ['Invalid handle', 0x80100003],
]);

export function classifyPcscError(err: unknown): PcscFailure {
  if (err instanceof PcscFailure) return err;
  let code: number | undefined;
  if (err instanceof PCSCError) code = err.code >>> 0;
  else if (err instanceof Error) code = NATIVE_TEXT_CODE.get(err.message);
  // The card object refuses calls after its handle was lost (removed card, restarted service).
  if (code === undefined && err instanceof Error && err.message === 'Card is not connected')
    return new PcscFailure('card-removed');
  if (code === undefined && err instanceof Error && err.message === 'Context is not valid')
    return new PcscFailure('service-down');
  if (code === 0x80100003) return new PcscFailure('card-removed', code); // handle gone with the card or the service
  return new PcscFailure((code !== undefined && CODE_KIND.get(code)) || 'other', code);
}

/** The library's own typed error for a PC/SC code (CardRemovedError, ServiceNotRunningError, …), for tests. */
export function libraryErrorFor(code: number): Error {
  return createPCSCError('simulated', code);
}

async function guarded<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw classifyPcscError(err);
  }
}

function guardedSync<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw classifyPcscError(err);
  }
}

const RECEIVE_BYTES = 4096; // the default 258 is too small for some answers (CARD.md §6)

function wrapCard(card: CardInterface): PcscCard {
  return {
    atr: Buffer.from(card.atr ?? []),
    transmit: (command) => guarded(() => card.transmit(command, { maxRecvLength: RECEIVE_BYTES })),
    disconnect: (reset) => {
      try {
        card.disconnect(reset ? SCARD_RESET_CARD : SCARD_LEAVE_CARD);
      } catch {
        // Already gone (card removed, service stopped): nothing left to reset.
      }
    },
  };
}

/**
 * A PC/SC session. The context is created lazily and re-created on the next call after the service went away
 * (pcscd restarts break existing contexts, CARD.md §5); callers retry with their own backoff.
 */
export function openPcsc(): Pcsc {
  let context: ContextInterface | null = null;
  const ctx = (): ContextInterface => {
    if (context && !context.isValid) {
      context = null;
    }
    if (!context) context = guardedSync(() => new Context());
    return context;
  };
  const dropOnServiceDown = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      const failure = classifyPcscError(err);
      if (failure.kind === 'service-down' || failure.kind === 'other') {
        try {
          context?.close();
        } catch {
          // already invalid
        }
        context = null;
      }
      throw failure;
    }
  };
  const findReader = (name: string) => {
    const reader = dropOnServiceDown(() => ctx().listReaders()).find((r) => r.name === name);
    if (!reader) throw new PcscFailure('no-reader');
    return reader;
  };
  return {
    listReaders: () =>
      dropOnServiceDown(() =>
        ctx()
          .listReaders()
          .map((r) => r.name),
      ),
    // The state word carries an event counter in its upper 16 bits (CARD.md §5): test the flag bit only.
    cardPresent: (name) => (findReader(name).state & SCARD_STATE_PRESENT) !== 0,
    connect: async (name) => {
      const reader = findReader(name);
      const card = await guarded(() => reader.connect(SCARD_SHARE_SHARED, SCARD_PROTOCOL_T1));
      return wrapCard(card);
    },
    close: () => {
      try {
        context?.close();
      } catch {
        // ignore
      }
      context = null;
    },
  };
}
