import { CardError } from './card-error';

// Parsing and validation of card answers (CARD.md §2). Everything here treats card bytes as untrusted input: a bad
// answer becomes a CardError with a contract code, never an exception from a buffer read.

export interface CardResponse {
  data: Buffer;
  /** SW1 SW2 as one number, e.g. 0x9000. */
  sw: number;
}

export const SW = {
  OK: 0x9000,
  SECURITY_NOT_SATISFIED: 0x6982,
  AUTH_BLOCKED: 0x6983,
  REF_DATA_UNUSABLE: 0x6984,
  FILE_NOT_FOUND: 0x6a82,
} as const;

export function parseResponse(raw: Uint8Array): CardResponse {
  if (!raw || raw.length < 2) throw new CardError('CARD_BAD_RESPONSE', 'response shorter than a status word');
  const bytes = Buffer.from(raw);
  return { data: bytes.subarray(0, bytes.length - 2), sw: bytes.readUInt16BE(bytes.length - 2) };
}

export function swHex(sw: number): string {
  return sw.toString(16).padStart(4, '0').toUpperCase();
}

/** Status words that end a check with a specific code, whatever the step. */
function unexpected(step: string, sw: number): CardError {
  return new CardError('CARD_BAD_RESPONSE', `${step}: SW ${swHex(sw)}`, { statusWord: sw });
}

/** Requires `90 00`. `notFoundCode` is what a missing AP/file means at this step (e.g. not a My Number card). */
export function expectOk(step: string, response: CardResponse, notFoundCode?: 'CARD_NOT_MYNUMBER'): Buffer {
  if (response.sw === SW.OK) return response.data;
  if (response.sw === SW.FILE_NOT_FOUND && notFoundCode)
    throw new CardError(notFoundCode, `${step}: not found`, { statusWord: response.sw });
  throw unexpected(step, response.sw);
}

/** Requires `90 00` and no data (SELECT with P2 = 0C returns no FCI). */
export function expectOkNoData(step: string, response: CardResponse, notFoundCode?: 'CARD_NOT_MYNUMBER'): void {
  const data = expectOk(step, response, notFoundCode);
  if (data.length !== 0) throw new CardError('CARD_BAD_RESPONSE', `${step}: unexpected data`, { statusWord: SW.OK });
}

// ---- token label (EF 0006) ----

export const MYNUMBER_LABEL = 'JPKIAPICCTOKEN2';

/** The label is ASCII padded with spaces (or NULs); only `JPKIAPICCTOKEN2` is a My Number card (CARD.md §1). */
export function checkTokenLabel(data: Buffer): void {
  if (data.length < MYNUMBER_LABEL.length || data.length > 256)
    throw new CardError('CARD_NOT_MYNUMBER', 'label length');
  const label = data.toString('latin1').replace(/[ \0]+$/, '');
  if (label !== MYNUMBER_LABEL) throw new CardError('CARD_NOT_MYNUMBER', 'label mismatch');
}

// ---- certificate length (EF 000A) ----

/** Smallest and largest certificate a JPKI user-authentication EF may plausibly hold (CARD.md §2: ~1.5 KB). */
export const CERT_MIN_BYTES = 256;
export const CERT_MAX_BYTES = 0x2000;

/**
 * Total DER length from the first READ: the certificate starts `30 82 HH LL`, so it is HHLL + 4 bytes (CARD.md §2).
 * Rejects any other header and lengths outside the plausible range.
 */
export function certificateLength(firstChunk: Buffer): number {
  if (firstChunk.length < 4) throw new CardError('CARD_BAD_RESPONSE', 'certificate header too short');
  if (firstChunk[0] !== 0x30 || firstChunk[1] !== 0x82)
    throw new CardError('CARD_BAD_RESPONSE', 'certificate header is not SEQUENCE with a 2-byte length');
  const total = firstChunk.readUInt16BE(2) + 4;
  if (total < CERT_MIN_BYTES || total > CERT_MAX_BYTES)
    throw new CardError('CARD_BAD_RESPONSE', `certificate length ${total} out of range`);
  return total;
}

// ---- PIN answers ----

export type PinState = { kind: 'tries'; triesLeft: number } | { kind: 'locked' } | { kind: 'no-pin' };

/**
 * Answer to the tries query `00 20 00 80` (CARD.md §2, §3): `63 Cx` = x tries left (`63 C0` = locked),
 * `69 83` = locked, `69 84` = no usable PIN (PIN-less card, [I]).
 */
export function interpretTriesQuery(response: CardResponse): PinState {
  const { sw } = response;
  if (response.data.length !== 0) throw new CardError('CARD_BAD_RESPONSE', 'tries query returned data');
  if ((sw & 0xfff0) === 0x63c0) {
    const n = sw & 0x0f;
    return n === 0 ? { kind: 'locked' } : { kind: 'tries', triesLeft: n };
  }
  if (sw === SW.AUTH_BLOCKED) return { kind: 'locked' };
  if (sw === SW.REF_DATA_UNUSABLE) return { kind: 'no-pin' };
  throw unexpected('tries query', sw);
}

/** Answer to VERIFY: `90 00` ok; `63 Cx` wrong with x left (`63 C0` locked now); `69 83`/`69 84` locked. */
export function interpretVerify(response: CardResponse): void {
  const { sw } = response;
  if (sw === SW.OK) return;
  if ((sw & 0xfff0) === 0x63c0) {
    const n = sw & 0x0f;
    if (n === 0) throw new CardError('CARD_PIN_LOCKED', 'locked by this try', { triesLeft: 0, statusWord: sw });
    throw new CardError('CARD_PIN_WRONG', 'wrong PIN', { triesLeft: n, statusWord: sw });
  }
  if (sw === SW.AUTH_BLOCKED || sw === SW.REF_DATA_UNUSABLE)
    throw new CardError('CARD_PIN_LOCKED', 'locked', { triesLeft: 0, statusWord: sw });
  throw unexpected('verify', sw);
}

/** Answer to SIGN: exactly the RSA-2048 signature (256 bytes) + `90 00`; `69 82` = PIN not verified. */
export function expectSignature(response: CardResponse, modulusBytes = 256): Buffer {
  if (response.sw === SW.SECURITY_NOT_SATISFIED)
    throw new CardError('CARD_BAD_RESPONSE', 'sign refused: PIN not verified', { statusWord: response.sw });
  const data = expectOk('sign', response);
  if (data.length !== modulusBytes) throw new CardError('CARD_BAD_RESPONSE', `signature length ${data.length}`);
  return data;
}
