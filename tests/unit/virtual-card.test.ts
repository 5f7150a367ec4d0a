import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apdu, CardError, runCardCheck, type CardChannel } from '../../electron/services/card';
import {
  createTrainingCa,
  frame,
  FrameReader,
  issueUserAuthCard,
  JPKI_CONTACT_ATR,
  VirtualMyNumberCard,
  type IssuedCard,
  type VirtualCardOptions,
} from '../../electron/training/virtual-card';

// The software My Number card against our own JPKI client, in process (no PC/SC). Key material is generated once
// per file: RSA key generation is the slow part.

let material: IssuedCard;
let expired: IssuedCard;
let caCert: crypto.X509Certificate;
beforeAll(() => {
  const ca = createTrainingCa();
  caCert = new crypto.X509Certificate(ca.certificate);
  material = issueUserAuthCard(ca);
  expired = issueUserAuthCard(ca, { expired: true });
});

const card = (o: Partial<VirtualCardOptions> = {}) => new VirtualMyNumberCard({ material, ...o });
const channel = (c: VirtualMyNumberCard): CardChannel => ({ transmit: async (cmd) => c.transmit(cmd) });
const sw = (r: Buffer) =>
  r
    .readUInt16BE(r.length - 2)
    .toString(16)
    .toUpperCase();
const verifyCount = (c: VirtualMyNumberCard) =>
  c.log.filter((e) => e.command[1] === 0x20 && e.command.length > 4).length;

async function failure(p: Promise<unknown>): Promise<CardError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CardError) return err;
    throw err;
  }
  throw new Error('expected a CardError');
}

describe('training certificates', () => {
  it('are real-size RSA-2048 certificates from the training JPKI CA, without personal attributes', () => {
    const cert = new crypto.X509Certificate(material.certificate);
    expect(material.certificate.length).toBeGreaterThan(1536); // 7 READs, like a real card (CARD.md §2)
    expect(material.certificate.length).toBeLessThanOrEqual(1792);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(cert.issuer).toContain('OU=JPKI for user authentication');
    expect(cert.subject).toBe('C=JP');
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(new Date(new crypto.X509Certificate(expired.certificate).validTo) < new Date()).toBe(true);
  });
});

