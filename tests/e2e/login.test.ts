import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import { createTestApp } from '../support/app';
import { launchChromium } from '../support/browser';
import { openAppPage, serveRenderer, type AppPage, type RendererServer } from '../support/harness';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { TEST_OUTPUT } from '../support/paths';

// 練習モード login end to end: the renderer → preload → dispatcher → session → the in-process training backend over
// TLS 1.3 with the training office certificate → the code from the training mailbox → logged in, audited.
let keyring: KeyringSession;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let server: RendererServer;
let testApp: Awaited<ReturnType<typeof createTestApp>>;
let app: KaigoApp;
let appPage: AppPage;
let page: Page;

const shot = async (name: string) => {
  fs.mkdirSync(path.join(TEST_OUTPUT, 'e2e'), { recursive: true });
  await page.screenshot({ path: path.join(TEST_OUTPUT, 'e2e', `login-${name}.png`) });
};

beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
  chromium = await launchChromium();
  server = await serveRenderer();
  testApp = await createTestApp();
  app = testApp.app;
  appPage = await openAppPage(chromium.browser, server, app);
  page = appPage.page;
});

afterAll(async () => {
  await appPage?.close();
  await chromium?.close();
  await server?.close();
  await testApp?.remove();
  await keyring?.stop();
});

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
