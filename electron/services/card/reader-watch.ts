import type { Pcsc } from '../../../native/pcsc';
import { toCardError } from './reader-session';

// Watches readers and cards by polling the adapter (listReaders + presence are cheap: one SCardGetStatusChange with
// a zero timeout). When the PC/SC service goes away (pcscd restart, Windows stopping its service after the last
// reader is unplugged) the adapter drops its context; the watch retries with exponential backoff and reports the
// readers again once the service is back, without restarting the app (CARD.md §5).

export type ReaderWatchEvent =
  | { type: 'readersChanged'; readers: string[] }
  | { type: 'cardInserted'; reader: string }
  | { type: 'cardRemoved'; reader: string }
  | { type: 'serviceDown' }
  | { type: 'serviceUp' };

export interface ReaderWatchOptions {
  pcsc: Pcsc;
  onEvent: (event: ReaderWatchEvent) => void;
  intervalMs?: number;
  maxBackoffMs?: number;
}

export interface ReaderWatch {
  /** One poll now; returns the delay before the next one (tests drive the watch through this). */
  pollNow(): number;
  start(): void;
  stop(): void;
}

export function watchReaders(options: ReaderWatchOptions): ReaderWatch {
  const interval = options.intervalMs ?? 500;
  const maxBackoff = options.maxBackoffMs ?? 8000;
  let readers: string[] = [];
  const present = new Map<string, boolean>();
  let down = false;
  let backoff = interval;
  let timer: NodeJS.Timeout | null = null;
  let running = false;

  const pollNow = (): number => {
    let now: string[];
    const nowPresent = new Map<string, boolean>();
    try {
      now = options.pcsc.listReaders();
      for (const r of now) nowPresent.set(r, options.pcsc.cardPresent(r));
    } catch (err) {
      if (toCardError(err).code !== 'CARD_SERVICE_DOWN') return interval; // a reader vanished mid-poll: next poll
      if (!down) {
        down = true;
        backoff = interval;
        readers = [];
        present.clear();
        options.onEvent({ type: 'serviceDown' });
      } else backoff = Math.min(backoff * 2, maxBackoff);
      return backoff;
    }
    if (down) {
      down = false;
      options.onEvent({ type: 'serviceUp' });
    }
    if (now.length !== readers.length || now.some((r, i) => r !== readers[i])) {
      readers = now;
      options.onEvent({ type: 'readersChanged', readers: [...now] });
    }
    for (const r of [...present.keys()]) if (!nowPresent.has(r)) present.delete(r);
    for (const [r, isPresent] of nowPresent) {
      const was = present.get(r) ?? false;
      if (isPresent && !was) options.onEvent({ type: 'cardInserted', reader: r });
      if (!isPresent && was) options.onEvent({ type: 'cardRemoved', reader: r });
      present.set(r, isPresent);
    }
    return interval;
  };

  const loop = () => {
    if (!running) return;
    const delay = pollNow();
    timer = setTimeout(loop, delay);
    timer.unref?.();
  };

  return {
    pollNow,
    start: () => {
      if (running) return;
      running = true;
      loop();
    },
    stop: () => {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
