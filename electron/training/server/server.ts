import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { createTrainingMailbox, type TrainingMailbox } from '../mailbox';
import { createTrainingPki, type TrainingPki } from '../pki';
import { AuthState, DEFAULT_POLICY, type AuthPolicy } from './auth-state';
import { HttpProblem, readJsonBody, sendJson } from './http-json';
import { generateTrainingData, type TrainingData } from '../data';
import { toJapanTime } from '../../contract/time';
import { TrainingDataState } from './data-state';
import { ROUTES, type Route } from './routes';
import { TRAINING_OFFICES, TRAINING_STAFF, type TrainingOffice, type TrainingStaffSeed } from './seed';
import { IDEMPOTENCY_KEY } from './delivery-routes';
import { createHooks, delayFor, type ServerHooks } from './hooks';
import { trainingTlsOptions } from './tls-options';

// The training backend: HTTPS on loopback, TLS 1.3 only, client certificate required and verified against the
// training CA (DOMAIN.md §3.1). The certificate's CN (事業所番号) must name a known office, else 403.

export interface TrainingServerOptions {
  /** Default: a fresh training PKI for TRAINING_OFFICES. */
  pki?: TrainingPki;
  offices?: TrainingOffice[];
  staff?: TrainingStaffSeed[];
  mailbox?: TrainingMailbox;
  clock?: () => Date;
  policy?: Partial<AuthPolicy>;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The synthetic persons; default: 200 persons from seed 1 around today's Japan date. */
  data?: TrainingData;
}

export interface TrainingServer {
  url: string;
  port: number;
  pki: TrainingPki;
  mailbox: TrainingMailbox;
  offices: TrainingOffice[];
  /** The data side's state (persons, service grants, consent): tests and the CLI set up scenarios through it. */
  data: TrainingDataState;
  /** Outage and crash hooks for tests (hooks.ts). */
  hooks: ServerHooks;
  /** Stops listening and drops every connection, keeping all state: the service "goes away" (issue 6 outage). */
  suspend(): Promise<void>;
  /** Listens again on the same port with the same state. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

function findRoute(method: string, path: string): Route | 'method' | null {
  const byPath = ROUTES.filter((r) => r.path === path);
  if (byPath.length === 0) return null;
  return byPath.find((r) => r.method === method) ?? 'method';
}

function bearer(req: IncomingMessage): string | null {
  const m = /^Bearer ([\w-]{16,256})$/.exec(req.headers.authorization ?? '');
  return m ? m[1]! : null;
}

export async function startTrainingServer(options: TrainingServerOptions = {}): Promise<TrainingServer> {
  const offices = options.offices ?? TRAINING_OFFICES;
  const clock = options.clock ?? (() => new Date());
  const pki = options.pki ?? createTrainingPki(offices, clock());
  const mailbox = options.mailbox ?? createTrainingMailbox();
  const auth = new AuthState(options.staff ?? TRAINING_STAFF, mailbox, clock, { ...DEFAULT_POLICY, ...options.policy });
  const data = new TrainingDataState(options.data ?? generateTrainingData({ seed: 1, today: toJapanTime(clock()) }));
  const hooks = createHooks();
  const hold = (path: string) => {
    const ms = delayFor(hooks, path);
    return ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only authorised sockets reach here (rejectUnauthorized), but check again rather than trust configuration.
    const socket = req.socket as TLSSocket;
    if (!socket.authorized) return sendJson(res, 403, { ok: false, error: { code: 'CLIENT_CERT_REQUIRED' } });
    const cn = socket.getPeerCertificate().subject?.CN;
    const office = offices.find((o) => o.officeNumber === (Array.isArray(cn) ? cn[0] : cn));
    if (!office) return sendJson(res, 403, { ok: false, error: { code: 'OFFICE_UNKNOWN' } });

    const path = new URL(req.url ?? '/', 'https://training.invalid').pathname;
    const route = findRoute(req.method ?? 'GET', path);
    if (route === null) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND' } });
    if (route === 'method') return sendJson(res, 405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED' } });

    let staff = null;
    if (route.auth === 'token') {
      const token = bearer(req);
      staff = token ? auth.authenticate(token, office.officeNumber) : null;
      if (!staff) return sendJson(res, 401, { ok: false, error: { code: 'TOKEN_INVALID' } });
    }
    const keyHeader = req.headers['idempotency-key'];
    const idempotencyKey = typeof keyHeader === 'string' && IDEMPOTENCY_KEY.test(keyHeader) ? keyHeader : null;
    if (route.idempotency === 'required' && !idempotencyKey) {
      req.resume();
      return sendJson(res, 400, { ok: false, error: { code: 'IDEMPOTENCY_KEY_REQUIRED' } });
    }
    if (hooks.unavailable && route.auth === 'token') {
      req.resume();
      return sendJson(res, 503, { ok: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    }
    let body: unknown = undefined;
    if (route.body) {
      const parsed = route.body.safeParse(await readJsonBody(req));
      if (!parsed.success) return sendJson(res, 400, { ok: false, error: { code: 'BAD_REQUEST' } });
      body = parsed.data;
    } else {
      req.resume();
    }
    // A repeated key gets the kept answer and no second effect (DESIGN.md §5).
    const keyed = idempotencyKey !== null && route.method === 'POST' && route.auth === 'token';
    const kept = keyed ? data.idempotency.replay(idempotencyKey, path) : null;
    if (kept) {
      await hold(path);
      return sendJson(res, kept.status, kept.body);
    }
    const now = clock();
    const result = route.handle({ body, office, staff, auth, data, now, idempotencyKey });
    if (keyed) data.idempotency.record(idempotencyKey, { path, ...result, at: now.toISOString() });
    await hold(path);
    sendJson(res, result.status, result.body);
  }

  const server = https.createServer({ ...trainingTlsOptions(pki), maxHeaderSize: 8 * 1024 }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof HttpProblem) sendJson(res, err.status, { ok: false, error: { code: err.code } });
      else sendJson(res, 500, { ok: false, error: { code: 'INTERNAL' } });
    });
  });
  // Refused handshakes (no or untrusted certificate, TLS 1.2) are expected noise: nothing to log but a count.
  server.on('tlsClientError', () => {});
  server.keepAliveTimeout = 30_000;
  // A slow or stalled client cannot hold a request open (bodies are small JSON).
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;

  const host = options.host ?? '127.0.0.1';
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  return {
    // The bound address, not 'localhost': saves a name lookup per connect; the certificate names both.
    url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    pki,
    mailbox,
    offices,
    data,
    hooks,
    suspend: stop,
    resume: () => (server.listening ? Promise.resolve() : listen(port)),
    close: stop,
  };
}
