import { fetch, type Response } from 'undici';
import type { z } from 'zod';
import { silentLogger, type Logger } from '../log';
import { SessionError, failureError, transportErrorCode } from './errors';
import { createTlsAgent, type NegotiatedTls, type SessionTls } from './tls-agent';
import { TokenKeeper, type TokenState } from './token-keeper';
import { failureSchema, grantSchema, loginSchema, okSchema, pingSchema, type Grant } from './wire';

// The client session with the service: login (ID + password) → one-time password → tokens, automatic refresh,
// logout. Tokens, passwords and codes never leave this object and are never logged; state() is what may be shown.

export interface SessionOptions {
  /** e.g. https://localhost:8443 — the API lives under /api/v1. */
  baseUrl: string;
  tls: SessionTls;
  clock?: () => Date;
  log?: Logger;
  /** Per-request deadline. */
  timeoutMs?: number;
  refreshMarginMs?: number;
}

/** Login and API answers are small JSON; a huge body is not one of them. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export type SessionPhase = 'logged-out' | 'otp-pending' | 'logged-in';

export interface SessionState {
  phase: SessionPhase;
  tokens: TokenState | null;
  /** Where the code was sent (masked), while a code is awaited. */
  otpSentTo: string | null;
  otpExpiresAt: string | null;
}

export interface PingResult {
  officeNumber: string;
  serverTime: string;
  roundTripMs: number;
  tls: NegotiatedTls | null;
  training: boolean;
}

export interface Session {
  login(staffId: string, password: string): Promise<{ sentTo: string; otpExpiresAt: string }>;
  submitOtp(code: string): Promise<TokenState>;
  /**
   * An authenticated call; refreshes the access token first when due. `headers`: extra request headers such as the
   * outbox's Idempotency-Key (DESIGN.md §5).
   */
  call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body?: unknown,
    headers?: Readonly<Record<string, string>>,
  ): Promise<z.infer<S>>;
  ping(): Promise<PingResult>;
  logout(): Promise<void>;
  state(): SessionState;
  close(): Promise<void>;
}

export function createSession(options: SessionOptions): Session {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? silentLogger;
  const tls = createTlsAgent(options.tls);
  const tokens = new TokenKeeper(clock, options.refreshMarginMs);
  const base = options.baseUrl.replace(/\/+$/, '');
  let pending: { id: string; sentTo: string; expiresAt: string } | null = null;

  /** One HTTP exchange; returns the parsed JSON of a 2xx/4xx answer or throws a SessionError. */
  async function exchange(
    method: string,
    path: string,
    body: unknown,
    token: string | null,
    extra: Readonly<Record<string, string>> = {},
  ): Promise<unknown> {
    const handshakesBefore = tls.handshakes();
    const headers: Record<string, string> = { ...extra, accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      // undici 7's own fetch: Node 20's global fetch bundles an older undici that does not take this dispatcher.
      res = await fetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        dispatcher: tls.agent,
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (err) {
      const mapped = transportErrorCode(err, tls.handshakes() > handshakesBefore);
      log.warn('session.transport_failed', { code: mapped.code, cause: mapped.cause });
      throw new SessionError(mapped.code);
    }
    // 503: the service says it is down or in maintenance — whatever the body, a clear code of its own (issue 6).
    if (res.status === 503) {
      await res.arrayBuffer().catch(() => undefined);
      log.warn('session.service_unavailable', { status: res.status });
      throw new SessionError('SESSION_SERVICE_UNAVAILABLE');
    }
    let json: unknown;
    try {
      if (Number(res.headers.get('content-length') ?? '0') > MAX_RESPONSE_BYTES) throw new Error('too large');
      json = await res.json();
    } catch {
      log.warn('session.bad_response', { status: res.status });
      throw new SessionError('SESSION_BAD_RESPONSE');
    }
    const failure = failureSchema.safeParse(json);
    if (failure.success) {
      const code = failure.data.error.code;
      log.info('session.refused', { status: res.status, code: /^[A-Z_]{1,40}$/.test(code) ? code : 'OTHER' });
      throw failureError(failure.data);
    }
    if (res.status !== 200) {
      log.warn('session.bad_response', { status: res.status });
      throw new SessionError('SESSION_BAD_RESPONSE');
    }
    return json;
  }

  function parse<S extends z.ZodType>(schema: S, json: unknown): z.infer<S> {
    const r = schema.safeParse(json);
    if (!r.success) {
      log.warn('session.bad_response', { status: 200 });
      throw new SessionError('SESSION_BAD_RESPONSE');
    }
    return r.data;
  }

  const doRefresh = async (refreshToken: string): Promise<Grant> => {
    const grant = parse(grantSchema, await exchange('POST', '/api/v1/token/refresh', { refreshToken }, null));
    log.info('session.refreshed', {});
    return grant;
  };

  return {
    async login(staffId, password) {
      pending = null;
      tokens.clear();
      const r = parse(loginSchema, await exchange('POST', '/api/v1/login', { staffId, password }, null));
      pending = { id: r.pendingId, sentTo: r.sentTo, expiresAt: r.otpExpiresAt };
      log.info('session.otp_sent', {});
      return { sentTo: r.sentTo, otpExpiresAt: r.otpExpiresAt };
    },

    async submitOtp(code) {
      if (!pending) throw new SessionError('SESSION_OTP_EXPIRED');
      if (!/^\d{6}$/.test(code)) throw new SessionError('SESSION_OTP_WRONG');
      try {
        const grant = parse(
          grantSchema,
          await exchange('POST', '/api/v1/login/otp', { pendingId: pending.id, otp: code }, null),
        );
        pending = null;
        tokens.set(grant);
        log.info('session.logged_in', { jobType: grant.staff.jobType });
        return tokens.state()!;
      } catch (err) {
        if (err instanceof SessionError && err.code !== 'SESSION_OTP_WRONG') pending = null;
        throw err;
      }
    },

    async call(method, path, schema, body, headers) {
      const token = await tokens.accessToken(doRefresh);
      try {
        return parse(schema, await exchange(method, path, body, token, headers));
      } catch (err) {
        // The server may have dropped the token early (restart): one refresh, one retry.
        if (!(err instanceof SessionError) || err.code !== 'SESSION_EXPIRED') throw err;
        const again = await tokens.refresh(doRefresh);
        return parse(schema, await exchange(method, path, body, again, headers));
      }
    },

    async ping() {
      const started = performance.now();
      const r = parse(pingSchema, await exchange('GET', '/api/v1/ping', undefined, null));
      return {
        officeNumber: r.officeNumber,
        serverTime: r.time,
        roundTripMs: performance.now() - started,
        tls: tls.lastTls(),
        training: r.training === true,
      };
    },

    async logout() {
      pending = null;
      if (!tokens.hasLogin()) return;
      try {
        const token = await tokens.accessToken(doRefresh);
        parse(okSchema, await exchange('POST', '/api/v1/logout', undefined, token));
      } catch (err) {
        // Logging out offline still wipes the tokens here; the server lets them expire.
        log.info('session.logout_offline', { code: err instanceof SessionError ? err.code : 'INTERNAL' });
      } finally {
        tokens.clear();
        log.info('session.logged_out', {});
      }
    },

    state() {
      const t = tokens.state();
      return {
        phase: t ? 'logged-in' : pending ? 'otp-pending' : 'logged-out',
        tokens: t,
        otpSentTo: pending?.sentTo ?? null,
        otpExpiresAt: pending?.expiresAt ?? null,
      };
    },

    async close() {
      tokens.clear();
      pending = null;
      await tls.close();
    },
  };
}
