import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import { CARE_LEVEL_LABELS, type CareLevelCode } from '../../electron/contract';
import type { TrainingServer } from '../../electron/training/server';
import { openTrainingE2eWorld, type TrainingE2eWorld } from '../support/training-e2e';
import { loginAsTrainingCareManager } from '../support/training-login';

// 障害時受付 end to end (issue 6 acceptance, UX.md rule 9): the backend is cut in the middle of a card check (after
// the card was read, before the proof reaches the service) → the 障害時受付 form opens; staff fill it by keyboard;
// the banner says since when and how many wait; the backend comes back; the re-run shows the differences between the
// counter's entry and the service, which wait for approval; staff approve.
let world: TrainingE2eWorld;
let app: KaigoApp;
let page: Page;
let backend: TrainingServer;

beforeAll(async () => {
  world = await openTrainingE2eWorld();
  ({ app, page, backend } = world);
});
afterAll(async () => world?.close());

const shot = (name: string) => world.shot(`outage-${name}`);

async function checkWithPin(stopBeforePin?: () => Promise<void>) {
  await page.getByLabel('練習用カード').selectOption('normal');
  await page.getByRole('button', { name: 'リーダーに置く' }).click();
  await expect.poll(() => page.getByText('カードを置きました。').count()).toBe(1);
  await page.getByRole('button', { name: 'カードを読み取る（暗証番号で確認）' }).click();
  await expect.poll(() => page.getByText(/残り \d 回/).count()).toBe(1);
  await stopBeforePin?.();
  for (const digit of '1234') await page.getByRole('button', { name: `数字 ${digit}` }).click();
  await page.getByRole('button', { name: '決定' }).click();
}

describe('障害時受付 when the service is cut mid-check', () => {
  it('opens the form when the backend goes away during a card check', async () => {
    await loginAsTrainingCareManager(page);
    // A returning client: checked online once, so the office serves the person.
    await checkWithPin();
    await expect
      .poll(() => page.getByLabel('資格の状態').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('valid');
    expect(await page.locator('.reception-form').count()).toBe(0);

    // Next visit: the card is read, then the service goes away before the proof is sent.
    await checkWithPin(() => backend.suspend());
    await expect
      .poll(() => page.locator('[data-connectivity]').getAttribute('data-connectivity'), {
        timeout: 15_000,
      })
      .toBe('offline');
    await expect.poll(() => page.locator('.reception-form').count()).toBe(1);
    expect(await page.getByTestId('outage-switched').count()).toBe(1);
    await shot('1-form-opened');
  });

  it('names wrong fields and focuses the first one; saves by keyboard; the banner shows since when and how many', async () => {
    const form = page.locator('.reception-form');
    const person = backend.data.data.persons[0]!;
    const card = person.insuredCard;
    // Enter on an empty form: every problem named, focus on the first field.
    await form.getByLabel('氏名').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => form.getByText('氏名を入力してください。').count()).toBe(1);
    expect(await form.getByText('証の被保険者番号（10桁）').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
    await shot('2-form-problems');

    // The client says one care level higher and 2割: the service will disagree.
    const said = (['21', '22', '23', '24', '25'] as CareLevelCode[]).find((c) => c !== card.careLevel)!;
    const saidRatio = person.burdenRatio.ratio === '20' ? '30' : '20';
    await page.keyboard.type(card.name!);
    await page.keyboard.press('Tab');
    await form.getByLabel('性別').selectOption(card.sex!);
    await page.keyboard.press('Tab');
    await page.keyboard.type(card.birthDate!);
    await page.keyboard.press('Tab');
    await page.keyboard.type(card.address!);
    await page.keyboard.press('Tab');
    await page.keyboard.type(card.insurerNumber);
    await page.keyboard.press('Tab');
    await page.keyboard.type(card.insuredNumber);
    await form.getByLabel('要介護度').selectOption(said);
    await form.getByLabel('有効期間（開始）').fill(card.certificationPeriod!.from);
    await form.getByLabel('有効期間（終了）').fill(card.certificationPeriod!.to);
    await form.getByLabel('負担割合').selectOption(saidRatio);
    await form.getByLabel('有効期間（終了）').press('Enter'); // Enter in a text field saves
    await expect.poll(() => page.getByText(/障害時受付を保存しました（1件）/).count()).toBe(1);
    await expect.poll(() => page.getByTestId('queued-count').textContent()).toBe('送信待ち 1件');
    expect(await page.getByTestId('unavailable-since').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} から$/);
    await expect.poll(() => page.locator('[data-reception-state="queued"]').count(), { timeout: 10_000 }).toBe(1);
    await shot('3-queued');
  });

  it('re-runs when the service is back and waits for approval of the differences', async () => {
    const person = backend.data.data.persons[0]!;
    await backend.resume();
    await page.getByRole('button', { name: '今すぐ再送' }).click();
    const entry = page.locator('[data-reception-state="awaiting-approval"]');
    await expect.poll(() => entry.count(), { timeout: 15_000 }).toBe(1);
    const table = entry.getByRole('table', { name: '受付時の内容と介護WEBサービスの内容の相違' });
    const careRow = table.getByRole('row', { name: /要介護状態区分等/ });
    expect(await careRow.textContent()).toContain(CARE_LEVEL_LABELS[person.insuredCard.careLevel!]);
    expect(await table.getByRole('row', { name: /利用者負担の割合/ }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('queued-count').count()).toBe(0);
    await expect.poll(() => page.locator('[data-connectivity]').getAttribute('data-connectivity')).toBe('online');
    await shot('4-differences');

    await entry.getByRole('button', { name: '承認（サービスの内容を採用）' }).click();
    await expect.poll(() => page.locator('[data-reception-state]').count()).toBe(0);
    const [saved] = app.store().records().all<{ state: string }>('SELECT state FROM reception_entries');
    expect(saved!.state).toBe('approved');
    await shot('5-approved');
  });
});
