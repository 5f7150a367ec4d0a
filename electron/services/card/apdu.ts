import { CardError } from './card-error';

// Command APDUs of the JPKI user-authentication flow, byte for byte as CARD.md §2.

/** JPKI AP (公的個人認証), CARD.md §1. */
export const JPKI_AID = Buffer.from('D392F000260100000001', 'hex');

/**
 * APs the client must never select (CARD.md §1): the 券面事項入力補助AP holds the 個人番号, which a care office must
 * not collect; the others hold personal attributes the identity check does not need.
 */
export const FORBIDDEN_AIDS: readonly Buffer[] = [
  Buffer.from('D3921000310001010408', 'hex'), // 券面事項入力補助AP
  Buffer.from('D3921000310001010402', 'hex'), // 券面事項確認AP
  Buffer.from('D3921000310001010100', 'hex'), // 住基AP
];

/** JPKI AP elementary files the client uses (CARD.md §1). */
export const EF = {
  TOKEN_LABEL: 0x0006,
  AUTH_CERT: 0x000a,
  AUTH_CA_CERT: 0x000b,
  AUTH_KEY: 0x0017,
  AUTH_PIN: 0x0018,
} as const;

/** SHA-256 DigestInfo prefix (CARD.md §2); the card adds the PKCS#1 v1.5 type-1 padding itself. */
export const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300D060960864801650304020105000420', 'hex');

export function isForbiddenAid(aid: Uint8Array): boolean {
  return FORBIDDEN_AIDS.some((f) => Buffer.compare(f, Buffer.from(aid)) === 0);
}

/** True for any SELECT-by-DF-name command naming a forbidden AP (used by the guard and by tests scanning logs). */
export function isForbiddenSelect(command: Uint8Array): boolean {
  if (command.length < 5 || command[1] !== 0xa4 || command[2] !== 0x04) return false;
  const lc = command[4] ?? 0;
  return isForbiddenAid(command.subarray(5, 5 + lc));
}

/** `00 A4 04 0C Lc <AID>` — refuses the forbidden APs whatever the caller passes. */
export function selectDf(aid: Uint8Array): Buffer {
  if (aid.length < 5 || aid.length > 16) throw new RangeError('AID must be 5–16 bytes');
  if (isForbiddenAid(aid)) throw new CardError('INTERNAL', 'refused to select a forbidden AP');
  return Buffer.concat([Buffer.from([0x00, 0xa4, 0x04, 0x0c, aid.length]), Buffer.from(aid)]);
}

export function selectJpkiAp(): Buffer {
  return selectDf(JPKI_AID);
}

/** `00 A4 02 0C 02 <FID>` */
export function selectEf(fid: number): Buffer {
  if (!Number.isInteger(fid) || fid < 0 || fid > 0xffff) throw new RangeError('FID must be 16 bits');
  return Buffer.from([0x00, 0xa4, 0x02, 0x0c, 0x02, fid >> 8, fid & 0xff]);
}

/** `00 B0 <off> <Le>` with a short Le (1–256; 256 is encoded `00`). Offsets are 15 bits (P1 bit 8 would mean SFI). */
export function readBinary(offset: number, length: number): Buffer {
  if (!Number.isInteger(offset) || offset < 0 || offset > 0x7fff) throw new RangeError('offset out of range');
  if (!Number.isInteger(length) || length < 1 || length > 256) throw new RangeError('Le out of range');
  return Buffer.from([0x00, 0xb0, offset >> 8, offset & 0xff, length & 0xff]);
}

/** `00 20 00 80` without data: asks the selected PIN for its tries left without using one. */
export function triesQuery(): Buffer {
  return Buffer.from([0x00, 0x20, 0x00, 0x80]);
}

export const AUTH_PIN_PATTERN = /^[0-9]{4}$/;

/** `00 20 00 80 04 <4 ASCII digits>`; a malformed PIN never reaches the card (it would cost a try). */
export function verifyPin(pin: string): Buffer {
  if (!AUTH_PIN_PATTERN.test(pin)) throw new CardError('CARD_PIN_INVALID', 'PIN format');
  return Buffer.concat([Buffer.from([0x00, 0x20, 0x00, 0x80, 0x04]), Buffer.from(pin, 'ascii')]);
}

export function sha256DigestInfo(hash: Uint8Array): Buffer {
  if (hash.length !== 32) throw new RangeError('SHA-256 hash must be 32 bytes');
  return Buffer.concat([SHA256_DIGEST_INFO_PREFIX, Buffer.from(hash)]);
}

/** `80 2A 00 80 33 <DigestInfo> 00` — sign with the key EF selected before (0017). */
export function signDigestInfo(digestInfo: Uint8Array): Buffer {
  if (digestInfo.length !== 51) throw new RangeError('DigestInfo must be 51 bytes (SHA-256)');
  return Buffer.concat([Buffer.from([0x80, 0x2a, 0x00, 0x80, 0x33]), Buffer.from(digestInfo), Buffer.from([0x00])]);
}
