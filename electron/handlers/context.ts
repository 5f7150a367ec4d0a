import os from 'node:os';
import path from 'node:path';
import type { AppStatus } from '../contract';
import { openBackend, type Backend } from '../backend';
import { createOfficeCertificates, type OfficeCertificates } from '../services/certificate';
import {
  createSession,
  IdleLock,
  OfflineUnlock,
  type OfflineGrant,
  type Session,
  type Staff,
} from '../services/session';
import { createKibanClient, type KibanClient } from '../services/kiban';
import type { Pcsc } from '../../native/pcsc';
import type { Keychain } from '../../native/keychain';
import { createSimulatedPcsc, type SimulatedPcsc } from '../training/virtual-card';
import { createEventHub, type EventHub } from '../events';
import { openAuditLog, type AuditLog } from '../services/audit';
import {
  PROVISIONED_MARKER,
  preferenceStore,
  resolveRuntime,
  type HostInfo,
  type PreferenceStore,
  type Runtime,
} from '../services/config';
import { createConnectivity, type ConnectivityMachine, type FailureCause } from '../services/connectivity';
import type { PurgeTimer } from '../services/cache';
import { KaigoError } from '../services/errors';
import { silentLogger, type Logger } from '../services/log';
import { openStore, type Store } from '../services/store';
import { openVault, type Vault } from '../services/vault';
import { APP_VERSION } from '../version';
import { createActiveOffices, notifyingCertificates, type ActiveOffices } from './active-office';

// What every handler group shares: the runtime, the lazily opened services, the session with the service and who is
// logged in. Built once per app by app.ts; each file next to this one turns it into the handlers of one feature.

/** Why a folder is chosen: writing a send unit for the official upload, or reading a download folder. */
export type FolderPurpose = 'careplan-export' | 'careplan-import';

export interface AppOptions {
  host?: HostInfo;
  version?: string;
  /** The clock; business dates derive from it in Japan time (contract/time.ts). */
  clock?: () => Date;
  log?: Logger;
  /** Keychain factory; defaults to the OS keychain, loaded only when first needed. */
  keychain?: () => Keychain;
  /** Writes text to the OS clipboard (Electron's clipboard in the app; a recorder in tests). */
  clipboard?: (text: string) => void;
  /** Main-process file dialog (Electron's showOpenDialog in the app; a stand-in returning a path in tests). */
  chooseFile?: (purpose: 'p12') => Promise<string | null>;
  /** Main-process save dialog (Electron's showSaveDialog in the app; a stand-in returning a path in tests); null = cancelled. */
  chooseSaveFile?: (request: SaveFileRequest) => Promise<string | null>;
  /** Main-process folder dialog (care-plan export for the official upload, or a download folder to import); null = cancelled. */
  chooseFolder?: (purpose: FolderPurpose) => Promise<string | null>;
  /** The timer of the scheduled cache purge (cache/purge-schedule.ts); tests pass one they drive. */
  purgeTimer?: PurgeTimer;
}

/** What the save dialog offers: a default file name and the kind of file. */
export interface SaveFileRequest {
  defaultName: string;
  kind: 'csv';
}

export interface AppContext {
  readonly runtime: Runtime;
  readonly host: HostInfo;
  readonly version: string;
  readonly clock: () => Date;
  readonly log: Logger;
  readonly events: EventHub;
  readonly connectivity: ConnectivityMachine;
  readonly keychain: Keychain;
  readonly preferences: PreferenceStore;
  readonly clipboard: ((text: string) => void) | undefined;
  readonly chooseFile: ((purpose: 'p12') => Promise<string | null>) | undefined;
  readonly chooseSaveFile: ((request: SaveFileRequest) => Promise<string | null>) | undefined;
  readonly chooseFolder: ((purpose: FolderPurpose) => Promise<string | null>) | undefined;
  readonly purgeTimer: PurgeTimer | undefined;
  /** Registers clean-up run by close() before the services close (e.g. stopping a schedule). */
  onClose(fn: () => void): void;
  /** The office client certificate in the vault (import, details, first-start drop folder). */
  readonly certificates: OfficeCertificates;
  /** The offices this PC serves and the one this user works for now (its certificate is the one TLS presents). */
  readonly offices: ActiveOffices;
  /** Ends the session so the next call reconnects (e.g. with a newly imported client certificate). */
  resetSession(): Promise<void>;
  readonly freshnessHours: number;
  getStatus(): AppStatus;
  /** Opened on first use; throw KaigoError (KEYCHAIN_UNAVAILABLE, CONFIG_INVALID, STORE_*) when they cannot open. */
  vault(): Vault;
  store(): Store;
  audit(): AuditLog;
  /**
   * Runs a vault-backed side task (offline verifier, audit row, timings). In training mode a PC without a keychain
   * can still practise; with a configuration the keychain is required (KEYCHAIN_UNAVAILABLE).
   */
  withVault<T>(fn: () => T): T | null;
  backend(): Promise<Backend>;
  session(): Promise<Session>;
  /** The session if one was opened, without opening it. */
  openedSession(): Session | null;
  /** Every exchange with the service tells the connectivity machine what happened (DESIGN.md §5). */
  observed<T>(fn: () => Promise<T>): Promise<T>;
  kiban(): Promise<KibanClient>;
  offlineUnlock(): OfflineUnlock;
  /** A read-only offline unlock while the service cannot be reached (DESIGN.md §4). */
  offlineGrant: OfflineGrant | null;
  /** The idle lock (DESIGN.md §4): while closed, requireStaff()/requireOnlineStaff() refuse (SESSION_IDLE_LOCKED). */
  readonly idleLock: IdleLock;
  /** Online login: needed for anything that talks to the service or sends. */
  requireOnlineStaff(): Staff;
  /** Reading cached data: an online login, or an offline unlock that has not run out. */
  requireStaff(): Staff;
  /** The card reader: simulated in 練習モード, PC/SC otherwise (loaded on first use). */
  cardReader(): Promise<Pcsc>;
  preferredReader(): string | undefined;
  /** Closes everything opened so far. */
  close(): Promise<void>;
}

