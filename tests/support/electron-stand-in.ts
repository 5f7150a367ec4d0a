import { EventEmitter } from 'node:events';
import type { ElectronModule } from '../../electron/lifecycle';

// A stand-in for the parts of the `electron` module that lifecycle.ts uses. Electron's binary cannot run on the build
// machines (DESIGN.md §6); this records what main asked Electron to do so unit tests can assert it.

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: Array<[string, unknown]> = [];
  mainFrame = { url: 'app://kaigo/index.html' };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  /** Emits an Electron-style cancellable event; returns whether the handler prevented it. */
  attempt(eventName: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(eventName, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export function createElectronStandIn(options: { packaged?: boolean; singleInstance?: boolean } = {}) {
  const calls: string[] = [];
  const windows: FakeWindow[] = [];
  const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response>>();
  const session = {
    permissionRequestHandler: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheckHandler: null as null | ((...args: unknown[]) => boolean),
    beforeRequest: null as null | {
      filter: { urls: string[] };
      listener: (d: unknown, cb: (r: unknown) => void) => void;
    },
  };
  const appEvents = new EventEmitter();
  let exitCode: number | null = null;
  let ready = false;

  class FakeWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    shown = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      calls.push('BrowserWindow');
      windows.push(this);
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
      this.emit('ready-to-show');
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }

  const electron = {
    app: {
      isPackaged: options.packaged ?? false,
      on(event: string, listener: (...args: unknown[]) => void) {
        appEvents.on(event, listener);
        return this;
      },
      exit(code: number) {
        calls.push(`exit:${code}`);
        exitCode = code;
      },
      quit() {
        calls.push('quit');
      },
      requestSingleInstanceLock() {
        calls.push('requestSingleInstanceLock');
        return options.singleInstance ?? true;
      },
      async whenReady() {
        calls.push('ready');
        ready = true;
      },
    },
    protocol: {
      registerSchemesAsPrivileged(schemes: unknown[]) {
        calls.push(ready ? 'registerSchemes-after-ready' : 'registerSchemes');
        (electron.protocol as { schemes?: unknown[] }).schemes = schemes;
      },
      handle(scheme: string, handler: (request: { url: string }) => Promise<Response>) {
        calls.push(`protocol.handle:${scheme}`);
        protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler(h: typeof session.permissionRequestHandler) {
          session.permissionRequestHandler = h;
        },
        setPermissionCheckHandler(h: typeof session.permissionCheckHandler) {
          session.permissionCheckHandler = h;
        },
        webRequest: {
          onBeforeRequest(filter: { urls: string[] }, listener: (d: unknown, cb: (r: unknown) => void) => void) {
            session.beforeRequest = { filter, listener };
          },
        },
      },
    },
    ipcMain: {
      handle(channel: string, handler: (event: unknown, payload: unknown) => unknown) {
        ipcHandlers.set(channel, handler);
      },
    },
    BrowserWindow: FakeWindow,
  };

  return {
    electron: electron as unknown as ElectronModule,
    calls,
    windows,
    ipcHandlers,
    protocolHandlers,
    session,
    appEvents,
    exitCode: () => exitCode,
  };
}
