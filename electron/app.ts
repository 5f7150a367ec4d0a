import { X509Certificate } from 'node:crypto';
import os from 'node:os';
import type { AppStatus, ReaderStatus, SessionView, TrainingMail } from './contract';
import { openBackend, type Backend } from './backend';
import {
  createSession,
  OfflineUnlock,
  type OfflineGrant,
  type PreparedVerifier,
  type Session,
} from './services/session';
import { TRAINING_STAFF, type TrainingServer } from './training/server';
import { searchPersons } from './services/cache';
import { createKibanClient } from './services/kiban';
import { deadlineRows, personDetail, personDetailForState } from './services/views';
import { CardError, createCounterCheck } from './services/card';
import { checkTimings, type CheckPhase } from './services/diagnostics';
import {
  createSimulatedPcsc,
  createTrainingCard,
  issueUserAuthCard,
  trainingCa,
  type SimulatedPcsc,
} from './training/virtual-card';
import type { Pcsc } from '../native/pcsc';
import { createEventHub, type EventHub } from './events';
import { createDispatcher, type Dispatch, type Handlers } from './ipc';
import { openAuditLog, type AuditLog } from './services/audit';
import { preferenceStore, resolveRuntime, type HostInfo, type Runtime } from './services/config';
import { createConnectivity, type ConnectivityMachine, type FailureCause } from './services/connectivity';
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
  /** Writes text to the OS clipboard (Electron's clipboard in the app; a recorder in tests). */
  clipboard?: (text: string) => void;
}

export interface KaigoApp {
  readonly runtime: Runtime;
  readonly handlers: Handlers;
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  getStatus(): AppStatus;
  readonly connectivity: ConnectivityMachine;
  /** The in-process training backend (練習モード only; null otherwise), e.g. for the e2e harness to stage a scenario. */
  trainingBackend(): Promise<TrainingServer | null>;
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

