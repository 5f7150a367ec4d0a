import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import { openTrainingE2eWorld, type TrainingE2eWorld } from '../support/training-e2e';
import { loginAsTrainingCareManager } from '../support/training-login';

// 設定 → 導入チェック and 接続テスト in 練習モード (issue 5 items 3–4, UX.md rule 12), by keyboard: each step checked
// live against the in-process training server, ✓/✗ with the exact condition; the one-time-password login turns ✓
// after staff log in.
let world: TrainingE2eWorld;
let app: KaigoApp;
let page: Page;

beforeAll(async () => {
  world = await openTrainingE2eWorld();
  ({ app, page } = world);
});
afterAll(async () => world?.close());

const shot = (name: string) => world.shot(`setup-${name}`);

async function pressButton(name: string) {
  const button = page.getByRole('button', { name });
  await button.focus();
  await page.keyboard.press('Enter');
}

const items = () =>
  page
    .getByTestId('setup-items')
    .locator('li')
    .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-step'), li.getAttribute('data-ok')]));

describe('設定 → 導入チェック', () => {
  it('shows each step with ✓ or ✗ and the exact failing condition', async () => {
    await page.keyboard.press('Alt+7');
    await pressButton('導入チェックを実行');
    await expect.poll(items, { timeout: 15_000 }).toEqual([
      ['billing-id', 'true'],
      ['billing-id', 'true'],
      ['client-certificate', 'true'],
      ['client-certificate', 'true'],
      ['card-reader', 'true'],
      ['connection', 'true'],
      ['otp-login', 'false'],
    ]);
    const list = page.getByRole('list', { name: '導入チェックの結果' });
    expect(await list.locator('[data-step="otp-login"]').textContent()).toContain(
      '✗ 要対応 ワンタイムパスワードでのログイン: ログインして確認してください',
    );
    expect(await list.locator('[data-step="billing-id"]').first().textContent()).toContain('KJ1370100016');
    expect(await list.locator('[data-step="connection"]').textContent()).toContain('TLS 1.3 で接続し');
    expect(await page.getByTestId('setup-progress').textContent()).toBe('要対応の項目が 1 件あります。');
    const caps = page.getByTestId('subsidy-caps');
    expect(await caps.textContent()).toContain('42,000円');
    expect(await caps.textContent()).toContain('訪問・通所・短期');
    await shot('1-check');
  });

  it('turns the login step ✓ once staff have logged in, when run again', async () => {
    await page.keyboard.press('Alt+1');
    await loginAsTrainingCareManager(page);
    await page.keyboard.press('Alt+7');
    await pressButton('導入チェックを実行');
    await expect
      .poll(() => page.locator('[data-step="otp-login"]').getAttribute('data-ok'), { timeout: 15_000 })
      .toBe('true');
    expect(await page.getByTestId('setup-progress').textContent()).toBe('すべての項目を確認できました。');
  });
});

describe('設定 → 接続テスト', () => {
  it('reports the connection in plain Japanese', async () => {
    await pressButton('接続テストを実行');
    const report = page.getByTestId('connection-report');
    const field = (name: string) => report.locator(`[data-field="${name}"]`).textContent();
    await expect.poll(() => field('result'), { timeout: 15_000 }).toBe('✓ 接続できました');
    const training = (await app.trainingBackend())!;
    expect(await field('endpoint')).toBe(`${new URL(training.url).origin}（練習用サーバー）`);
    expect(await field('tls')).toBe('✓ TLS 1.3');
    expect(await field('cipher')).toMatch(/^TLS_/);
    expect(await field('serverRoot')).toBe('Kaigo Desk 練習用認証局');
    expect(await field('clientCertificate')).toMatch(/CN=1370100016.*（\d{4}-\d{2}-\d{2} \d{2}:\d{2} まで有効）$/);
    expect(await field('roundTrip')).toMatch(/^\d+ ms$/);
    expect(await page.getByTestId('interception-warning').count()).toBe(0);
    await shot('2-connection');
  });
});
