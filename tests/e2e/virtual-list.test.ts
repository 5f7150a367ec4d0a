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

// Rows are recycled (renderer/components/VirtualList.tsx): a scroll step re-fills the slots whose rows left the
// window instead of creating elements, so each slot must show exactly the row its attributes name, the
// accessibility tree must still read top to bottom, and focus must not stay inside a slot.
describe('virtual list row recycling', () => {
  const viewport = () => page.locator('.virtual-viewport');
  const scrollTo = async (top: number) => {
    await viewport().evaluate((el, t) => (el.scrollTop = t), top);
    const first = Math.floor(top / 36) + 1;
    await expect.poll(() => page.locator(`.virtual-row[aria-rowindex="${first}"]`).count()).toBe(1);
  };
  const renderedRows = () =>
    page.locator('.virtual-row').evaluateAll((els) =>
      els.map((el) => ({
        index: Number(el.getAttribute('aria-rowindex')),
        name: el.firstElementChild?.textContent,
        top: (el as HTMLElement).style.top,
      })),
    );

  it('shows in every slot the row its aria-rowindex names, after small, large and backward scrolls', async () => {
    for (const top of [0, 36 * 3 + 7, 36 * 50, 36 * 51 + 20, 36 * 9000, 36 * 17, 36 * 9990]) {
      await scrollTo(top);
      const rows = await renderedRows();
      expect(rows.length).toBeLessThanOrEqual(30);
      expect(new Set(rows.map((r) => r.index)).size).toBe(rows.length);
      for (const r of rows) {
        expect(r.name).toBe(`利用者 ${r.index}`);
        expect(r.top).toBe(`${(r.index - 1) * 36}px`);
      }
    }
  });

  it('re-fills the same row elements when scrolling a few rows instead of creating new ones', async () => {
    await scrollTo(36 * 200);
    await page.locator('.virtual-row').evaluateAll((els) => els.forEach((el) => el.setAttribute('data-seen', '')));
    await scrollTo(36 * 203);
    expect(await page.locator('.virtual-row').count()).toBeGreaterThan(0);
    expect(await page.locator('.virtual-row:not([data-seen])').count()).toBe(0);
    expect(await page.getByText('利用者 222', { exact: true }).count()).toBe(1); // a row that entered the window
  });

  it("lists the rows top to bottom in Chromium's accessibility tree, whatever the slots' DOM order", async () => {
    await scrollTo(36 * 107 + 5);
    const domOrder = (await renderedRows()).map((r) => r.index);
    expect(domOrder).not.toEqual([...domOrder].sort((a, b) => a - b)); // the slots are rotated here
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    await cdp.detach();
    const axRows = nodes
      .filter((n) => n.role?.value === 'row')
      .map((n) => Number(/利用者 (\d+)/.exec(String(n.name?.value))?.[1]));
    expect(axRows.length).toBe(domOrder.length);
    expect(axRows).toEqual([...domOrder].sort((a, b) => a - b));
  });

  it('moves focus to the list when a row is clicked, so focus never stays in a slot that will show another row', async () => {
    await scrollTo(36 * 300);
    // A focusable control inside a row, as the persons list has (a button with tabindex -1).
    await page.getByText('利用者 305', { exact: true }).evaluate((cell) => {
      const button = document.createElement('button');
      button.tabIndex = -1;
      button.textContent = '開く';
      cell.append(button);
    });
    await page.getByRole('button', { name: '開く' }).click();
    expect(await page.evaluate(() => window.benchActivated)).toBe(304);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('virtual-viewport');
    await expect.poll(activeIndex).toBe(305);
    await page.getByRole('button', { name: '開く' }).evaluate((b) => b.remove());
  });
});