describe('virtual My Number card', () => {
  it('presents the contact ATR', () => {
    expect(card().atr.equals(JPKI_CONTACT_ATR)).toBe(true);
    expect(JPKI_CONTACT_ATR.toString('hex')).toBe('3be000ff8131fe4514');
  });

  it('passes a PIN-mode check in exactly 16 APDUs, one VERIFY and one SIGN, never the 券面事項入力補助AP', async () => {
    const c = card();
    const nonce = crypto.randomBytes(32);
    const result = await runCardCheck(channel(c), { mode: 'pin', readPin: async () => '1234', nonce });
    expect(result.apdus).toBe(16);
    expect(c.log).toHaveLength(16);
    expect(c.log.every((e) => !apdu.isForbiddenSelect(e.command))).toBe(true);
    expect(verifyCount(c)).toBe(1);
    expect(c.log.filter((e) => e.command[1] === 0x2a)).toHaveLength(1);
    expect(result.certificate.equals(material.certificate)).toBe(true);
    const key = new crypto.X509Certificate(result.certificate).publicKey;
    expect(crypto.verify('sha256', nonce, key, result.signature!)).toBe(true);
    expect(crypto.verify('sha256', Buffer.from('other'), key, result.signature!)).toBe(false);
  });

  it('passes a visual check in exactly 11 APDUs with no VERIFY or SIGN', async () => {
    const c = card();
    const result = await runCardCheck(channel(c), { mode: 'visual' });
    expect(result.apdus).toBe(11);
    expect(c.log.some((e) => e.command[1] === 0x20 || e.command[1] === 0x2a)).toBe(false);
  });

  it('counts a wrong PIN down, locks at the third, then never gets another VERIFY', async () => {
    const c = card();
    const wrong = { mode: 'pin' as const, readPin: async () => '0000', confirmLastTry: true };
    expect((await failure(runCardCheck(channel(c), wrong))).triesLeft).toBe(2);
    expect((await failure(runCardCheck(channel(c), wrong))).triesLeft).toBe(1);
    const third = await failure(runCardCheck(channel(c), wrong));
    expect(third.code).toBe('CARD_PIN_LOCKED');
    expect(verifyCount(c)).toBe(3);
    const after = await failure(runCardCheck(channel(c), { mode: 'pin', readPin: async () => '1234' }));
    expect(after.code).toBe('CARD_PIN_LOCKED');
    expect(verifyCount(c)).toBe(3);
    expect(c.authTriesLeft).toBe(0);
  });

  it('restores the counter on a correct PIN (tries query answers 63 C3 after a success)', async () => {
    const c = card({ authTries: 2 });
    await runCardCheck(channel(c), { mode: 'pin', readPin: async () => '1234' });
    expect(c.authTriesLeft).toBe(3);
    c.transmit(apdu.selectEf(0x0018));
    expect(sw(c.transmit(apdu.triesQuery()))).toBe('63C3');
  });

  it('at one try left sends no VERIFY and asks nobody for the PIN without staff confirmation', async () => {
    const c = card({ authTries: 1 });
    let asked = false;
    const err = await failure(
      runCardCheck(channel(c), {
        mode: 'pin',
        readPin: async () => ((asked = true), '1234'),
      }),
    );
    expect(err.code).toBe('CARD_LAST_TRY_UNCONFIRMED');
    expect(err.triesLeft).toBe(1);
    expect(asked).toBe(false);
    expect(verifyCount(c)).toBe(0);
    await runCardCheck(channel(c), { mode: 'pin', readPin: async () => '1234', confirmLastTry: true });
    expect(verifyCount(c)).toBe(1);
  });

  it('a PIN-less card answers the tries query 69 84 and gets no VERIFY; visual mode works', async () => {
    const c = card({ authPin: null });
    const err = await failure(runCardCheck(channel(c), { mode: 'pin', readPin: async () => '1234' }));
    expect(err.code).toBe('CARD_PIN_UNAVAILABLE');
    expect(verifyCount(c)).toBe(0);
    expect((await runCardCheck(channel(c), { mode: 'visual' })).apdus).toBe(11);
  });

  it('calls an old 住基 label or a card without the JPKI AP not a My Number card', async () => {
    const old = await failure(runCardCheck(channel(card({ label: 'JPKIAPICCTOKEN' })), { mode: 'visual' }));
    expect(old.code).toBe('CARD_NOT_MYNUMBER');
    const none = await failure(runCardCheck(channel(card({ noJpki: true })), { mode: 'visual' }));
    expect(none.code).toBe('CARD_NOT_MYNUMBER');
    expect(none.apdus).toBe(1);
  });

  it('reports an expired certificate before any PIN is asked', async () => {
    const c = new VirtualMyNumberCard({ material: expired });
    const err = await failure(runCardCheck(channel(c), { mode: 'pin', readPin: async () => '1234' }));
    expect(err.code).toBe('CARD_CERT_EXPIRED');
    expect(verifyCount(c)).toBe(0);
  });

  it('refuses SIGN before the PIN (69 82) and after reset or selection of another DF', () => {
    const c = card();
    const di = apdu.sha256DigestInfo(crypto.createHash('sha256').update('x').digest());
    c.transmit(apdu.selectJpkiAp());
    c.transmit(apdu.selectEf(0x0017));
    expect(sw(c.transmit(apdu.signDigestInfo(di)))).toBe('6982');
    const login = () => {
      c.transmit(apdu.selectJpkiAp());
      c.transmit(apdu.selectEf(0x0018));
      expect(sw(c.transmit(apdu.verifyPin('1234')))).toBe('9000');
      c.transmit(apdu.selectEf(0x0017));
    };
    login();
    expect(sw(c.transmit(apdu.signDigestInfo(di)))).toBe('9000');
    c.reset();
    c.transmit(apdu.selectJpkiAp());
    c.transmit(apdu.selectEf(0x0017));
    expect(sw(c.transmit(apdu.signDigestInfo(di)))).toBe('6982');
    login();
    // Another DF (here the 券面事項確認AP, answered 6A 82 by this card) clears the security status.
    c.transmit(Buffer.from('00A4040C0AD3921000310001010402', 'hex'));
    c.transmit(apdu.selectJpkiAp());
    c.transmit(apdu.selectEf(0x0017));
    expect(sw(c.transmit(apdu.signDigestInfo(di)))).toBe('6982');
  });

  it('answers unknown files, instructions, classes and malformed APDUs with error status words', () => {
    const c = card();
    expect(sw(c.transmit(apdu.selectEf(0x000a)))).toBe('6A82'); // no DF selected yet
    c.transmit(apdu.selectJpkiAp());
    expect(sw(c.transmit(apdu.selectEf(0x1234)))).toBe('6A82');
    expect(sw(c.transmit(Buffer.from('00CA000000', 'hex')))).toBe('6D00');
    expect(sw(c.transmit(Buffer.from('A0B0000000', 'hex')))).toBe('6E00');
    expect(sw(c.transmit(Buffer.from('00A4', 'hex')))).toBe('6700');
    expect(sw(c.transmit(Buffer.from('00A4020C05000A', 'hex')))).toBe('6700');
    expect(sw(c.transmit(apdu.readBinary(0, 16)))).toBe('6986'); // no current EF
    c.transmit(apdu.selectEf(0x0006));
    expect(sw(c.transmit(apdu.readBinary(0x7000, 1)))).toBe('6B00');
  });
});

describe('vpcd framing', () => {
  it('frames with a 2-byte big-endian length and reassembles split and joined frames', () => {
    expect(frame(Buffer.from([0x04])).toString('hex')).toBe('000104');
    const r = new FrameReader();
    const apduFrame = frame(apdu.selectJpkiAp());
    expect(r.push(apduFrame.subarray(0, 2))).toEqual([]); // Debian's vpcd writes the length first
    const [first] = r.push(apduFrame.subarray(2));
    expect(first?.equals(apdu.selectJpkiAp())).toBe(true);
    const both = r.push(Buffer.concat([frame(Buffer.from([1])), frame(Buffer.from([4])).subarray(0, 1)]));
    expect(both).toHaveLength(1);
    expect(r.push(Buffer.from([0x01, 0x04]))).toEqual([Buffer.from([4])]);
  });
});
