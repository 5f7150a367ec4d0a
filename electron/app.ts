import os from 'node:os';
import type { AppStatus, Connectivity } from './contract';
import { createEventHub, type EventHub } from './events';
import { createDispatcher, type Dispatch, type Handlers } from './ipc';
import { resolveRuntime, type HostInfo, type Runtime } from './services/config';
import { silentLogger, type Logger } from './services/log';
import { APP_VERSION } from './version';
import type { Keychain } from '../native/keychain';

// The composition root. Electron's main.ts, the CLI and the e2e harness all build the app here, so every entry
// point runs the same services with the same validation. Services are created lazily: a CLI command opens only
// what it uses, and `status` works without a keychain, reader or network.

export interface AppOptions {
  host?: HostInfo;
  version?: string;
  /** The clock; business dates derive from it in Japan time (contract/time.ts). */
  clock?: () => Date;
  log?: Logger;
  /** Keychain factory; defaults to the OS keychain, loaded only when first needed. */
  keychain?: () => Keychain;
}

export interface KaigoApp {
  readonly runtime: Runtime;
  readonly handlers: Handlers;
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  getStatus(): AppStatus;
  close(): Promise<void>;
}

export function currentHost(): HostInfo {
  return { platform: process.platform, env: process.env, homeDir: os.homedir() };
}

async function loadOsKeychain(): Promise<Keychain> {
  const { osKeychain } = await import('../native/keychain');
  return osKeychain();
}

export async function createApp(options: AppOptions = {}): Promise<KaigoApp> {
  const host = options.host ?? currentHost();
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? silentLogger;
  const runtime = resolveRuntime(host);
  const events = createEventHub();
  const keychain = options.keychain ? options.keychain() : await loadOsKeychain();
  const connectivity: Connectivity = 'unknown'; // driven by services/connectivity once the session exists

  const keychainState = (): AppStatus['keychain'] => {
    try {
      keychain.getSecret('kaigo-desk.probe', 'probe');
      return 'available';
    } catch {
      return 'unavailable';
    }
  };

  const getStatus = (): AppStatus => ({
    version: options.version ?? APP_VERSION,
    mode: runtime.mode,
    dataDir: runtime.dataDir,
    connectivity,
    keychain: keychainState(),
    officeName: runtime.mode === 'training' ? '練習用事業所' : (runtime.config?.offices[0]?.name ?? null),
    configProblems: runtime.problems,
    now: clock().toISOString(),
  });

  const handlers: Handlers = {
    'app.getStatus': () => getStatus(),
  };

  return {
    runtime,
    handlers,
    dispatch: createDispatcher(handlers, log),
    events,
    getStatus,
    async close() {
      // Later services (databases, sessions, readers) register their shutdown here.
    },
  };
}
