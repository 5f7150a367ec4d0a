import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { KaigoApp } from '../../electron/app';
import { launchChromium } from './browser';
import { electronDriverSelected, openElectronPage } from './electron-driver';
import { openAppPage, serveRenderer } from './harness';
import { startKeyringSession } from './keyring';
import { TEST_OUTPUT } from './paths';

// One e2e world: Chromium, the built renderer on loopback, a real app (optionally with the OS keychain on a private
// D-Bus) and a page wired to it. Each spec builds one in beforeAll and closes it in afterAll.

export interface E2eWorld {
  app: KaigoApp;
  page: Page;
  /** Saves a full-page screenshot under test-output/e2e/. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openE2eWorld(options: {
  /** Builds the app; returns it with its clean-up. */
  app: () => Promise<{ app: KaigoApp; remove(): Promise<void> | void }>;
  /** Start a Secret Service first, so the vault, store and audit log work. */
  keychain?: boolean;
}): Promise<E2eWorld> {
  const keyring = options.keychain ? await startKeyringSession() : null;
  keyring?.enterProcess();
  // `npm run test:electron` runs these same specs against the real Electron window (tests/support/electron-driver.ts).
  if (electronDriverSelected()) {
    const built = await options.app();
    const electron = await openElectronPage(built.app);
    return {
      app: built.app,
      page: electron.page,
      shot: (name) => saveShot(electron.page, name),
      async close() {
        await electron.close();
        await built.remove();
        await keyring?.stop();
      },
    };
  }
  const chromium = await launchChromium();
  const server = await serveRenderer();
  const built = await options.app();
  const appPage = await openAppPage(chromium.browser, server, built.app);
  return {
    app: built.app,
    page: appPage.page,
    shot: (name) => saveShot(appPage.page, name),
    async close() {
      await appPage.close();
      await chromium.close();
      await server.close();
      await built.remove();
      await keyring?.stop();
    },
  };
}

async function saveShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(path.join(TEST_OUTPUT, 'e2e'), { recursive: true });
  await page.screenshot({ path: path.join(TEST_OUTPUT, 'e2e', `${name}.png`), fullPage: true });
}
