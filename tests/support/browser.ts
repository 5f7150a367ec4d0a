import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { tempDir } from './temp';

// Debian's Chromium driven by playwright-core (MACHINE.md "Chromium"): the background-networking flags keep it from
// dialling out on this closed network; a temporary profile keeps it out of ~/.config.

export const CHROMIUM_PATH = process.env.KAIGO_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run tests/support/system-packages.sh`);
  }
  const profile = tempDir('kd-chromium-'); // HOME for Chromium; playwright makes its own profile dir
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    env: { ...process.env, HOME: profile.path },
  });
  return {
    browser,
    async close() {
      await browser.close();
      profile.remove();
    },
  };
}
