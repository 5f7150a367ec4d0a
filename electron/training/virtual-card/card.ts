import crypto from 'node:crypto';
import type { IssuedCard } from './training-ca';

// A software My Number card: command APDU in, response APDU out. It implements the JPKI AP as CARD.md §1–§3
// describe it (files, PIN counters, lockout, security status, status words); nothing of the other APs.

export const JPKI_CONTACT_ATR = Buffer.from('3BE000FF8131FE4514', 'hex');
const JPKI_AID = Buffer.from('D392F000260100000001', 'hex');
const LABEL_BYTES = 32;

const SW = {
  OK: 0x9000,
  WRONG_LENGTH: 0x6700,
  SECURITY_NOT_SATISFIED: 0x6982,
  REF_DATA_UNUSABLE: 0x6984,
  NO_CURRENT_EF: 0x6986,
  WRONG_DATA: 0x6a80,
  FILE_NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6a86,
  OFFSET_OUT_OF_RANGE: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
} as const;

type PinId = 0x0018 | 0x001b;

interface PinCounter {
  /** null = no usable PIN (PIN-less card). */
  value: string | null;
  max: number;
  triesLeft: number;
}

export interface VirtualCardOptions {
  material: IssuedCard;
  /** User-authentication PIN (4 digits); null = PIN-less card (顔認証カード), tries query answers `69 84`. */
  authPin?: string | null;
  /** Tries left on the user-authentication PIN at start (3 = fresh; 0 = locked). */
  authTries?: number;
  /** Signature PIN (6–16 upper-case alphanumerics, 5 tries): OpenSC reads its counter when binding (CARD.md §7). */
  signPin?: string;
  /** Tries left on the signature PIN at start (5 = fresh). */
  signTries?: number;
  /** Called after a PIN counter changed (to keep counters across runs, `card virtual --state FILE`). */
  onCountersChanged?: (counters: PinCounters) => void;
  /** Token label; anything but `JPKIAPICCTOKEN2` is not a My Number card (CARD.md §1). */
  label?: string;
  /** Answer SELECT of the JPKI AP with `6A 82` (a card that is not a My Number card at all). */
  noJpki?: boolean;
}

export interface PinCounters {
  authTries: number;
  signTries: number;
}

function clampTries(value: number | undefined, max: number): number {
  return Math.max(0, Math.min(max, Number.isInteger(value) ? (value as number) : max));
}

export interface ApduLogEntry {
  command: Buffer;
  sw: number;
}

export class VirtualMyNumberCard {
  readonly atr = JPKI_CONTACT_ATR;
  /** Every command with its status word, for tests (counts, forbidden SELECTs, VERIFY after lock). */
  readonly log: ApduLogEntry[] = [];
  private readonly files: Map<number, Buffer>;
  private readonly pins: Map<PinId, PinCounter>;
  private readonly noJpki: boolean;
  private readonly privateKey: crypto.KeyObject;
  private readonly onCountersChanged?: (counters: PinCounters) => void;
  private dfSelected = false;
  private currentEf: number | null = null;
  private verified = new Set<PinId>();

  constructor(options: VirtualCardOptions) {
    const label = Buffer.alloc(LABEL_BYTES, 0x20);
    label.write(options.label ?? 'JPKIAPICCTOKEN2', 'ascii');
    this.files = new Map([
      [0x0006, label],
      [0x000a, options.material.certificate],
      [0x000b, options.material.caCertificate],
    ]);
    const authPin = options.authPin === undefined ? '1234' : options.authPin;
    this.pins = new Map<PinId, PinCounter>([
      [0x0018, { value: authPin, max: 3, triesLeft: clampTries(options.authTries, 3) }],
      [0x001b, { value: options.signPin ?? 'TRAINING1', max: 5, triesLeft: clampTries(options.signTries, 5) }],
    ]);
    this.noJpki = options.noJpki ?? false;
    this.privateKey = options.material.privateKey;
    this.onCountersChanged = options.onCountersChanged;
  }

  /** Tries left on the user-authentication PIN (tests). */
  get counters(): PinCounters {
    return { authTries: this.authTriesLeft, signTries: this.pins.get(0x001b)?.triesLeft ?? 0 };
  }

  get authTriesLeft(): number {
    return this.pins.get(0x0018)!.triesLeft;
  }

  /** Power-on/reset: selection and security status are lost, PIN counters are kept (they live in the chip). */
  reset(): void {
    this.dfSelected = false;
    this.currentEf = null;
    this.verified.clear();
  }

  transmit(command: Uint8Array): Buffer {
    const cmd = Buffer.from(command);
    const response = this.process(cmd);
    this.log.push({ command: cmd, sw: response.readUInt16BE(response.length - 2) });
    return response;
  }

  private process(cmd: Buffer): Buffer {
    if (cmd.length < 4) return sw(SW.WRONG_LENGTH);
    const [cla, ins, p1, p2] = [cmd.readUInt8(0), cmd.readUInt8(1), cmd.readUInt8(2), cmd.readUInt8(3)];
    const body = parseBody(cmd);
    if (!body) return sw(SW.WRONG_LENGTH);
    if (ins === 0x2a && cla === 0x80) return this.sign(p1, p2, body.data);
    if (cla !== 0x00) return sw(SW.CLA_NOT_SUPPORTED);
    switch (ins) {
      case 0xa4:
        return this.select(p1, body.data);
      case 0xb0:
        return this.readBinary(p1, p2, body.le);
      case 0x20:
        return this.verify(p1, p2, body.data);
      default:
        return sw(SW.INS_NOT_SUPPORTED);
    }
  }

