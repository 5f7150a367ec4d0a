import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveAppRequest } from '../../electron/app-protocol';
import type { KaigoApp } from '../../electron/app';
import { CALL_NAMES, EVENT_NAMES, callChannel, eventChannel, type CallName } from '../../electron/contract';
import { OUT } from './paths';

// The e2e harness: the built renderer served on loopback (module scripts cannot load from file://), with
// window.kaigo built by the real out/preload.js. The preload's `require('electron')` gets a shim whose ipcRenderer
// talks to the real app's dispatcher through a Playwright binding: same contract, same sender check, same input
// validation as ipc.ts. Only Electron's transport is replaced.

const APP_URL_BASE = 'app://kaigo';

export interface RendererServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves out/renderer exactly as the app:// handler does (same resolver, same CSP header). */
export async function serveRenderer(rendererDir = path.join(OUT, 'renderer')): Promise<RendererServer> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first');
  }
  const server = http.createServer((req, res) => {
    void serveAppRequest(APP_URL_BASE + (req.url ?? '/'), rendererDir).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const channelToCall = new Map<string, CallName>(CALL_NAMES.map((name) => [callChannel(name), name]));

/** Builds the page-side shim and evaluates the real preload bundle in the page. */
function preloadInitScript(): string {
  const preload = fs.readFileSync(path.join(OUT, 'preload.js'), 'utf8');
  return `(() => {
    const listeners = new Map();
    const electron = {
      contextBridge: { exposeInMainWorld(key, api) { Object.defineProperty(window, key, { value: Object.freeze(api) }); } },
      ipcRenderer: {
        invoke(channel, payload) { return window.__kaigoInvoke(channel, payload); },
        on(channel, fn) { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(fn); },
        removeListener(channel, fn) { listeners.get(channel)?.delete(fn); },
      },
      // Chromium's File has no path: a test names the path of a file it sets (window.__kaigoTestPaths[name]).
      webUtils: { getPathForFile(file) { return (window.__kaigoTestPaths ?? {})[file.name] ?? ''; } },
    };
    Object.defineProperty(window, '__kaigoEmit', { value(channel, payload) {
      for (const fn of listeners.get(channel) ?? []) fn({}, payload);
    } });
    const require = (name) => { if (name !== 'electron') throw new Error('preload required ' + name); return electron; };
    const module = { exports: {} };
    (function (require, module, exports) {\n${preload}\n})(require, module, module.exports);
  })();`;
}

export interface AppPage {
  page: Page;
  close(): Promise<void>;
}

/** Opens the renderer in a new page wired to `app`. */
export async function openAppPage(browser: Browser, server: RendererServer, app: KaigoApp): Promise<AppPage> {
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 820 },
  });
  const page = await context.newPage();
  await page.exposeBinding('__kaigoInvoke', async (source, channel: unknown, payload: unknown) => {
    const name = typeof channel === 'string' ? channelToCall.get(channel) : undefined;
    // Map the loopback origin back to app://kaigo; any other frame keeps its real URL and is refused.
    const frameUrl = source.frame.url();
    const url = frameUrl.startsWith(server.origin + '/')
      ? APP_URL_BASE + frameUrl.slice(server.origin.length)
      : frameUrl;
    return app.dispatch(name ?? String(channel), { url, isMainFrame: source.frame === page.mainFrame() }, payload);
  });
  await page.addInitScript({ content: preloadInitScript() });
  const unsubscribes = EVENT_NAMES.map((name) =>
    app.events.subscribe(name, (payload) => {
      void page
        .evaluate(
          ([ch, p]) => (window as unknown as { __kaigoEmit(c: string, p: unknown): void }).__kaigoEmit(ch as string, p),
          [eventChannel(name), payload] as const,
        )
        .catch(() => undefined);
    }),
  );
  await page.goto(server.origin + '/index.html');
  await waitForShell(page);
  return {
    page,
    async close() {
      for (const u of unsubscribes) u();
      await context.close();
    },
  };
}

/**
 * Waits until the shell shows the app status (today's date in the header). 'load' fires before React has mounted
 * the shell, and the Alt+1…7 shortcuts are window listeners added in the shell's effects: a key pressed right after
 * `goto` was lost (shown with 20× CPU throttling; in CI the certificate e2e's first Alt+7 went nowhere and every
 * test after it waited on a screen that never opened). The status is asked for in an effect declared before the
 * shortcut effect, so once its answer is on screen the shortcuts are listening.
 */
export async function waitForShell(page: Page): Promise<void> {
  await page.getByLabel('今日の日付').filter({ hasText: /\S/ }).waitFor({ timeout: 30_000 });
}

/**
 * Chooses files in a file input by label, as staff would: Chromium's File has no path, so the paths are named to the
 * preload shim first (window.__kaigoTestPaths, read by webUtils.getPathForFile above), then the input gets the files.
 */
export async function chooseFiles(page: Page, label: string, files: readonly string[]): Promise<void> {
  const paths = Object.fromEntries(files.map((f) => [path.basename(f), f]));
  await page.evaluate((named) => {
    (window as unknown as { __kaigoTestPaths: Record<string, string> }).__kaigoTestPaths = named;
  }, paths);
  await page.getByLabel(label).setInputFiles([...files]);
}
