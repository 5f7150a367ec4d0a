import crypto from 'node:crypto';
import { CardError } from './card-error';
import * as apdu from './apdu';
import {
  certificateLength,
  checkTokenLabel,
  expectOk,
  expectOkNoData,
  expectSignature,
  interpretTriesQuery,
  interpretVerify,
  parseResponse,
  type CardResponse,
} from './response';

// The JPKI user-authentication check (CARD.md §2, §3): SELECT AP → token label → certificate → (PIN mode) tries
// query → VERIFY → SIGN. PIN mode is exactly 16 APDUs for a ~1.5 KB certificate, visual mode the first 11.

/** Anything that carries one command APDU to the card and returns the raw response (PC/SC, simulated reader). */
export interface CardChannel {
  transmit(command: Buffer): Promise<Buffer>;
}

export type CheckMode = 'pin' | 'visual';

/** What the audit log records (hook injected by the caller; the audit service is built separately). */
export interface CardCheckRecord {
  mode: CheckMode;
  outcome: 'ok' | 'failed';
  code?: string;
  /** Certificate DER when it was read. Its serial is personal data: the audit log stores only a keyed hash of it. */
  certificate?: Buffer;
  apdus: number;
}

export interface CardCheckOptions {
  mode: CheckMode;
  /** Asked only once a VERIFY is allowed, after the tries left are known (UX.md rule 3). PIN mode only. */
  readPin?: (triesLeft: number) => Promise<string>;
  /** Staff confirmed the client is sure of the PIN; required when only one try is left (CARD.md §2 [I]). */
  confirmLastTry?: boolean;
  /** The challenge to sign (server nonce later; a local random one for reader tests). */
  nonce?: Buffer;
  now?: () => Date;
  recordCardCheck?: (record: CardCheckRecord) => void | Promise<void>;
}

export interface CardCheckResult {
  mode: CheckMode;
  certificate: Buffer;
  /** Tries left before the VERIFY (PIN mode). */
  triesLeft?: number;
  nonce?: Buffer;
  signature?: Buffer;
  apdus: number;
}

/** Wraps a channel, counting APDUs and parsing every answer. */
class CountingChannel {
  count = 0;
  constructor(private readonly channel: CardChannel) {}
  async send(command: Buffer): Promise<CardResponse> {
    if (apdu.isForbiddenSelect(command)) throw new CardError('INTERNAL', 'refused to select a forbidden AP');
    this.count += 1;
    return parseResponse(await this.channel.transmit(command));
  }
}

const LABEL_READ_BYTES = 0x20;
const CHUNK = 256;

/** Reads the user-authentication certificate: first a 256-byte READ, then the rest in ≤256-byte chunks. */
async function readCertificate(card: CountingChannel): Promise<Buffer> {
  expectOkNoData('select 000A', await card.send(apdu.selectEf(apdu.EF.AUTH_CERT)), 'CARD_NOT_MYNUMBER');
  const first = expectOk('read 000A', await card.send(apdu.readBinary(0, CHUNK)));
  const total = certificateLength(first);
  if (first.length !== Math.min(CHUNK, total))
    throw new CardError('CARD_BAD_RESPONSE', `first certificate chunk ${first.length} bytes`);
  const chunks = [first];
  let offset = first.length;
  while (offset < total) {
    const want = Math.min(CHUNK, total - offset);
    const chunk = expectOk('read 000A', await card.send(apdu.readBinary(offset, want)));
    if (chunk.length !== want) throw new CardError('CARD_BAD_RESPONSE', `certificate chunk ${chunk.length}/${want}`);
    chunks.push(chunk);
    offset += want;
  }
  return Buffer.concat(chunks, total);
}

