import type { Page } from 'playwright-core';
import { waitFor } from './temp';

/** Logs in through the screen as the training care manager, reading the code from the training mailbox. */
export async function loginAsTrainingCareManager(page: Page): Promise<void> {
  await page.getByLabel('ユーザーID').fill('cm-renshu01');
  await page.getByLabel('パスワード').fill('Renshu-CM-2026!');
  await page.keyboard.press('Enter');
  const code = page.getByTestId('training-otp').first();
  await waitFor('the training mailbox code', async () => /^\d{6}$/.test((await code.textContent()) ?? ''), 10_000);
  await page.getByLabel('ワンタイムパスワード（6桁）').fill((await code.textContent())!);
  await page.keyboard.press('Enter');
  await waitFor('the logged-in header', async () => (await page.getByLabel('ログイン中の職員').count()) === 1, 10_000);
}
