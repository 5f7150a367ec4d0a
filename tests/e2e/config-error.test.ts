import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type KaigoApp } from '../../electron/app';
import { launchChromium } from '../support/browser';
import { openAppPage, serveRenderer, type AppPage, type RendererServer } from '../support/harness';
import { TEST_OUTPUT } from '../support/paths';
import { testHost } from '../support/app';

// An invalid configuration shows an error screen naming file and field — never training data (DESIGN.md §4).
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let server: RendererServer;
let host: ReturnType<typeof testHost>;
let app: KaigoApp;
let appPage: AppPage;

beforeAll(async () => {
  host = testHost();
  const configFile = host.host.env.KAIGO_CONFIG!;
  fs.mkdirSync(path.dirname(configFile), { recursive: true });
  fs.writeFileSync(configFile, JSON.stringify({ schemaVersion: 1, endpoint: 'http://insecure.example', offices: [] }));
  app = await createApp({ host: host.host });
  chromium = await launchChromium();
  server = await serveRenderer();
  appPage = await openAppPage(chromium.browser, server, app);
});

afterAll(async () => {
  await appPage?.close();
  await chromium?.close();
  await server?.close();
  await app?.close();
  host?.remove();
});

describe('invalid configuration', () => {
  it('shows the error screen with file and field, and no training band', async () => {
    const page = appPage.page;
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBeGreaterThan(0);
    const text = await alert.first().textContent();
    expect(text).toContain('設定ファイルに問題がある');
    expect(text).toContain('endpoint');
    expect(text).toContain('trustAnchors');
    expect(text).toContain(host.host.env.KAIGO_CONFIG);
    expect(await page.locator('.training-band').count()).toBe(0);
    fs.mkdirSync(path.join(TEST_OUTPUT, 'e2e'), { recursive: true });
    await page.screenshot({ path: path.join(TEST_OUTPUT, 'e2e', 'config-error.png') });
  });
});