  // The session with the service (or the in-process training backend), opened on first use.
  let backend: Promise<Backend> | null = null;
  let session: Session | null = null;
  let pendingVerifier: PreparedVerifier | null = null;
  const getBackend = () => (backend ??= openBackend(runtime, clock));
  const getSession = async (): Promise<Session> => {
    if (session) return session;
    const b = await getBackend();
    return (session ??= createSession({ baseUrl: b.baseUrl, tls: b.tls, clock, log }));
  };
  // One instance, so its failure counter (pause after repeated wrong passwords) spans attempts.
  let offlineUnlock: OfflineUnlock | null = null;
  const offline = () =>
    (offlineUnlock ??= new OfflineUnlock({
      store: getVault(),
      clock,
      offlineHours: runtime.config?.offlineUnlockHours ?? 72,
      audit: (e) =>
        getAudit().record({
          staffId: e.staffId,
          action: 'offline-unlock',
          detail: { outcome: e.outcome.toUpperCase() },
        }),
    }));
  /** A read-only offline unlock while the service cannot be reached (DESIGN.md §4). */
  let offlineGrant: OfflineGrant | null = null;
  /**
   * The vault-backed parts of a login (offline verifier, audit row). In training mode a PC without a keychain can
   * still practise the login; with a configuration the keychain is required (KEYCHAIN_UNAVAILABLE).
   */
  const withVault = <T>(fn: () => T): T | null => {
    try {
      return fn();
    } catch (err) {
      if (runtime.mode === 'training' && err instanceof KaigoError && err.code === 'KEYCHAIN_UNAVAILABLE') {
        log.warn('session.no-keychain', { mode: runtime.mode });
        return null;
      }
      throw err;
    }
  };
  // Every exchange with the service tells the connectivity machine what happened (DESIGN.md §5).
  const FAILURE_CAUSE: Partial<Record<string, FailureCause>> = {
    SESSION_UNREACHABLE: 'network',
    SESSION_TIMEOUT: 'timeout',
    SESSION_TLS_FAILED: 'tls',
    SESSION_CLIENT_CERT_REFUSED: 'certificate',
    SESSION_SERVER_UNTRUSTED: 'certificate',
    SESSION_BAD_RESPONSE: 'server',
  };
  const observed = async <T>(fn: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      const value = await fn();
      connectivity.observe({ kind: 'success', latencyMs: Date.now() - started });
      return value;
    } catch (err) {
      const cause = err instanceof KaigoError ? FAILURE_CAUSE[err.code] : undefined;
      // A refusal (wrong password, viewing rule) is still an answer from a reachable service.
      connectivity.observe(cause ? { kind: 'failure', cause } : { kind: 'success', latencyMs: Date.now() - started });
      throw err;
    }
  };
  const sessionView = (): SessionView => {
    const state = session?.state();
    const offlineNow = offlineGrant && state?.phase !== 'logged-in' ? offlineGrant : null;
    return {
      phase: offlineNow ? 'offline-read-only' : (state?.phase ?? 'logged-out'),
      staff: offlineNow ? offlineNow.staff : (state?.tokens?.staff ?? null),
      otpSentTo: state?.otpSentTo ?? null,
      otpExpiresAt: state?.otpExpiresAt ?? null,
      loginExpiresAt: offlineNow ? offlineNow.validUntil : (state?.tokens?.refreshExpiresAt ?? null),
    };
  };

  /** Data calls need a logged-in staff member; every view is attributed to them in the audit log. */
  /** Online login: needed for anything that talks to the service or sends. */
  const requireOnlineStaff = () => {
    const staff = session?.state().tokens?.staff;
    if (!staff || session?.state().phase !== 'logged-in') throw new KaigoError('SESSION_LOGIN_REQUIRED');
    return staff;
  };
  /** Reading cached data: an online login, or an offline unlock that has not run out. */
  const requireStaff = () => {
    if (session?.state().phase === 'logged-in') return requireOnlineStaff();
    if (offlineGrant && clock().getTime() < Date.parse(offlineGrant.validUntil)) return offlineGrant.staff;
    offlineGrant = null;
    throw new KaigoError('SESSION_LOGIN_REQUIRED');
  };
  const freshnessHours = runtime.config?.freshnessHours ?? 24;
  const kiban = async () =>
    createKibanClient({
      session: await getSession(),
      cache: () => getStore().cache(),
      source: runtime.mode === 'training' ? 'training' : 'api',
    });

  // The card reader: in 練習モード a simulated reader in this process (training cards are placed on it from the
  // screen); otherwise PC/SC through native/pcsc.ts, loaded on first use.
  let simulatedReader: SimulatedPcsc | null = null;
  let pcsc: Pcsc | null = null;
  const cardReader = async (): Promise<Pcsc> => {
    if (runtime.mode === 'training') {
      return (simulatedReader ??= createSimulatedPcsc([
        'Kaigo Desk 練習用リーダー',
        'Kaigo Desk 練習用リーダー（2台目）',
      ]));
    }
    return (pcsc ??= (await import('../native/pcsc')).openPcsc());
  };
  // Each phase of a card check is timed locally (UX.md rule 15); durations use the monotonic clock.
  const timings = checkTimings(() => getStore().records());
  let pinPadShownAt: number | null = null;
  const timed = async <T>(phase: CheckPhase, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await fn();
    withVault(() => timings.record(phase, performance.now() - started, clock()));
    return value;
  };
  // With two readers staff pick one; the choice is remembered per user, else the installer's preset applies.
  const preferences = preferenceStore(runtime.dataDir);
  const preferredReader = () => preferences.read().cardReader ?? runtime.config?.cardReader ?? undefined;
  const counterCheck = createCounterCheck({ pcsc: cardReader, readerName: preferredReader });
  // The last card failure, for the support text (code and status word only: never personal data).
  let lastCardFailure: { code: string; statusWord: number | undefined; at: string } | null = null;
  const noteCardFailure = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof CardError)
        lastCardFailure = { code: err.code, statusWord: err.statusWord, at: clock().toISOString() };
      throw err;
    }
  };
  const readerStatus = async (): Promise<ReaderStatus> => {
    try {
      const reader = await cardReader();
      const readers = reader.listReaders();
      const wanted = preferredReader();
      const selected = wanted && readers.includes(wanted) ? wanted : (readers[0] ?? null);
      return { serviceUp: true, readers, selected, cardPresent: selected ? reader.cardPresent(selected) : false };
    } catch {
      return { serviceUp: false, readers: [], selected: null, cardPresent: false };
    }
  };
  /** The certificate serial identifies the person nationally: the audit log keeps only its keyed hash. */
  const recordCardCheck = (staffId: string, certificate: Buffer, detail: Record<string, string>) =>
    getAudit().record({
      staffId,
      action: 'card-check',
      subject: { kind: 'certificate', value: new X509Certificate(certificate).serialNumber },
      detail,
    });
  const detailAfterFetch = async (client: Awaited<ReturnType<typeof kiban>>, personKey: string) => {
    const answer = await observed(() => client.fetchEligibility(personKey));
    if (answer.status === 'found') return personDetail(getStore().cache(), personKey, clock(), freshnessHours);
    // No 証 data came back (反映待ち, 資格無効, 保険者未接続): the state alone, with whatever is cached.
    try {
      return personDetail(getStore().cache(), personKey, clock(), freshnessHours, answer.status);
    } catch (err) {
      if (!(err instanceof KaigoError) || err.code !== 'PERSON_NOT_CACHED') throw err;
      const [insurerNumber, insuredNumber] = personKey.split('-') as [string, string];
      const empty = { insurerNumber, insuredNumber, name: '', nameKana: '', birthDate: null, sex: null };
      return { ...personDetailForState(answer.status, clock()), person: { personKey, ...empty } };
    }
  };

  const handlers: Handlers = {
    'app.getStatus': () => getStatus(),
    'session.state': () => sessionView(),
    'session.login': async ({ staffId, password }) => {
      const s = await getSession();
      await observed(() => s.login(staffId, password));
      pendingVerifier = withVault(() => offline().prepareVerifier(password));
      return sessionView();
    },
    'session.submitOtp': async ({ code }) => {
      const s = await getSession();
      const tokens = await observed(() => s.submitOtp(code));
      offlineGrant = null;
      const verifier = pendingVerifier;
      pendingVerifier = null;
      withVault(() => {
        if (verifier) offline().recordOnlineLogin(tokens.staff, verifier);
        getAudit().record({ staffId: tokens.staff.staffId, action: 'login' });
      });
      return sessionView();
    },
    'session.unlockOffline': ({ staffId, password }) => {
      // Only while the service cannot be reached (DESIGN.md §4); otherwise staff log in online.
      if (!connectivity.receptionShouldQueue()) throw new KaigoError('SESSION_ONLINE_AVAILABLE');
      offlineGrant = offline().unlock(staffId, password);
      return sessionView();
    },
    'session.logout': async () => {
      offlineGrant = null;
      await session?.logout();
      return sessionView();
    },
    'persons.search': ({ query, offset, limit }) => {
      const staff = requireStaff();
      const result = searchPersons(getStore().cache(), query, { offset, limit });
      getAudit().record({ staffId: staff.staffId, action: 'view', detail: { results: result.rows.length } });
      return result;
    },
    'persons.get': ({ personKey }) => {
      const staff = requireStaff();
      const detail = personDetail(getStore().cache(), personKey, clock(), freshnessHours);
      getAudit().record({ staffId: staff.staffId, action: 'view', subject: { kind: 'person', value: personKey } });
      return detail;
    },
    'eligibility.fetch': async ({ personKey }) => {
      const staff = requireOnlineStaff();
      const detail = await detailAfterFetch(await kiban(), personKey);
      getAudit().record({ staffId: staff.staffId, action: 'view', subject: { kind: 'person', value: personKey } });
      return detail;
    },
    'card.begin': async () => {
      requireOnlineStaff();
      const client = await kiban();
      const challenge = await observed(() => client.cardNonce());
      const tries = await timed('card', () => noteCardFailure(() => counterCheck.begin(challenge)));
      pinPadShownAt = performance.now();
      return tries;
    },
    'card.submitPin': async ({ pin, confirmLastTry }) => {
      const staff = requireOnlineStaff();
      if (pinPadShownAt !== null) {
        const typed = performance.now() - pinPadShownAt;
        withVault(() => timings.record('pin', typed, clock()));
        pinPadShownAt = null;
      }
      const { nonceId, result } = await noteCardFailure(() => counterCheck.submitPin(pin, confirmLastTry));
      const client = await kiban();
      const proof = { mode: 'pin' as const, nonceId, certificate: result.certificate, signature: result.signature! };
      return timed('network', async () => {
        const { personKey } = await observed(() => client.submitCardProof(proof));
        recordCardCheck(staff.staffId, result.certificate, { mode: 'PIN' });
        return detailAfterFetch(client, personKey);
      });
    },
    'card.visual': async ({ reason }) => {
      const staff = requireOnlineStaff();
      const client = await kiban();
      const { nonceId } = await observed(() => client.cardNonce());
      const result = await timed('card', () => noteCardFailure(() => counterCheck.visual()));
      const proof = { mode: 'visual' as const, nonceId, certificate: result.certificate, reason };
      return timed('network', async () => {
        const { personKey } = await observed(() => client.submitCardProof(proof));
        recordCardCheck(staff.staffId, result.certificate, { mode: 'VISUAL', reason: reason.toUpperCase() });
        return detailAfterFetch(client, personKey);
      });
    },
    'card.readers': () => readerStatus(),
    'card.selectReader': async ({ reader }) => {
      const readers = (await readerStatus()).readers;
      if (!readers.includes(reader)) throw new KaigoError('CARD_NO_READER', 'unknown reader');
      preferences.update({ cardReader: reader });
      return readerStatus();
    },
    'diagnostics.checkTimings': () => withVault(() => timings.weekStats(clock())) ?? [],
    'diagnostics.reportDisplay': ({ ms }) => {
      withVault(() => timings.record('display', ms, clock()));
      return {};
    },
    'support.copyInfo': async () => {
      const reader = await readerStatus();
      const failure = lastCardFailure;
      const text = [
        `介護デスク ${options.version ?? APP_VERSION} (${runtime.mode})`,
        `OS: ${host.platform} ${os.release()} ${os.arch()}`,
        `カードリーダー: ${reader.serviceUp ? reader.readers.join(' / ') || 'なし' : 'スマートカードサービス停止'}`,
        `カード: ${reader.cardPresent ? 'あり' : 'なし'}`,
        `最後のエラー: ${failure ? `${failure.code} SW=${failure.statusWord?.toString(16).toUpperCase().padStart(4, '0') ?? '-'} ${failure.at}` : 'なし'}`,
        `時刻: ${clock().toISOString()}`,
      ].join('\n');
      options.clipboard?.(text);
      return { text };
    },
    'card.cancel': () => {
      counterCheck.cancel();
      return {};
    },
    'deadlines.list': () => {
      requireStaff();
      return deadlineRows(getStore().cache(), clock(), null);
    },
    'training.placeCard': async ({ card, personIndex }) => {
      if (runtime.mode !== 'training') throw new KaigoError('TRAINING_ONLY');
      const { training } = await getBackend();
      const person = training!.data.data.persons[personIndex % training!.data.data.persons.length]!;
      // The 市区町村 issues the card; the service knows its certificate serial (CARD.md §3 step 4).
      const material = issueUserAuthCard(trainingCa(), { expired: card === 'expired', now: clock() });
      training!.data.cards.enrol(material.certificate, person.personKey);
      const reader = (await cardReader()) as SimulatedPcsc;
      const name = (await readerStatus()).selected!;
      reader.insert(name, createTrainingCard(card, trainingCa(), material));
      return { reader: name, card };
    },
    'training.mailbox': async (): Promise<TrainingMail[]> => {
      if (runtime.mode !== 'training') throw new KaigoError('TRAINING_ONLY');
      const { training } = await getBackend();
      return TRAINING_STAFF.flatMap((staff) => training!.mailbox.messagesFor(staff.staffId))
        .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
        .slice(0, 10)
        .map((m) => ({ to: m.to, sentAt: m.sentAt, code: m.code }));
    },
  };

  return {
    runtime,
    handlers,
    dispatch: createDispatcher(handlers, log),
    events,
    getStatus,
    connectivity,
    trainingBackend: async () => (runtime.mode === 'training' ? (await getBackend()).training : null),
    vault: getVault,
    store: getStore,
    audit: getAudit,
    async close() {
      counterCheck.cancel();
      await session?.close();
      if (backend) await (await backend.catch(() => null))?.close();
      session = null;
      backend = null;
      store?.close();
      vault?.close();
      store = vault = audit = null;
    },
  };
}
