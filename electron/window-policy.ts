import type { BrowserWindowConstructorOptions } from 'electron';

// What the window may do, as data, so unit tests can assert every option without Electron.

/** Strict CSP for app:// responses (and the same string in index.html for the e2e harness). No remote content. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const APP_ENTRY_URL = 'app://kaigo/index.html';

export function windowOptions(preloadPath: string, development: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: '介護デスク',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: development,
    },
  };
}

/** Navigation is allowed only within the app's own origin (in-page routing uses the hash). */
export function isAllowedNavigation(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'kaigo';
  } catch {
    return false;
  }
}

/** Every permission (camera, notifications, HID, serial, …) is denied: the app needs none from the web layer. */
export const denyAllPermissions = (
  _contents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void => callback(false);
