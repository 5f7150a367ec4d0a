import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import { openTrainingE2eWorld, type TrainingE2eWorld } from '../support/training-e2e';

// 練習モード login end to end: the renderer → preload → dispatcher → session → the in-process training backend over
// TLS 1.3 with the training office certificate → the code from the training mailbox → logged in, audited.
let world: TrainingE2eWorld;
let app: KaigoApp;
let page: Page;

beforeAll(async () => {
  world = await openTrainingE2eWorld();
  ({ app, page } = world);
});
afterAll(async () => world?.close());

const shot = (name: string) => world.shot(`login-${name}`);

describe('staff login in training mode', () => {
  it('refuses a wrong password with its message and code', async () => {
    await page.getByLabel('ユーザーID').fill('cm-renshu01');
    await page.getByLabel('パスワード').fill('not-the-password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('SESSION_LOGIN_FAILED');
    await shot('1-refused');
  });

  it('logs in with the one-time password from the training mailbox, by keyboard', async () => {
    await page.getByLabel('パスワード').fill('Renshu-CM-2026!');
    await page.keyboard.press('Enter');
    const code = page.getByTestId('training-otp').first();
    await expect.poll(() => code.textContent(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    await shot('2-code');
    await page.getByLabel('ワンタイムパスワード（6桁）').fill((await code.textContent())!);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('ログイン中の職員').textContent()).toContain('cm-renshu01');
    await shot('3-logged-in');
    expect(await page.getByRole('status').first().getAttribute('data-connectivity')).toBe('online');
    // The login is in the audit log; no token or password reached the page.
    expect(
      app
        .audit()
        .rows()
        .map((r) => [r.action, r.staffId]),
    ).toContainEqual(['login', 'cm-renshu01']);
    const html = await page.content();
    expect(html).not.toContain('Renshu-CM-2026!');
  });

  it('logs out', async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect.poll(() => page.getByLabel('ユーザーID').count()).toBe(1);
  });
});
