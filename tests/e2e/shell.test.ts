import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import { routes } from '../../renderer/app/routes';
import { createTestApp } from '../support/app';
import { openE2eWorld, type E2eWorld } from '../support/e2e';

let world: E2eWorld;
let app: KaigoApp;
let page: Page;

beforeAll(async () => {
  world = await openE2eWorld({ app: () => createTestApp({ clock: () => new Date('2026-04-01T01:00:00Z') }) });
  ({ app, page } = world);
});

afterAll(async () => world?.close());

const focusedRoute = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('data-route') ?? null);

async function shiftTabTo(p: Page, route: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if ((await focusedRoute(p)) === route) return;
    await p.keyboard.press('Shift+Tab');
  }
  throw new Error(`could not reach ${route} by keyboard`);
}

describe('the shell in Chromium', () => {
  it('shows the training band, the office, the date in 令和 with the Western date, and the banner', async () => {
    await expect.poll(() => page.locator('.training-band').textContent()).toContain('練習モード');
    await expect
      .poll(() => page.getByLabel('事業所', { exact: true }).textContent())
      .toBe('練習用 居宅介護支援事業所 さくら');
    const today = page.getByLabel('今日の日付').locator('time');
    expect(await today.textContent()).toBe('令和8年4月1日（2026-04-01）');
    expect(await today.getAttribute('datetime')).toBe('2026-04-01');
    expect(await page.getByRole('status').getAttribute('data-connectivity')).toBe('unknown');
  });

  it('has the Japanese font really installed', async () => {
    const loaded = await page.evaluate(async () => (await document.fonts.load('16px KDJa', '日本語')).length);
    expect(loaded).toBe(1);
  });

  it('reaches the real status call through the preload bridge', async () => {
    const result = await page.evaluate(() => window.kaigo!.invoke('app.getStatus', {}));
    expect(result).toMatchObject({ ok: true, value: { mode: 'training', dataDir: app.runtime.dataDir } });
    const bad = await page.evaluate(() => window.kaigo!.invoke('app.getStatus', { extra: 1 } as never));
    expect(bad).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_INPUT' } });
    // ipcRenderer itself is not reachable from the page; droppedFiles resolves dropped files' paths in the preload.
    expect(await page.evaluate(() => Object.keys(window.kaigo!).sort())).toEqual(['droppedFiles', 'invoke', 'on']);
  });

  it('moves through every navigation entry by keyboard alone', async () => {
    // Start from a screen heading; the skip link comes before the navigation.
    await page.keyboard.press('Alt+7');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-heading');
    await shiftTabTo(page, routes[0].id);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Tab');
    expect(await focusedRoute(page)).toBe(routes[0].id);
    for (const route of routes) {
      await shiftTabTo(page, route.id);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('h1').textContent()).toBe(route.label);
      expect(await page.locator(`[data-route="${route.id}"]`).getAttribute('aria-current')).toBe('page');
      // Focus lands on the new screen's heading for screen-reader users.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-heading');
    }
    // Alt+digit shortcuts reach the same screens.
    await page.keyboard.press('Alt+1');
    await expect.poll(() => page.locator('h1').textContent()).toBe(routes[0].label);
  });

  it('updates the single banner live when connectivity changes', async () => {
    app.connectivity.observe({ kind: 'failure', cause: 'network' });
    const banner = page.getByRole('status');
    await expect.poll(() => banner.getAttribute('data-connectivity')).toBe('offline');
    expect(await banner.textContent()).toContain('オフライン');
    app.connectivity.observe({ kind: 'success', latencyMs: 5 });
    await expect.poll(() => banner.getAttribute('data-connectivity')).toBe('online');
  });

  it('shows the status on the settings screen and saves a screenshot', async () => {
    await page.keyboard.press('Alt+7');
    const facts = page.getByTestId('status-facts');
    await expect.poll(() => facts.locator('[data-field="mode"]').textContent()).toBe('練習モード');
    expect(await facts.locator('[data-field="dataDir"]').textContent()).toBe(app.runtime.dataDir);
    // Every navigation link has an accessible name.
    for (const route of routes) {
      expect(await page.getByRole('link', { name: new RegExp(route.label) }).count()).toBe(1);
    }
    await world.shot('shell-settings');
  });
});
