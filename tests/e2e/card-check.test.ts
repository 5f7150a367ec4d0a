import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import type { TrainingServer } from '../../electron/training/server';
import { createLogger } from '../../electron/services/log';
import { createTestApp } from '../support/app';
import { openE2eWorld, type E2eWorld } from '../support/e2e';
import { loginAsTrainingCareManager } from '../support/training-login';

// The counter flow in 練習モード (issue 6 acceptance): provision the training office certificate through 設定 → 証明書
// (the same import path as a real .p12) → log in with the mailbox code → place a training card on the
// simulated reader → the client enters the PIN → the training backend verifies the signature over its nonce →
// the eligibility result. And the PIN-less card through the visual check.
let world: E2eWorld;
let app: KaigoApp;
let page: Page;
let backend: TrainingServer;
const copied: string[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  world = await openE2eWorld({
    app: () =>
      createTestApp({
        clipboard: (text) => copied.push(text),
        log: createLogger({ write: (line) => logLines.push(line) }),
      }),
    keychain: true,
  });
  ({ app, page } = world);
  backend = (await app.trainingBackend())!;
});
afterAll(async () => world?.close());

const state = () => page.getByLabel('資格の状態');

async function place(card: string) {
  await page.getByLabel('練習用カード').selectOption(card);
  await page.getByRole('button', { name: 'リーダーに置く' }).click();
  await expect.poll(() => page.getByText('カードを置きました。').count()).toBe(1);
}

const readCard = () => page.getByRole('button', { name: 'カードを読み取る（暗証番号で確認）' }).click();

/** The client presses the large keys of the PIN pad. */
async function enterPin(pin: string) {
  for (const digit of pin) await page.getByRole('button', { name: `数字 ${digit}` }).click();
  await page.getByRole('button', { name: '決定' }).click();
}

