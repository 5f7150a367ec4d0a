import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apdu, runCardCheck } from '../../electron/services/card';
import {
  cardFromState,
  cardStateOf,
  createTrainingCa,
  issueUserAuthCard,
  loadCardState,
  saveCardState,
} from '../../electron/training/virtual-card';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('kd-vcard-');
});
afterEach(() => dir.remove());

describe('virtual card state file', () => {
  it('keeps the key, the certificate and the PIN counters across runs, owner-only', async () => {
    const file = path.join(dir.path, 'card.json');
    const material = issueUserAuthCard(createTrainingCa());
    saveCardState(file, cardStateOf('normal', material, '1234', { authTries: 3, signTries: 5 }));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const first = cardFromState(file, loadCardState(file));
    const wrong = { mode: 'pin' as const, readPin: async () => '0000' };
    await expect(runCardCheck({ transmit: async (c) => first.transmit(c) }, wrong)).rejects.toMatchObject({
      code: 'CARD_PIN_WRONG',
      triesLeft: 2,
    });
    expect(loadCardState(file).authTries).toBe(2);

    const second = cardFromState(file, loadCardState(file));
    expect(second.authTriesLeft).toBe(2);
    const result = await runCardCheck(
      { transmit: async (c) => second.transmit(c) },
      { mode: 'pin', readPin: async () => '1234' },
    );
    expect(result.certificate.equals(material.certificate)).toBe(true);
    expect(loadCardState(file).authTries).toBe(3);
    // The tries query right after a success does not write anything new.
    second.transmit(apdu.selectEf(0x0018));
    second.transmit(apdu.triesQuery());
    expect(loadCardState(file).authTries).toBe(3);
  });

  it('refuses a file that is not a state file', () => {
    const file = path.join(dir.path, 'other.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, card: 'normal' }));
    expect(() => loadCardState(file)).toThrow('not a virtual-card state file');
  });
});
