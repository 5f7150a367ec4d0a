import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';

// The virtual list in Chromium with 10,000 rows (the page the renderer bench scrolls): only the rows in view are in
// the DOM wherever the list is scrolled, and the keyboard reaches every row (↓, PageDown, End, Home, Enter).
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const ROOT = path.resolve(__dirname, '..', '..');

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [path.join(ROOT, 'tests/bench/entries/virtual-list.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: path.join(ROOT, 'test-output', 'virtual-list'),
  });
  const js = bundle.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
  const css = bundle.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  const rows = Array.from({ length: 10_000 }, (_, i) => ({
    personKey: `131016-${String(1_000_000_000 + i)}`,
    name: `利用者 ${i + 1}`,
    nameKana: 'リヨウシャ',
    insuredNumber: String(1_000_000_000 + i),
    date: '2026-11-30',
    detail: '要介護2・認定済',
    confirmedAt: '2026-11-26T00:00:00.000Z',
    source: 'training',
  }));
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  await page.setContent(
    `<!doctype html><meta charset="utf-8"><style>${css}</style><div id="root"></div>` +
      `<script>window.benchRows=${JSON.stringify(rows)}</script><script>${js}</script>`,
  );
  await page.waitForSelector('.virtual-row');
});
afterAll(async () => {
  await chromium?.close();
});

const domRows = () => page.locator('.virtual-row').count();
// The active row is rendered after the list scrolls to it (a frame later), so callers poll.
const activeIndex = () =>
  page.evaluate(() => {
    const id = document.querySelector('.virtual-viewport')?.getAttribute('aria-activedescendant');
    const row = id ? document.getElementById(id) : null;
    return row ? Number(row.getAttribute('aria-rowindex')) : null;
  });

describe('virtual list with 10,000 rows', () => {
  it('keeps only the rows in view in the DOM, at the top and deep in the list', async () => {
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe('10000');
    expect(await domRows()).toBeLessThanOrEqual(30);
    await page.locator('.virtual-viewport').evaluate((el) => (el.scrollTop = 36 * 6000));
    await expect.poll(() => page.getByText('利用者 6001', { exact: true }).count()).toBe(1);
    expect(await domRows()).toBeLessThanOrEqual(30);
    expect(await page.getByText('利用者 1', { exact: true }).count()).toBe(0);
  });

  it('moves the active row with the keyboard and opens it with Enter', async () => {
    await page.locator('.virtual-viewport').focus();
    await page.keyboard.press('Home');
    await expect.poll(activeIndex).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(activeIndex).toBe(3);
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await activeIndex()) ?? 0).toBeGreaterThan(3);
    await page.keyboard.press('End');
    await expect.poll(activeIndex).toBe(10_000);
    expect(await page.getByText('利用者 10000', { exact: true }).isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.benchActivated)).toBe(9999);
    expect(await domRows()).toBeLessThanOrEqual(30);
  });
});
