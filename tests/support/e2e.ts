import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { KaigoApp } from '../../electron/app';
import { launchChromium } from './browser';
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
  const chromium = await launchChromium();
  const server = await serveRenderer();
  const built = await options.app();
  const appPage = await openAppPage(chromium.browser, server, built.app);
  return {
    app: built.app,
    page: appPage.page,
    async shot(name) {
      fs.mkdirSync(path.join(TEST_OUTPUT, 'e2e'), { recursive: true });
      await appPage.page.screenshot({ path: path.join(TEST_OUTPUT, 'e2e', `${name}.png`), fullPage: true });
    },
    async close() {
      await appPage.close();
      await chromium.close();
      await server.close();
      await built.remove();
      await keyring?.stop();
    },
  };
}