/** Parses the certificate and checks it is an RSA-2048 certificate valid now. */
export function inspectCertificate(der: Buffer, now: Date): crypto.X509Certificate {
  let cert: crypto.X509Certificate;
  try {
    cert = new crypto.X509Certificate(der);
  } catch {
    throw new CardError('CARD_BAD_RESPONSE', 'certificate does not parse');
  }
  const details = cert.publicKey.asymmetricKeyDetails;
  if (cert.publicKey.asymmetricKeyType !== 'rsa' || details?.modulusLength !== 2048)
    throw new CardError('CARD_BAD_RESPONSE', 'certificate key is not RSA-2048');
  if (now < new Date(cert.validFrom) || now > new Date(cert.validTo))
    throw new CardError('CARD_CERT_EXPIRED', 'certificate outside its validity');
  return cert;
}

export async function runCardCheck(channel: CardChannel, options: CardCheckOptions): Promise<CardCheckResult> {
  const card = new CountingChannel(channel);
  let certificate: Buffer | undefined;
  try {
    const result = await check(card, options, (c) => (certificate = c));
    await options.recordCardCheck?.({ mode: options.mode, outcome: 'ok', certificate, apdus: card.count });
    return result;
  } catch (err) {
    const code = err instanceof CardError ? err.code : 'INTERNAL';
    await options.recordCardCheck?.({ mode: options.mode, outcome: 'failed', code, certificate, apdus: card.count });
    if (err instanceof CardError) err.apdus = card.count;
    throw err;
  }
}

async function check(
  card: CountingChannel,
  options: CardCheckOptions,
  onCertificate: (c: Buffer) => void,
): Promise<CardCheckResult> {
  const now = options.now?.() ?? new Date();
  expectOkNoData('select JPKI AP', await card.send(apdu.selectJpkiAp()), 'CARD_NOT_MYNUMBER');
  expectOkNoData('select 0006', await card.send(apdu.selectEf(apdu.EF.TOKEN_LABEL)), 'CARD_NOT_MYNUMBER');
  checkTokenLabel(expectOk('read 0006', await card.send(apdu.readBinary(0, LABEL_READ_BYTES))));
  const certificate = await readCertificate(card);
  onCertificate(certificate);
  const cert = inspectCertificate(certificate, now);
  if (options.mode === 'visual') return { mode: 'visual', certificate, apdus: card.count };

  expectOkNoData('select 0018', await card.send(apdu.selectEf(apdu.EF.AUTH_PIN)), 'CARD_NOT_MYNUMBER');
  const pinState = interpretTriesQuery(await card.send(apdu.triesQuery()));
  // Never VERIFY on a locked or PIN-less card (UX.md rule 3); at one try left only after staff confirmation.
  if (pinState.kind === 'locked') throw new CardError('CARD_PIN_LOCKED', 'locked before verify', { triesLeft: 0 });
  if (pinState.kind === 'no-pin') throw new CardError('CARD_PIN_UNAVAILABLE', 'no usable PIN');
  const { triesLeft } = pinState;
  if (triesLeft === 1 && !options.confirmLastTry)
    throw new CardError('CARD_LAST_TRY_UNCONFIRMED', 'one try left', { triesLeft });
  if (!options.readPin) throw new CardError('INTERNAL', 'PIN mode without a PIN source');
  const pin = await options.readPin(triesLeft);
  const verifyCommand = apdu.verifyPin(pin); // throws CARD_PIN_INVALID before anything reaches the card
  interpretVerify(await card.send(verifyCommand));

  expectOkNoData('select 0017', await card.send(apdu.selectEf(apdu.EF.AUTH_KEY)), 'CARD_NOT_MYNUMBER');
  const nonce = options.nonce ?? crypto.randomBytes(32);
  const digestInfo = apdu.sha256DigestInfo(crypto.createHash('sha256').update(nonce).digest());
  const signature = expectSignature(await card.send(apdu.signDigestInfo(digestInfo)));
  if (!crypto.verify('sha256', nonce, cert.publicKey, signature))
    throw new CardError('CARD_SIGNATURE_INVALID', 'signature does not verify');
  return { mode: 'pin', certificate, triesLeft, nonce, signature, apdus: card.count };
}
