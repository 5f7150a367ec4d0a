import type { Pcsc, PcscCard } from '../../../native/pcsc';
import { PcscFailure } from '../../../native/pcsc-failure';
import type { VirtualMyNumberCard } from './card';

// An in-process reader for training mode and unit tests: the same interface as native/pcsc.ts, no pcscd. Cards are
// inserted and removed programmatically; a removed card fails the next APDU as a real reader does.

export interface SimulatedPcsc extends Pcsc {
  insert(reader: string, card: VirtualMyNumberCard): void;
  remove(reader: string): void;
  /** Service down/up (tests of the service-down path). */
  setServiceRunning(running: boolean): void;
}

export function createSimulatedPcsc(readers: string[] = ['Kaigo Desk 練習用リーダー']): SimulatedPcsc {
  const slots = new Map<string, VirtualMyNumberCard | null>(readers.map((r) => [r, null]));
  let serviceRunning = true;
  const requireService = () => {
    if (!serviceRunning) throw new PcscFailure('service-down');
  };
  return {
    listReaders: () => {
      requireService();
      return [...slots.keys()];
    },
    cardPresent: (reader) => {
      requireService();
      if (!slots.has(reader)) throw new PcscFailure('no-reader');
      return slots.get(reader) != null;
    },
    connect: async (reader) => {
      requireService();
      if (!slots.has(reader)) throw new PcscFailure('no-reader');
      const card = slots.get(reader);
      if (!card) throw new PcscFailure('no-card');
      card.reset(); // power-up
      const session: PcscCard = {
        atr: card.atr,
        transmit: async (command) => {
          requireService();
          if (slots.get(reader) !== card) throw new PcscFailure('card-removed');
          return card.transmit(command);
        },
        disconnect: (reset) => {
          if (reset && slots.get(reader) === card) card.reset();
        },
      };
      return session;
    },
    close: () => undefined,
    insert: (reader, card) => {
      if (!slots.has(reader)) throw new Error(`no such simulated reader: ${reader}`);
      slots.set(reader, card);
    },
    remove: (reader) => {
      slots.set(reader, null);
    },
    setServiceRunning: (running) => {
      serviceRunning = running;
    },
  };
}
