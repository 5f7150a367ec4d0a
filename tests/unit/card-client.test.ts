import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyPcscError, libraryErrorFor, PcscFailure } from '../../native/pcsc';
import { CardError, runCardCheck, toCardError, type CardChannel } from '../../electron/services/card';
import {
  createTrainingCa,
  issueUserAuthCard,
  VirtualMyNumberCard,
  type IssuedCard,
} from '../../electron/training/virtual-card';

// Untrusted card bytes: every answer of a full PIN-mode check is replaced by malformed variants; the client must end
// with a CardError (a contract code), never with a crash or a raw exception.

let material: IssuedCard;
beforeAll(() => {
  material = issueUserAuthCard(createTrainingCa());
});

type Mutation = (response: Buffer) => Buffer;
const MUTATIONS: Record<string, Mutation> = {
  empty: () => Buffer.alloc(0),
  oneByte: () => Buffer.from([0x90]),
  onlyOk: () => Buffer.from([0x90, 0x00]),
  truncatedData: (r) => (r.length > 4 ? Buffer.concat([r.subarray(0, (r.length - 2) >> 1), r.subarray(-2)]) : r),
  extraData: (r) => Buffer.concat([Buffer.from([0xde, 0xad]), r]),
  randomSw: (r) => Buffer.concat([r.subarray(0, -2), Buffer.from([0x6f, 0x00])]),
  garbage: () => crypto.randomBytes(40),
  bigGarbage: () => crypto.randomBytes(300),
};

function mutatingChannel(card: VirtualMyNumberCard, at: number, mutate: Mutation): CardChannel {
  let index = 0;
  return {
    transmit: async (cmd) => {
      const r = card.transmit(cmd);
      return index++ === at ? mutate(r) : r;
    },
  };
}

describe('JPKI client against malformed card answers', () => {
  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    it(`ends with a CardError or a valid result when answer n is "${name}"`, async () => {
      for (let at = 0; at < 16; at++) {
        const card = new VirtualMyNumberCard({ material });
        const outcome = await runCardCheck(mutatingChannel(card, at, mutate), {
          mode: 'pin',
          readPin: async () => '1234',
        }).then(
          () => 'ok',
          (err: unknown) => (err instanceof CardError ? err.code : `raw ${String(err)}`),
        );
        expect(outcome, `position ${at}`).toMatch(/^(ok|CARD_[A-Z_]+)$/);
        // A mangled answer never makes the client spend more than the one PIN try it was given.
        expect(card.log.filter((e) => e.command[1] === 0x20 && e.command.length > 4).length).toBeLessThanOrEqual(1);
      }
    });
  }

  it('rejects a certificate that does not start 30 82', async () => {
    const card = new VirtualMyNumberCard({ material });
    const channel = mutatingChannel(card, 4, (r) => Buffer.concat([Buffer.from([0x31]), r.subarray(1)]));
    await expect(runCardCheck(channel, { mode: 'visual' })).rejects.toMatchObject({ code: 'CARD_BAD_RESPONSE' });
  });

  it('rejects a short certificate chunk', async () => {
    const card = new VirtualMyNumberCard({ material });
    const channel = mutatingChannel(card, 6, (r) => Buffer.concat([r.subarray(0, 100), r.subarray(-2)]));
    await expect(runCardCheck(channel, { mode: 'visual' })).rejects.toMatchObject({ code: 'CARD_BAD_RESPONSE' });
  });

  it('rejects a signature that does not verify with the certificate', async () => {
    const card = new VirtualMyNumberCard({ material });
    const channel = mutatingChannel(card, 15, (r) => {
      const bad = Buffer.from(r);
      bad.writeUInt8(bad.readUInt8(10) ^ 0xff, 10);
      return bad;
    });
    await expect(runCardCheck(channel, { mode: 'pin', readPin: async () => '1234' })).rejects.toMatchObject({
      code: 'CARD_SIGNATURE_INVALID',
    });
  });

  it('hands the audit hook the mode, the outcome and the certificate, never the PIN', async () => {
    const records: unknown[] = [];
    const card = new VirtualMyNumberCard({ material });
    await runCardCheck(
      { transmit: async (c) => card.transmit(c) },
      { mode: 'pin', readPin: async () => '1234', recordCardCheck: (r) => void records.push(r) },
    );
    expect(records).toEqual([{ mode: 'pin', outcome: 'ok', certificate: material.certificate, apdus: 16 }]);
    expect(JSON.stringify(records)).not.toContain('1234');
  });
});

describe('PC/SC failures map to codes by type and PC/SC code', () => {
  it('classifies the addon error classes (CardRemovedError, ServiceNotRunningError, … and PCSCError codes)', () => {
    const kind = (code: number) => classifyPcscError(libraryErrorFor(code)).kind;
    expect(libraryErrorFor(0x80100069).name).toBe('CardRemovedError');
    expect(kind(0x8010001d)).toBe('service-down');
    expect(kind(0x80100069)).toBe('card-removed');
    expect(kind(0x8010000b)).toBe('sharing-violation');
    expect(kind(0x8010000a)).toBe('timeout');
    expect(kind(0x8010002e)).toBe('no-reader');
    expect(kind(0x80100068)).toBe('card-reset');
    expect(kind(0x8010000c)).toBe('no-card');
    expect(kind(0x80100066)).toBe('unresponsive');
  });
  it("classifies the native side's fixed error texts (pcsc_errors.h) and unknown errors", () => {
    expect(classifyPcscError(new Error('PC/SC service not running')).kind).toBe('service-down');
    expect(classifyPcscError(new Error('Card was removed')).kind).toBe('card-removed');
    expect(classifyPcscError(new Error('Card is unresponsive')).kind).toBe('unresponsive');
    expect(classifyPcscError(new Error('Card is not connected')).kind).toBe('card-removed');
    expect(classifyPcscError(new Error('something else')).kind).toBe('other');
    expect(classifyPcscError('not even an error').kind).toBe('other');
  });
  it('turns each kind into its contract code', () => {
    const code = (kind: PcscFailure['kind']) => toCardError(new PcscFailure(kind)).code;
    expect(code('service-down')).toBe('CARD_SERVICE_DOWN');
    expect(code('no-reader')).toBe('CARD_NO_READER');
    expect(code('no-card')).toBe('CARD_NO_CARD');
    expect(code('card-removed')).toBe('CARD_REMOVED');
    expect(code('card-reset')).toBe('CARD_REMOVED');
    expect(code('sharing-violation')).toBe('CARD_IN_USE');
    expect(code('timeout')).toBe('CARD_NOT_RESPONDING');
    expect(toCardError(new Error('x')).code).toBe('CARD_NOT_RESPONDING');
  });
});