describe('card check at the counter (training)', () => {
  it('provisions the training office certificate through 設定 → 証明書', async () => {
    await page.keyboard.press('Alt+7');
    const importTraining = page.getByRole('button', { name: '練習用証明書を取り込む' });
    await expect.poll(() => importTraining.count(), { timeout: 10_000 }).toBe(1);
    await importTraining.click();
    const installed = page.getByLabel('取り込み済みの証明書');
    await expect.poll(() => installed.count(), { timeout: 10_000 }).toBe(1);
    await world.shot('card-0-provisioned');
    await page.keyboard.press('Alt+1');
  });

  it('logs in, places the normal card, shows the tries left, refuses a wrong PIN, then shows the result', async () => {
    await loginAsTrainingCareManager(page);
    await world.shot('card-1-logged-in');
    await place('normal');
    await world.shot('card-1-placed');
    await readCard();
    await expect.poll(() => page.getByText(/残り 3 回/).count()).toBe(1);
    await world.shot('card-1-pin-pad');
    await enterPin('9999');
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('CARD_PIN_WRONG');
    await world.shot('card-2-wrong-pin');
    await readCard();
    await expect.poll(() => page.getByText(/残り 2 回/).count()).toBe(1);
    await enterPin('1234');
    await expect.poll(() => state().getAttribute('data-state'), { timeout: 10_000 }).toBe('valid');
    const person = backend.data.data.persons[0]!;
    expect(await page.locator('#person-name').textContent()).toContain(person.insuredCard.name!);
    expect(backend.data.grantFor(person.personKey, '1370100016')?.mode).toBe('pin');
    await world.shot('card-3-result');
  });

  it('at one try left, keeps the pad locked until staff confirm', async () => {
    await place('one-try-left');
    await readCard();
    await expect.poll(() => page.getByText(/残り 1 回/).count()).toBe(1);
    expect(await page.getByRole('button', { name: '数字 1' }).isDisabled()).toBe(true);
    await world.shot('card-4-last-try');
    await page.getByLabel(/自信があることを確認しました/).check();
    await enterPin('1234');
    await expect.poll(() => state().getAttribute('data-state'), { timeout: 10_000 }).toBe('valid');
  });

  it('never asks for a PIN on a locked card and offers the visual check', async () => {
    await place('locked');
    await readCard();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('CARD_PIN_LOCKED');
    expect(await page.getByRole('button', { name: '数字 1' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'カードの顔写真と本人を目視で確認した' }).isEnabled()).toBe(true);
    // The municipal reset guidance, printable on its own.
    expect(await page.getByRole('complementary', { name: /ロック解除/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'この案内を印刷' }).count()).toBe(1);
    await world.shot('card-5-locked');
  });

  it('checks a PIN-less card visually with a reason', async () => {
    await place('pinless');
    await page.getByLabel('目視で確認する理由').selectOption('face-card');
    await page.getByRole('button', { name: 'カードの顔写真と本人を目視で確認した' }).click();
    await expect.poll(() => state().getAttribute('data-state'), { timeout: 10_000 }).toBe('valid');
    expect(backend.data.grantFor(backend.data.data.persons[0]!.personKey, '1370100016')?.mode).toBe('visual');
    await world.shot('card-4-visual');
  });

  it('shows the reader and copies support info with the last error code and no personal data', async () => {
    await expect
      .poll(() => page.getByLabel('カードリーダー', { exact: true }).inputValue())
      .toBe('Kaigo Desk 練習用リーダー');
    await page.getByRole('button', { name: 'サポート用情報をコピー' }).click();
    await expect.poll(() => copied.length).toBe(1);
    const text = copied[0]!;
    expect(text).toContain('Kaigo Desk 練習用リーダー');
    expect(text).toContain('CARD_PIN_LOCKED'); // the locked card above was the last failure
    const person = backend.data.data.persons[0]!;
    for (const secret of [person.insuredCard.name!, person.insuredCard.nameKana!, person.insuredCard.insuredNumber]) {
      expect(text).not.toContain(secret);
    }
  });

  it('writes no PIN, certificate serial, name or insured number to the product log', async () => {
    expect(logLines.length).toBeGreaterThan(0);
    const log = logLines.join('\n');
    const person = backend.data.data.persons[0]!;
    for (const secret of [person.insuredCard.name!, person.insuredCard.nameKana!, person.insuredCard.insuredNumber]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/"(1234|9999)"/);
    const checks = app
      .audit()
      .rows()
      .filter((r) => r.action === 'card-check');
    expect(checks.length).toBeGreaterThan(0);
    expect(log).not.toMatch(/[0-9A-F]{16,}/i);
  });

  it("shows the week's timing of each check phase in diagnostics", async () => {
    await page.keyboard.press('Alt+7');
    const table = page.getByRole('table', { name: '本人確認の所要時間' });
    await expect.poll(() => table.count(), { timeout: 10_000 }).toBe(1);
    const count = async (phase: string) =>
      Number(await table.locator(`[data-phase="${phase}"] td`).nth(1).textContent());
    expect(await count('card')).toBeGreaterThanOrEqual(4); // normal ×2, one-try-left, pinless (+ the locked read)
    expect(await count('pin')).toBeGreaterThanOrEqual(3);
    expect(await count('network')).toBeGreaterThanOrEqual(3);
    expect(await count('display')).toBeGreaterThanOrEqual(3);
    await world.shot('card-6-timings');
    await page.keyboard.press('Alt+1');
  });

  it('lets staff pick the second reader, remembers it for this user, and checks the card placed there', async () => {
    await page.getByLabel('カードリーダー', { exact: true }).selectOption('Kaigo Desk 練習用リーダー（2台目）');
    await expect
      .poll(() => app.dispatch('card.readers', { url: 'app://kaigo/index.html', isMainFrame: true }, {}))
      .toMatchObject({ ok: true, value: { selected: 'Kaigo Desk 練習用リーダー（2台目）' } });
    await place('normal');
    await readCard();
    await expect.poll(() => page.getByText(/残り 3 回/).count()).toBe(1);
    await enterPin('1234');
    await expect.poll(() => state().getAttribute('data-state'), { timeout: 10_000 }).toBe('valid');
    const prefs = JSON.parse(fs.readFileSync(path.join(app.runtime.dataDir, 'preferences.json'), 'utf8'));
    expect(prefs).toEqual({ cardReader: 'Kaigo Desk 練習用リーダー（2台目）' });
  });

  it('records each check in the audit log with the certificate serial only as a keyed hash', async () => {
    const checks = app
      .audit()
      .rows()
      .filter((r) => r.action === 'card-check');
    expect(checks.map((r) => JSON.parse(r.detail!).mode)).toEqual(['PIN', 'PIN', 'VISUAL', 'PIN']);
    for (const row of checks) expect(row.subject).toMatch(/^certificate:[0-9a-f]{64}$/);
    expect(app.audit().verify()).toMatchObject({ kind: 'ok' });
  });
});
