import net from 'node:net';

// Plugs a card into a running pcscd through vsmartcard's vpcd (CARD.md §4). vpcd listens; the card is the TCP
// client: connecting = inserting the card, closing = removing it. Frames both ways are a 2-byte big-endian length
// and the payload; Debian's vpcd writes the two parts separately, so the stream is buffered.

export interface BridgedCard {
  readonly atr: Buffer;
  transmit(command: Buffer): Buffer;
  reset(): void;
}

export const VPCD_DEFAULT_PORT = 35963;

const CONTROL = { POWER_OFF: 0x00, POWER_ON: 0x01, RESET: 0x02, GET_ATR: 0x04 } as const;

export interface VpcdBridgeOptions {
  card: BridgedCard;
  host?: string;
  /** 35963 → reader "Virtual PCD 00 00", 35964 → "Virtual PCD 00 01". */
  port?: number;
  /**
   * Called before each command APDU is handed to the card; returning 'remove' pulls the card out instead of
   * answering (tests: card removed between two APDUs).
   */
  beforeApdu?: (index: number, command: Buffer) => 'answer' | 'remove';
}

export interface VpcdBridge {
  /** Resolves once vpcd accepted the connection (the card is in the reader). */
  readonly inserted: Promise<void>;
  /** Resolves when vpcd first asked for the ATR (pcscd now holds the card). */
  readonly powered: Promise<void>;
  /** Resolves when the card left the reader (closed by us or by pcscd). */
  readonly removed: Promise<void>;
  /** Command APDUs answered so far. */
  readonly apdus: number;
  remove(): Promise<void>;
}

export function frame(payload: Buffer): Buffer {
  const header = Buffer.alloc(2);
  header.writeUInt16BE(payload.length);
  return Buffer.concat([header, payload]);
}

/** Splits a byte stream into frames; keeps the incomplete tail for the next chunk. */
export class FrameReader {
  private pending = Buffer.alloc(0);
  push(chunk: Buffer): Buffer[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    const frames: Buffer[] = [];
    while (this.pending.length >= 2) {
      const len = this.pending.readUInt16BE(0);
      if (this.pending.length < 2 + len) break;
      frames.push(this.pending.subarray(2, 2 + len));
      this.pending = this.pending.subarray(2 + len);
    }
    return frames;
  }
}

export function connectVpcd(options: VpcdBridgeOptions): VpcdBridge {
  const { card } = options;
  const socket = net.connect({ host: options.host ?? '127.0.0.1', port: options.port ?? VPCD_DEFAULT_PORT });
  socket.setNoDelay(true);
  const reader = new FrameReader();
  let apdus = 0;
  let index = 0;
  const inserted = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  const removed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  let markPowered: () => void = () => undefined;
  const powered = new Promise<void>((resolve) => (markPowered = resolve));
  inserted.catch(() => undefined);
  socket.on('error', () => undefined); // surfaced through `inserted` / `removed`

  socket.on('data', (chunk) => {
    for (const payload of reader.push(chunk)) {
      if (socket.destroyed) return;
      if (payload.length === 1) {
        const control = payload[0];
        if (control === CONTROL.GET_ATR) {
          socket.write(frame(card.atr));
          markPowered();
        } else if (control === CONTROL.POWER_ON || control === CONTROL.RESET || control === CONTROL.POWER_OFF)
          card.reset();
        continue;
      }
      if (payload.length === 0) continue;
      if (options.beforeApdu?.(index++, payload) === 'remove') {
        socket.destroy();
        return;
      }
      apdus += 1;
      socket.write(frame(card.transmit(payload)));
    }
  });

  return {
    inserted,
    powered,
    removed,
    get apdus() {
      return apdus;
    },
    remove: async () => {
      socket.destroy();
      await removed;
    },
  };
}
