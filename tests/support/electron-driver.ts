import fs from 'node:fs';
import path from 'node:path';
import { _electron, type Page } from 'playwright-core';
import type { KaigoApp } from '../../electron/app';
import { waitForShell } from './harness';
import { OUT } from './paths';
import { tempDir } from './temp';

// The second e2e driver (issue 9): the same spec files, but the page is the real Electron window, launched through
// Playwright's _electron.launch. Selected by KAIGO_E2E_DRIVER=electron (tests/electron/run.mjs sets it when an
// Electron binary exists). KAIGO_ELECTRON_APP runs a packaged test-flavour app (`KAIGO_BUILD_FLAVOUR=test npm run
// dist -- --dir`); otherwise KAIGO_ELECTRON runs out/main.js with the development binary.
//
// The window's app is Electron's own main process on the same data folder and configuration as the spec's `app`
// (built first, as in the Chromium harness). Limits, because they are two processes: what a spec stages through
// `app` (e.g. the in-process training backend or simulated reader) is not seen by the window, and a spec's fixed
// clock does not reach Electron's main process.

export const electronDriverSelected = () => process.env.KAIGO_E2E_DRIVER === 'electron';

/** The environment that makes Electron's main process resolve the same runtime as `app` (services/config/paths). */
export function electronEnvFor(app: KaigoApp, scratch: string): Record<string, string> {
  const { runtime } = app;
  const machineFile = runtime.configFiles[0] ?? path.join(scratch, 'no-config.json');
  return {
    KAIGO_CONFIG: machineFile,
    KAIGO_USER_CONFIG: runtime.configFiles[1] ?? path.join(scratch, 'no-user-config.json'),
    // Training mode keeps its data in <data dir>/training (services/config/paths.ts trainingDataDir).
    KAIGO_DATA_DIR: runtime.mode === 'training' ? path.dirname(runtime.dataDir) : runtime.dataDir,
  };
}

export async function openElectronPage(app: KaigoApp): Promise<{ page: Page; close(): Promise<void> }> {
  const packaged = process.env.KAIGO_ELECTRON_APP;
  const executablePath = packaged ?? process.env.KAIGO_ELECTRON;
  if (!executablePath || !fs.existsSync(executablePath)) {
    throw new Error(
      'KAIGO_E2E_DRIVER=electron needs KAIGO_ELECTRON_APP or KAIGO_ELECTRON (run: npm run test:electron)',
    );
  }
  const scratch = tempDir('kd-electron-');
  const electronApp = await _electron.launch({
    executablePath,
    args: packaged ? [] : [path.join(OUT, 'main.js')],
    env: { ...(process.env as Record<string, string>), ...electronEnvFor(app, scratch.path), HOME: scratch.path },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  const page = await electronApp.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  await waitForShell(page);
  return {
    page,
    async close() {
      await electronApp.close();
      scratch.remove();
    },
  };
}
