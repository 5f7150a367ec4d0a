import os from 'node:os';
import type { AppStatus } from './contract';
import { createEventHub, type EventHub } from './events';
import { createDispatcher, type Dispatch, type Handlers } from './ipc';
import { openAuditLog, type AuditLog } from './services/audit';
import { resolveRuntime, type HostInfo, type Runtime } from './services/config';
import { createConnectivity, type ConnectivityMachine } from './services/connectivity';
import { KaigoError } from './services/errors';
import { silentLogger, type Logger } from './services/log';
import { openStore, type Store } from './services/store';
import { openVault, type Vault } from './services/vault';
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
  readonly connectivity: ConnectivityMachine;
  /** Opened on first use; throw KaigoError (KEYCHAIN_UNAVAILABLE, CONFIG_INVALID, STORE_*) when they cannot open. */
  vault(): Vault;
  store(): Store;
  audit(): AuditLog;
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
  // Fed by the session's requests; every change reaches the window through the contract event.
  const connectivity = createConnectivity({
    clock,
    onChange: ({ connectivity: state, since }) => events.emit('connectivity.changed', { connectivity: state, since }),
  });

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
    connectivity: connectivity.snapshot().connectivity,
    keychain: keychainState(),
    officeName: runtime.mode === 'training' ? '練習用事業所' : (runtime.config?.offices[0]?.name ?? null),
    configProblems: runtime.problems,
    now: clock().toISOString(),
  });

  let vault: Vault | null = null;
  let store: Store | null = null;
  let audit: AuditLog | null = null;
  const getVault = (): Vault => {
    if (runtime.mode === 'misconfigured') throw new KaigoError('CONFIG_INVALID', 'no vault while misconfigured');
    return (vault ??= openVault({ dataDir: runtime.dataDir, mode: runtime.mode, keychain }));
  };
  const getStore = (): Store => (store ??= openStore({ dataDir: runtime.dataDir, vault: getVault(), log }));
  const getAudit = (): AuditLog =>
    (audit ??= openAuditLog({ records: getStore().records(), vault: getVault(), clock, log }));

  const handlers: Handlers = {
    'app.getStatus': () => getStatus(),
  };

  return {
    runtime,
    handlers,
    dispatch: createDispatcher(handlers, log),
    events,
    getStatus,
    connectivity,
    vault: getVault,
    store: getStore,
    audit: getAudit,
    async close() {
      // Later services (sessions, readers) register their shutdown here.
      store?.close();
      vault?.close();
      store = vault = audit = null;
    },
  };
}