  private select(p1: number, data: Buffer): Buffer {
    if (p1 === 0x04) {
      const isJpki = !this.noJpki && data.equals(JPKI_AID);
      // Selecting another DF clears the security status [I, CARD.md §2]; the other APs are not implemented.
      if (!isJpki || !this.dfSelected) this.verified.clear();
      this.currentEf = null;
      this.dfSelected = isJpki;
      return sw(isJpki ? SW.OK : SW.FILE_NOT_FOUND);
    }
    if (p1 === 0x02) {
      if (data.length !== 2) return sw(SW.WRONG_LENGTH);
      const fid = data.readUInt16BE(0);
      if (!this.dfSelected || !this.fileExists(fid)) return sw(SW.FILE_NOT_FOUND);
      this.currentEf = fid;
      return sw(SW.OK);
    }
    return sw(SW.WRONG_P1P2);
  }

  private fileExists(fid: number): boolean {
    return this.files.has(fid) || fid === 0x0017 || this.pins.has(fid as PinId);
  }

  private readBinary(p1: number, p2: number, le: number | null): Buffer {
    if (p1 & 0x80) return sw(SW.WRONG_P1P2); // no short-EF addressing on this card
    const file = this.currentEf === null ? undefined : this.files.get(this.currentEf);
    if (!file) return sw(SW.NO_CURRENT_EF);
    const offset = (p1 << 8) | p2;
    if (offset > file.length) return sw(SW.OFFSET_OUT_OF_RANGE);
    const want = le ?? 256;
    return Buffer.concat([file.subarray(offset, offset + want), sw(SW.OK)]);
  }

  private verify(p1: number, p2: number, data: Buffer): Buffer {
    if (p1 !== 0x00 || p2 !== 0x80) return sw(SW.WRONG_P1P2);
    const pinId = this.currentEf as PinId;
    const pin = this.pins.get(pinId);
    if (!pin) return sw(SW.NO_CURRENT_EF);
    if (pin.value === null) return sw(SW.REF_DATA_UNUSABLE);
    // Tries query: answered `63 Cx` in every state, also right after a success and when locked (`63 C0`).
    if (data.length === 0) return sw(0x63c0 | pin.triesLeft);
    if (pin.triesLeft === 0) return sw(SW.REF_DATA_UNUSABLE);
    if (pinId === 0x0018 && data.length !== 4) return sw(SW.WRONG_LENGTH);
    const candidate = Buffer.from(pin.value, 'ascii');
    if (candidate.length === data.length && crypto.timingSafeEqual(candidate, data)) {
      const changed = pin.triesLeft !== pin.max;
      pin.triesLeft = pin.max;
      this.verified.add(pinId);
      if (changed) this.onCountersChanged?.(this.counters);
      return sw(SW.OK);
    }
    pin.triesLeft -= 1;
    this.verified.delete(pinId);
    this.onCountersChanged?.(this.counters);
    return sw(0x63c0 | pin.triesLeft);
  }

  /** `80 2A 00 80 Lc <DigestInfo> 00` with EF 0017 selected: PKCS#1 v1.5 type-1 padding, then the RSA private op. */
  private sign(p1: number, p2: number, digestInfo: Buffer): Buffer {
    if (p1 !== 0x00 || p2 !== 0x80) return sw(SW.WRONG_P1P2);
    if (this.currentEf !== 0x0017) return sw(SW.NO_CURRENT_EF);
    if (!this.verified.has(0x0018)) return sw(SW.SECURITY_NOT_SATISFIED);
    const k = 256;
    if (digestInfo.length === 0 || digestInfo.length > k - 11) return sw(SW.WRONG_DATA);
    const block = Buffer.alloc(k, 0xff);
    block[0] = 0x00;
    block[1] = 0x01;
    block[k - digestInfo.length - 1] = 0x00;
    digestInfo.copy(block, k - digestInfo.length);
    const signature = crypto.privateEncrypt({ key: this.privateKey, padding: crypto.constants.RSA_NO_PADDING }, block);
    return Buffer.concat([signature, sw(SW.OK)]);
  }
}

function sw(word: number): Buffer {
  return Buffer.from([word >> 8, word & 0xff]);
}

/** ISO 7816-4 short APDU cases 1–4; null when the length bytes do not add up. Le 00 = 256. */
function parseBody(cmd: Buffer): { data: Buffer; le: number | null } | null {
  if (cmd.length === 4) return { data: Buffer.alloc(0), le: null };
  const lc = cmd.readUInt8(4);
  if (cmd.length === 5) return { data: Buffer.alloc(0), le: lc === 0 ? 256 : lc };
  if (lc === 0) return null; // extended lengths are not supported (CARD.md §2)
  if (cmd.length === 5 + lc) return { data: cmd.subarray(5), le: null };
  if (cmd.length === 6 + lc) return { data: cmd.subarray(5, 5 + lc), le: cmd.readUInt8(5 + lc) || 256 };
  return null;
}
