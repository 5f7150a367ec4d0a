import { beforeAll, describe, expect, it } from 'vitest';
import { CardError, chooseReader, openCardSession, runCardCheck } from '../../electron/services/card';
import {
  createSimulatedPcsc,
  createTrainingCa,
  issueUserAuthCard,
  VirtualMyNumberCard,
  type IssuedCard,
} from '../../electron/training/virtual-card';

// The in-process simulated reader (training mode) behind the same session code as real PC/SC.

let material: IssuedCard;
beforeAll(() => {
  material = issueUserAuthCard(createTrainingCa());
});

const A = 'Reader A';
const B = 'Reader B';

async function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'ok',
    (err: unknown) => (err instanceof CardError ? err.code : `raw ${String(err)}`),
  );
}

describe('simulated reader + card session', () => {
  it('runs a full PIN-mode check and resets the card on disconnect', async () => {
    const pcsc = createSimulatedPcsc([A]);
    const card = new VirtualMyNumberCard({ material });
    pcsc.insert(A, card);
    const session = await openCardSession(pcsc, chooseReader(pcsc).reader);
    const result = await runCardCheck(session.channel, { mode: 'pin', readPin: async () => '1234' });
    expect(result.apdus).toBe(16);
    session.end(true);
    // After the reset the key is locked again: SIGN without VERIFY answers 69 82.
    card.transmit(Buffer.from('00A4040C0AD392F000260100000001', 'hex'));
    card.transmit(Buffer.from('00A4020C020017', 'hex'));
    const sign = card.transmit(Buffer.concat([Buffer.from('802A008033', 'hex'), Buffer.alloc(51), Buffer.from([0])]));
    expect(sign.toString('hex')).toBe('6982');
  });

  it('names no reader, no card, removal mid-check and a stopped service', async () => {
    expect(() => chooseReader(createSimulatedPcsc([]))).toThrow(expect.objectContaining({ code: 'CARD_NO_READER' }));
    const pcsc = createSimulatedPcsc([A, B]);
    expect(() => chooseReader(pcsc, 'Other')).toThrow(expect.objectContaining({ code: 'CARD_NO_READER' }));
    expect(await codeOf(openCardSession(pcsc, A))).toBe('CARD_NO_CARD');

    const card = new VirtualMyNumberCard({ material });
    pcsc.insert(B, card);
    expect(chooseReader(pcsc).reader).toBe(B); // the reader holding a card
    const session = await openCardSession(pcsc, B);
    let n = 0;
    const removing = {
      transmit: async (c: Buffer) => {
        if (++n === 6) pcsc.remove(B);
        return session.channel.transmit(c);
      },
    };
    expect(await codeOf(runCardCheck(removing, { mode: 'pin', readPin: async () => '1234' }))).toBe('CARD_REMOVED');
    expect(card.authTriesLeft).toBe(3);

    pcsc.setServiceRunning(false);
    expect(() => chooseReader(pcsc)).toThrow(expect.objectContaining({ code: 'CARD_SERVICE_DOWN' }));
  });
});
