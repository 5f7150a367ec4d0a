import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingServer } from '../../electron/training/server';
import { openTrainingE2eWorld, type TrainingE2eWorld } from '../support/training-e2e';
import { loginAsTrainingCareManager } from '../support/training-login';

// ケアプラン in 練習モード through the screens: the care manager makes the training plan, checks it, sends it while
// the backend is away (送信待ち), the training 訪問介護 office receives it and returns 実績 on its own, the inbox
// imports them, the month shows 予定 vs 実績 and the ledger has both directions.
// The queued files go through the app's one outbox runtime (app.ts) once the backend is back.
let world: TrainingE2eWorld;
let page: Page;
let backend: TrainingServer;

beforeAll(async () => {
  world = await openTrainingE2eWorld();
  ({ page, backend } = world);
});
afterAll(async () => world?.close());

const shot = (name: string) => world.shot(`careplan-${name}`);

describe('ケアプラン exchange in 練習モード', () => {
  it('makes and checks the training plan, then sends it while the backend is away', async () => {
    await loginAsTrainingCareManager(page);
    await page.keyboard.press('Alt+5');
    await page.getByRole('tab', { name: '送受信', exact: true }).click();
    await page.getByRole('button', { name: '練習用の計画を作る' }).click();
    const report = page.getByLabel('検査結果');
    await expect.poll(() => report.getByText(/エラー 0件・警告 0件/).count()).toBe(3);
    await expect.poll(() => page.getByText('データ連携あり').count()).toBe(1);
    await shot('1-checked');
    await backend.suspend();
    await page.getByRole('button', { name: '送信', exact: true }).click();
    await expect.poll(() => page.getByText(/送信待ちに入れました（3ファイル）/).count()).toBe(1);
    await page.getByRole('tab', { name: '送受信台帳' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '送信待ち' }).count()).toBe(3);
    await shot('2-queued');
  });

  it('the partner returns 実績; the inbox imports them and the month shows 予定 vs 実績', async () => {
    await backend.resume();
    await page.getByRole('tab', { name: '送受信', exact: true }).click();
    // Each check clears the last result; wait for this check's own answer before reading it (the outbox delivers
    // the plan a few seconds after the backend returns, and the partner answers at once).
    const inboxResult = page.getByText(/^受信箱: 新しいファイル/);
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: '受信箱を確認' }).click();
          await expect.poll(() => inboxResult.count()).toBe(1);
          return inboxResult.textContent();
        },
        { timeout: 20_000 },
      )
      .toBe('受信箱: 新しいファイル 1件、取り込み 1件');
    await page.getByRole('tab', { name: '利用者・月' }).click();
    const list = page.getByLabel('利用者・月の一覧');
    await expect.poll(() => list.getByText('1事業所').count()).toBe(1);
    await list.getByRole('button').first().click();
    const comparison = page.getByLabel('予定と実績の比較');
    await expect.poll(() => comparison.getByText('予定のみ（実績なし）').count()).toBe(1);
    expect(await comparison.getByText('一致').count()).toBeGreaterThanOrEqual(7);
    expect(await page.getByLabel('第6表').locator('tbody tr').count()).toBe(1);
    expect(await page.getByLabel('第7表').getByText('999999').count()).toBe(1);
    await shot('3-comparison');
    await page.getByRole('tab', { name: '送受信台帳' }).click();
    const ledger = page.getByLabel('送受信台帳', { exact: true }).locator('table');
    await expect.poll(() => ledger.getByRole('cell', { name: '取込済' }).count()).toBe(1);
    expect(await ledger.getByRole('cell', { name: '送信', exact: true }).count()).toBe(3);
    expect(await ledger.getByRole('cell', { name: '受信', exact: true }).count()).toBe(1);
    await shot('4-ledger');
  });

  it('a partner not on the exchange gets the paper plan, printed by the page, and 紙で送付 in the ledger', async () => {
    await page.getByRole('tab', { name: '連携先' }).click();
    await page.getByLabel('事業所番号').fill('1310300015');
    await page.getByLabel('サービス種類').fill('17');
    await page.getByLabel('事業所名').fill('福祉用具 さくら');
    await page.getByLabel('ケアプランデータ連携を使っている').uncheck();
    await page.getByRole('button', { name: '連携先を追加' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'なし（紙で送付）' }).count()).toBe(1);
    await page.getByRole('tab', { name: '送受信', exact: true }).click();
    await page.getByRole('button', { name: '練習用の計画を作る' }).click();
    await expect
      .poll(() =>
        page
          .getByLabel('検査結果')
          .getByText(/エラー 0件/)
          .count(),
      )
      .toBe(3);
    await page.getByLabel('送信先').selectOption({ label: '福祉用具 さくら（1310300015・17） 紙で送付' });
    await page.getByRole('button', { name: '印刷・FAX用に出力' }).click();
    const paper = page.getByTestId('careplan-paper');
    await expect.poll(() => paper.getByText(/第6表 サービス利用票（兼居宅サービス計画）/).count()).toBe(1);
    // Hidden on screen, shown when printing.
    expect(await paper.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await paper.isVisible()).toBe(true);
    await shot('5-paper-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('tab', { name: '送受信台帳' }).click();
    await expect.poll(() => page.getByRole('cell', { name: '紙で送付', exact: true }).count()).toBe(1);
  });
});
