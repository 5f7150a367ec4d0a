import type { ErrorCode } from '../../contract/errors';
import type { Pcsc, PcscCard, PcscFailureKind } from '../../../native/pcsc';
import { CardError } from './card-error';
import type { CardChannel } from './jpki-client';

// From a PC/SC adapter (native/pcsc.ts or a simulated reader) to a CardChannel, with every PC/SC failure turned
// into a contract code by its kind (never by message text).

const KIND_CODE: Record<PcscFailureKind, ErrorCode> = {
  'service-down': 'CARD_SERVICE_DOWN',
  'no-reader': 'CARD_NO_READER',
  'no-card': 'CARD_NO_CARD',
  'card-removed': 'CARD_REMOVED',
  'card-reset': 'CARD_REMOVED',
  'sharing-violation': 'CARD_IN_USE',
  timeout: 'CARD_NOT_RESPONDING',
  unresponsive: 'CARD_NOT_RESPONDING',
  other: 'CARD_NOT_RESPONDING',
};

function failureKind(err: unknown): PcscFailureKind | null {
  if (err instanceof Error && err.name === 'PcscFailure' && 'kind' in err) {
    const kind = (err as { kind: unknown }).kind;
    if (typeof kind === 'string' && Object.hasOwn(KIND_CODE, kind)) return kind as PcscFailureKind;
  }
  return null;
}

/** Maps any adapter failure to a CardError; CardErrors pass through. */
export function toCardError(err: unknown): CardError {
  if (err instanceof CardError) return err;
  const kind = failureKind(err);
  return kind ? new CardError(KIND_CODE[kind], `pcsc ${kind}`) : new CardError('CARD_NOT_RESPONDING', 'transport');
}

export interface ReaderChoice {
  reader: string;
  readers: string[];
}

/**
 * Picks the reader: the named one, else the only one, else the one holding a card (UX.md rule 1: a missing reader
 * and a missing card are different failures).
 */
export function chooseReader(pcsc: Pcsc, wanted?: string): ReaderChoice {
  let readers: string[];
  try {
    readers = pcsc.listReaders();
  } catch (err) {
    throw toCardError(err);
  }
  if (readers.length === 0) throw new CardError('CARD_NO_READER', 'no reader listed');
  if (wanted !== undefined) {
    if (!readers.includes(wanted)) throw new CardError('CARD_NO_READER', 'named reader not listed');
    return { reader: wanted, readers };
  }
  if (readers.length === 1) return { reader: readers[0] as string, readers };
  const withCard = readers.find((r) => {
    try {
      return pcsc.cardPresent(r);
    } catch {
      return false;
    }
  });
  return { reader: withCard ?? (readers[0] as string), readers };
}

export interface CardSession {
  channel: CardChannel;
  atr: Buffer;
  /** Disconnects; `reset` after any PIN use (CARD.md §2). */
  end(reset: boolean): void;
}

const REMOVAL_SETTLE_MS = 600;

/**
 * After a failed APDU, tells a card that left the reader (UX: "put it back and keep it still") from one that stayed
 * but did not answer. Some readers report the removal only at their next presence poll (vpcd: ~0.4 s), so look
 * for a short while; this runs on the failure path only.
 */
async function explainFailure(pcsc: Pcsc, reader: string, error: CardError): Promise<CardError> {
  if (error.code !== 'CARD_NOT_RESPONDING') return error;
  const deadline = Date.now() + REMOVAL_SETTLE_MS;
  for (;;) {
    try {
      if (!pcsc.cardPresent(reader)) return new CardError('CARD_REMOVED', 'card left the reader mid-command');
    } catch (err) {
      return toCardError(err).code === 'CARD_SERVICE_DOWN' ? toCardError(err) : error;
    }
    if (Date.now() >= deadline) return error;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function openCardSession(pcsc: Pcsc, reader: string): Promise<CardSession> {
  let card: PcscCard;
  try {
    if (!pcsc.cardPresent(reader)) throw new CardError('CARD_NO_CARD', 'reader empty');
    card = await pcsc.connect(reader);
  } catch (err) {
    throw toCardError(err);
  }
  return {
    atr: card.atr,
    channel: {
      transmit: async (command) => {
        let response: Buffer;
        try {
          response = await card.transmit(command);
        } catch (err) {
          throw await explainFailure(pcsc, reader, toCardError(err));
        }
        // A reader that lost the card mid-command may report success with no bytes at all (vpcd does): the IC did
        // not answer, which is not a malformed answer.
        if (response.length === 0)
          throw await explainFailure(pcsc, reader, new CardError('CARD_NOT_RESPONDING', 'empty response'));
        return response;
      },
    },
    end: (reset) => card.disconnect(reset),
  };
}
