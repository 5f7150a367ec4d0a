import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFiles } from '../support/harness';
import { openTrainingE2eWorld, type TrainingE2eWorld } from '../support/training-e2e';
import { loginAsTrainingCareManager } from '../support/training-login';

// Chosen files through the screen: the real preload resolves each File's path (webUtils; in the Chromium harness the
// test names the path), main reads the file and answers with tokens, the report and the import use the tokens.

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan', 'canonical');
const ACTUALS = 'UPJSK_202412_1310200017_11_1310100019_43_20250105180000.CSV';
let world: TrainingE2eWorld;
let page: Page;

beforeAll(async () => {
  world = await openTrainingE2eWorld();
  ({ page } = world);
});
afterAll(async () => world?.close());

describe('ケアプラン files chosen on the screen', () => {
  it('checks and imports a chosen file read by main', async () => {
    await loginAsTrainingCareManager(page);
    await page.keyboard.press('Alt+5');
    await page.getByRole('tab', { name: '送受信', exact: true }).click();
    await chooseFiles(page, 'またはファイルを選ぶ', [path.join(FIXTURES, ACTUALS)]);
    const report = page.getByLabel('検査結果');
    await expect.poll(() => report.getByText(/エラー 0件/).count()).toBe(1);
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await expect.poll(() => page.getByText(/取り込みました: 1件/).count()).toBe(1);
    await page.getByRole('tab', { name: '送受信台帳' }).click();
    await expect.poll(() => page.getByRole('cell', { name: ACTUALS }).count()).toBe(1);
    await world.shot('careplan-drop-imported');
  });
});