export function currentHost(): HostInfo {
  return { platform: process.platform, env: process.env, homeDir: os.homedir() };
}

async function loadOsKeychain(): Promise<Keychain> {
  const { osKeychain } = await import('../../native/keychain');
  return osKeychain();
}

// Failures that mean the service could not be reached; any other refusal is still an answer from a reachable service.
const FAILURE_CAUSE: Partial<Record<string, FailureCause>> = {
  SESSION_UNREACHABLE: 'network',
  SESSION_TIMEOUT: 'timeout',
  SESSION_TLS_FAILED: 'tls',
  SESSION_CLIENT_CERT_REFUSED: 'certificate',
  SESSION_SERVER_UNTRUSTED: 'certificate',
  SESSION_BAD_RESPONSE: 'server',
  SESSION_SERVICE_UNAVAILABLE: 'server',
};

export async function createAppContext(options: AppOptions = {}): Promise<AppContext> {
  const host = options.host ?? currentHost();
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? silentLogger;
  const version = options.version ?? APP_VERSION;
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

  let backend: Promise<Backend> | null = null;
  let session: Session | null = null;
  // Every import and removal is audited as who did it (staff or 'installer'); the certificate itself only as a hash.
  const officeCertificates = createOfficeCertificates({
    store: () => getVault(),
    clock,
    log,
    officeNumbers: () => runtime.config?.offices.map((o) => o.officeNumber) ?? [],
    provisionedMarker: runtime.mode === 'configured' ? path.join(runtime.dataDir, PROVISIONED_MARKER) : null,
    dropFolder: runtime.config?.certificateDropFolder ?? null,
    audit: (e) =>
      getAudit().record({
        staffId: e.staffId,
        action: 'config-change',
        ...(e.fingerprint ? { subject: { kind: 'certificate' as const, value: e.fingerprint } } : {}),
        detail: { change: e.change, source: e.source, outcome: e.outcome },
      }),
  });
  const preferences = preferenceStore(runtime.dataDir);
  const offices = createActiveOffices({ runtime, preferences, certificates: officeCertificates });
  // Imports and removals pass through here, so the offices' remembered certificate presence follows them.
  const certificates = notifyingCertificates(officeCertificates, offices.certificatesChanged);
  const activeOfficeNumber = () => offices.active()?.officeNumber ?? null;
  // A failed open (e.g. no certificate yet) is not kept: the next call tries again.
  const getBackend = () =>
    (backend ??= openBackend(runtime, clock, {
      activeOffice: activeOfficeNumber,
      clientCertificate: () => {
        const office = activeOfficeNumber();
        return office ? certificates.material(office) : null;
      },
    }).catch((err) => {
      backend = null;
      throw err;
    }));
  const getSession = async (): Promise<Session> => {
    if (session) return session;
    const b = await getBackend();
    // No answer within 10 s counts as a service failure and opens 障害時受付 (UX.md rule 9).
    return (session ??= createSession({ baseUrl: b.baseUrl, tls: b.tls, clock, log, timeoutMs: 10_000 }));
  };
  // One instance, so its failure counter (pause after repeated wrong passwords) spans attempts.
  let offlineUnlock: OfflineUnlock | null = null;
  const idleLock = new IdleLock(clock, runtime.config?.idleLockMinutes ?? 10);

  let simulatedReader: SimulatedPcsc | null = null;
  let pcsc: Pcsc | null = null;

  const closeHooks: Array<() => void> = [];
  const ctx: AppContext = {
    runtime,
    host,
    version,
    clock,
    log,
    events,
    connectivity,
    keychain,
    preferences,
    clipboard: options.clipboard,
    chooseFile: options.chooseFile,
    chooseSaveFile: options.chooseSaveFile,
    chooseFolder: options.chooseFolder,
    purgeTimer: options.purgeTimer,
    onClose: (fn) => void closeHooks.push(fn),
    certificates,
    offices,
    async resetSession() {
      const closing = session;
      session = null;
      await closing?.close();
    },
    freshnessHours: runtime.config?.freshnessHours ?? 24,
    getStatus: () => ({
      version,
      mode: runtime.mode,
      dataDir: runtime.dataDir,
      connectivity: connectivity.snapshot().connectivity,
      keychain: keychainState(),
      officeName: offices.active()?.name ?? null,
      configProblems: runtime.problems,
      now: clock().toISOString(),
    }),
    vault: getVault,
    store: getStore,
    audit: getAudit,
    withVault<T>(fn: () => T): T | null {
      try {
        return fn();
      } catch (err) {
        if (runtime.mode === 'training' && err instanceof KaigoError && err.code === 'KEYCHAIN_UNAVAILABLE') {
          log.warn('session.no-keychain', { mode: runtime.mode });
          return null;
        }
        throw err;
      }
    },
    backend: getBackend,
    session: getSession,
    openedSession: () => session,
    async observed<T>(fn: () => Promise<T>): Promise<T> {
      const started = Date.now();
      try {
        const value = await fn();
        connectivity.observe({ kind: 'success', latencyMs: Date.now() - started });
        return value;
      } catch (err) {
        const cause = err instanceof KaigoError ? FAILURE_CAUSE[err.code] : undefined;
        connectivity.observe(cause ? { kind: 'failure', cause } : { kind: 'success', latencyMs: Date.now() - started });
        throw err;
      }
    },
    kiban: async () =>
      createKibanClient({
        session: await getSession(),
        cache: () => getStore().cache(),
        source: runtime.mode === 'training' ? 'training' : 'api',
      }),
    offlineUnlock: () =>
      (offlineUnlock ??= new OfflineUnlock({
        store: getVault(),
        clock,
        offlineHours: runtime.config?.offlineUnlockHours ?? 72,
        audit: (e) =>
          getAudit().record({
            staffId: e.staffId,
            action: 'offline-unlock',
            detail: { outcome: e.outcome.toUpperCase(), ...(e.event === 'idle-resume' ? { kind: 'IDLE-RESUME' } : {}) },
          }),
      })),
    offlineGrant: null,
    idleLock,
    requireOnlineStaff() {
      if (idleLock.isLocked()) throw new KaigoError('SESSION_IDLE_LOCKED');
      const staff = session?.state().tokens?.staff;
      if (!staff || session?.state().phase !== 'logged-in') throw new KaigoError('SESSION_LOGIN_REQUIRED');
      return staff;
    },
    requireStaff() {
      if (idleLock.isLocked()) throw new KaigoError('SESSION_IDLE_LOCKED');
      if (session?.state().phase === 'logged-in') return ctx.requireOnlineStaff();
      const grant = ctx.offlineGrant;
      if (grant && clock().getTime() < Date.parse(grant.validUntil)) return grant.staff;
      ctx.offlineGrant = null;
      throw new KaigoError('SESSION_LOGIN_REQUIRED');
    },
    // In 練習モード a simulated reader in this process (training cards are placed on it from the screen).
    cardReader: async (): Promise<Pcsc> => {
      if (runtime.mode === 'training') {
        return (simulatedReader ??= createSimulatedPcsc([
          'Kaigo Desk 練習用リーダー',
          'Kaigo Desk 練習用リーダー（2台目）',
        ]));
      }
      return (pcsc ??= (await import('../../native/pcsc')).openPcsc());
    },
    // With two readers staff pick one; the choice is remembered per user, else the installer's preset applies.
    preferredReader: () => preferences.read().cardReader ?? runtime.config?.cardReader ?? undefined,
    async close() {
      for (const fn of closeHooks.splice(0)) fn();
      await session?.close();
      if (backend) await (await backend.catch(() => null))?.close();
      session = null;
      backend = null;
      store?.close();
      vault?.close();
      store = vault = audit = null;
    },
  };
  return ctx;
}
