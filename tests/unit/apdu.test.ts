import { describe, expect, it } from 'vitest';
import {
  apdu,
  CardError,
  certificateLength,
  checkTokenLabel,
  interpretTriesQuery,
  interpretVerify,
  parseResponse,
} from '../../electron/services/card';
import { expectSignature } from '../../electron/services/card/response';

const hex = (b: Buffer) => b.toString('hex').toUpperCase();
const resp = (h: string) => parseResponse(Buffer.from(h.replace(/ /g, ''), 'hex'));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof CardError ? err.code : `not a CardError: ${String(err)}`;
  }
  return undefined;
}

describe('APDU builders (CARD.md §2, byte for byte)', () => {
  it('selects the JPKI AP by DF name', () => {
    expect(hex(apdu.selectJpkiAp())).toBe('00A4040C0AD392F000260100000001');
  });
  it('selects an EF by FID', () => {
    expect(hex(apdu.selectEf(apdu.EF.AUTH_CERT))).toBe('00A4020C02000A');
    expect(hex(apdu.selectEf(apdu.EF.AUTH_PIN))).toBe('00A4020C020018');
    expect(() => apdu.selectEf(0x10000)).toThrow(RangeError);
  });
  it('reads binary with a short Le (256 encoded as 00) and a 15-bit offset', () => {
    expect(hex(apdu.readBinary(0, 256))).toBe('00B0000000');
    expect(hex(apdu.readBinary(0x0500, 0x23))).toBe('00B0050023');
    expect(() => apdu.readBinary(0, 257)).toThrow(RangeError);
    expect(() => apdu.readBinary(0, 0)).toThrow(RangeError);
    expect(() => apdu.readBinary(0x8000, 1)).toThrow(RangeError);
  });
  it('queries tries without data and verifies a 4-digit ASCII PIN', () => {
    expect(hex(apdu.triesQuery())).toBe('00200080');
    expect(hex(apdu.verifyPin('1234'))).toBe('002000800431323334');
  });
  it('refuses a malformed PIN before it could cost a try', () => {
    for (const bad of ['123', '12345', 'abcd', '12 4', '１２３４', ''])
      expect(codeOf(() => apdu.verifyPin(bad))).toBe('CARD_PIN_INVALID');
  });
  it('signs a SHA-256 DigestInfo with 80 2A 00 80 33 … 00', () => {
    const di = apdu.sha256DigestInfo(Buffer.alloc(32, 0xab));
    expect(di.length).toBe(51);
    expect(hex(di.subarray(0, 19))).toBe('3031300D060960864801650304020105000420');
    const cmd = apdu.signDigestInfo(di);
    expect(hex(cmd.subarray(0, 5))).toBe('802A008033');
    expect(cmd.length).toBe(5 + 51 + 1);
    expect(cmd[cmd.length - 1]).toBe(0);
    expect(() => apdu.sha256DigestInfo(Buffer.alloc(20))).toThrow(RangeError);
  });
});

describe('券面事項入力補助AP guard', () => {
  const kenmenHojo = Buffer.from('D3921000310001010408', 'hex');
  it('never builds a SELECT of the 券面事項入力補助AP (or the other personal-data APs)', () => {
    for (const aid of apdu.FORBIDDEN_AIDS) expect(() => apdu.selectDf(aid)).toThrow(CardError);
    expect(() => apdu.selectDf(kenmenHojo)).toThrow(CardError);
  });
  it('recognises a forbidden SELECT in raw bytes, and not the JPKI one', () => {
    const raw = Buffer.concat([Buffer.from('00A4040C0A', 'hex'), kenmenHojo]);
    expect(apdu.isForbiddenSelect(raw)).toBe(true);
    expect(apdu.isForbiddenSelect(apdu.selectJpkiAp())).toBe(false);
  });
});

describe('response parsing and status words', () => {
  it('splits data and SW, rejects answers shorter than a SW', () => {
    expect(resp('0102 9000')).toEqual({ data: Buffer.from([1, 2]), sw: 0x9000 });
    expect(codeOf(() => parseResponse(Buffer.from([0x90])))).toBe('CARD_BAD_RESPONSE');
    expect(codeOf(() => parseResponse(Buffer.alloc(0)))).toBe('CARD_BAD_RESPONSE');
  });
  it('reads the tries query: 63 Cx tries, 63 C0 / 69 83 locked, 69 84 no usable PIN', () => {
    expect(interpretTriesQuery(resp('63C3'))).toEqual({ kind: 'tries', triesLeft: 3 });
    expect(interpretTriesQuery(resp('63C1'))).toEqual({ kind: 'tries', triesLeft: 1 });
    expect(interpretTriesQuery(resp('63C0'))).toEqual({ kind: 'locked' });
    expect(interpretTriesQuery(resp('6983'))).toEqual({ kind: 'locked' });
    expect(interpretTriesQuery(resp('6984'))).toEqual({ kind: 'no-pin' });
    expect(codeOf(() => interpretTriesQuery(resp('6A82')))).toBe('CARD_BAD_RESPONSE');
    expect(codeOf(() => interpretTriesQuery(resp('00 63C3')))).toBe('CARD_BAD_RESPONSE');
  });
  it('maps VERIFY answers to wrong-with-tries and locked', () => {
    expect(() => interpretVerify(resp('9000'))).not.toThrow();
    const wrong = (() => {
      try {
        interpretVerify(resp('63C2'));
      } catch (e) {
        return e as CardError;
      }
    })();
    expect(wrong?.code).toBe('CARD_PIN_WRONG');
    expect(wrong?.triesLeft).toBe(2);
    for (const sw of ['63C0', '6983', '6984']) expect(codeOf(() => interpretVerify(resp(sw)))).toBe('CARD_PIN_LOCKED');
    expect(codeOf(() => interpretVerify(resp('6700')))).toBe('CARD_BAD_RESPONSE');
  });
  it('accepts only a 256-byte signature with 90 00; 69 82 = PIN not verified', () => {
    expect(expectSignature(parseResponse(Buffer.concat([Buffer.alloc(256, 1), Buffer.from([0x90, 0])])))).toHaveLength(
      256,
    );
    expect(codeOf(() => expectSignature(resp('6982')))).toBe('CARD_BAD_RESPONSE');
    expect(
      codeOf(() => expectSignature(parseResponse(Buffer.concat([Buffer.alloc(255), Buffer.from([0x90, 0])])))),
    ).toBe('CARD_BAD_RESPONSE');
  });
});

describe('certificate DER length (30 82 HH LL)', () => {
  it('is HHLL + 4', () => {
    expect(certificateLength(Buffer.from('3082061F', 'hex'))).toBe(0x061f + 4);
  });
  it('rejects other headers, short chunks and implausible lengths', () => {
    expect(codeOf(() => certificateLength(Buffer.from('308106', 'hex')))).toBe('CARD_BAD_RESPONSE');
    expect(codeOf(() => certificateLength(Buffer.from('3081FF00', 'hex')))).toBe('CARD_BAD_RESPONSE');
    expect(codeOf(() => certificateLength(Buffer.from('3183061F', 'hex')))).toBe('CARD_BAD_RESPONSE');
    expect(codeOf(() => certificateLength(Buffer.from('30820010', 'hex')))).toBe('CARD_BAD_RESPONSE');
    expect(codeOf(() => certificateLength(Buffer.from('3082FFFF', 'hex')))).toBe('CARD_BAD_RESPONSE');
  });
});

describe('token label (EF 0006)', () => {
  const label = (s: string) => Buffer.from(s.padEnd(32, ' '), 'ascii');
  it('accepts JPKIAPICCTOKEN2 padded with spaces', () => {
    expect(() => checkTokenLabel(label('JPKIAPICCTOKEN2'))).not.toThrow();
  });
  it('calls the old 住基 card, a smartphone token and garbage not a My Number card', () => {
    for (const l of ['JPKIAPICCTOKEN', 'JPKIAPGPSETOKEN', 'XXXXXXXXXXXXXXX'])
      expect(codeOf(() => checkTokenLabel(label(l)))).toBe('CARD_NOT_MYNUMBER');
    expect(codeOf(() => checkTokenLabel(Buffer.alloc(3)))).toBe('CARD_NOT_MYNUMBER');
  });
});
