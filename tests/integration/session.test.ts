import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetch } from 'undici';
import { z } from 'zod';
import {
  createSession,
  createTlsAgent,
  SessionError,
  staffSchema,
  type Session,
} from '../../electron/services/session';
import { createLogger } from '../../electron/services/log';
import { createTrainingPki, issueServerCertificate, type TrainingPki } from '../../electron/training/pki';
import {
  startTrainingServer,
  trainingTlsOptions,
  TRAINING_STAFF,
  type TrainingServer,
} from '../../electron/training/server';
import { sServer, trainingPki, writePems, type PemFiles } from './training-server.support';

// Our session client (undici 7, TLS 1.3 only, client certificate) against the training server and against
// openssl s_server as an independent server. Refusals assert on our mapped code after a request, never on the
// handshake alone (MACHINE.md).

const cm = TRAINING_STAFF.find((s) => s.staffId === 'cm-renshu01')!;
const front = TRAINING_STAFF.find((s) => s.staffId === 'front-renshu01')!;

let pki: TrainingPki;
let server: TrainingServer;
let pems: PemFiles;
let now = Date.parse('2026-11-26T01:00:00Z');
const clock = () => new Date(now);
const logLines: string[] = [];
const log = createLogger({ write: (l) => logLines.push(l) }, clock);
const open: Session[] = [];

function session(overrides: Partial<Parameters<typeof createSession>[0]['tls']> = {}, url?: string): Session {
  const office = pki.offices[0]!;
  const s = createSession({
    baseUrl: url ?? server.url,
    tls: { caPem: pki.ca.certPem, certPem: office.certPem, keyPem: office.keyPem, ...overrides },
    clock,
    log,
  });
  open.push(s);
  return s;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SessionError) return err.code;
    throw err;
  }
  throw new Error('expected a failure');
}

async function loginFully(s: Session, staff = cm) {
  await s.login(staff.staffId, staff.password);
  const code = server.mailbox.latestFor(staff.staffId)!.code;
  return s.submitOtp(code);
}

beforeAll(async () => {
  pki = trainingPki();
  // Short lockout threshold keeps the lockout test quick; other values are the real defaults.
  server = await startTrainingServer({ pki, clock, policy: { lockoutThreshold: 3 } });
  pems = writePems(pki);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await server.close();
  pems.remove();
  // No password, one-time password or token of any test reached the log.
  const text = logLines.join('\n');
  for (const s of TRAINING_STAFF) expect(text).not.toContain(s.password);
  for (const m of server.mailbox.messagesFor(cm.staffId)) expect(text).not.toContain(m.code);
  expect(text).not.toMatch(/[A-Za-z0-9_-]{43}/); // base64url of 32 random bytes
});

describe('TLS', () => {
  it('pings the training server over TLS 1.3 with mutual authentication', async () => {
    const r = await session().ping();
    expect(r.officeNumber).toBe('1370100016');
    expect(r.training).toBe(true);
    expect(r.tls).toMatchObject({ protocol: 'TLSv1.3' });
    expect(r.tls!.serverChain).toEqual(['localhost', 'Kaigo Desk 練習用認証局']);
  });

  it('reuses one connection for a session (one handshake)', async () => {
    const agent = createTlsAgent({
      caPem: pki.ca.certPem,
      certPem: pki.offices[0]!.certPem,
      keyPem: pki.offices[0]!.keyPem,
    });
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/api/v1/ping`, { dispatcher: agent.agent });
      expect(res.status).toBe(200);
      await res.json();
    }
    expect(agent.handshakes()).toBe(1);
    await agent.close();
  });

  it('completes against openssl s_server -tls1_3 -Verify 1 (independent server)', async () => {
    const srv = await sServer([
      '-tls1_3',
      '-Verify',
      '1',
      '-cert',
      pems.serverCert,
      '-key',
      pems.serverKey,
      '-CAfile',
      pems.ca,
    ]);
    try {
      const agent = createTlsAgent({
        caPem: pki.ca.certPem,
        certPem: pki.offices[0]!.certPem,
        keyPem: pki.offices[0]!.keyPem,
      });
      const res = await fetch(`https://localhost:${srv.port}/`, { dispatcher: agent.agent });
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain('TLSv1.3');
      // s_server -www lists the client certificate it verified.
      expect(page).toMatch(/Client certificate/);
      expect(page).toContain('1370100016');
      await agent.close();
    } finally {
      await srv.stop();
    }
  });

  it('refuses a server limited to TLS 1.2 (SESSION_TLS_FAILED)', async () => {
    const srv = await sServer(['-tls1_2', '-cert', pems.serverCert, '-key', pems.serverKey]);
    try {
      expect(await codeOf(session({}, `https://localhost:${srv.port}`).ping())).toBe('SESSION_TLS_FAILED');
    } finally {
      await srv.stop();
    }
  });

  it('refuses a server whose certificate is not under the configured trust anchors', async () => {
    const other = createTrainingPki([]);
    expect(await codeOf(session({ caPem: other.ca.certPem }).ping())).toBe('SESSION_SERVER_UNTRUSTED');
  });

  it('refuses a wrong host name', async () => {
    expect(await codeOf(session({ servername: 'kaigo.example.org' }).ping())).toBe('SESSION_SERVER_UNTRUSTED');
  });

  it('refuses an expired server certificate', async () => {
    const expired = issueServerCertificate(pki.ca, new Date(), {
      notBefore: new Date(Date.now() - 10 * 86_400_000),
      notAfter: new Date(Date.now() - 86_400_000),
    });
    const stale = await startTrainingServer({ pki: { ...pki, server: expired } });
    try {
      expect(await codeOf(session({}, stale.url).ping())).toBe('SESSION_SERVER_UNTRUSTED');
    } finally {
      await stale.close();
    }
  });

  it('maps a missing client certificate to SESSION_CLIENT_CERT_REFUSED (no HTTP response)', async () => {
    const s = createSession({
      baseUrl: server.url,
      tls: { caPem: pki.ca.certPem, certPem: '', keyPem: '' },
      clock,
      log,
    });
    open.push(s);
    expect(await codeOf(s.ping())).toBe('SESSION_CLIENT_CERT_REFUSED');
  });

  it('maps an untrusted client certificate to SESSION_CLIENT_CERT_REFUSED (no HTTP response)', async () => {
    const other = createTrainingPki([{ officeNumber: '1370100016', officeName: '偽' }]);
    const s = session({ certPem: other.offices[0]!.certPem, keyPem: other.offices[0]!.keyPem });
    expect(await codeOf(s.ping())).toBe('SESSION_CLIENT_CERT_REFUSED');
  });

  it('maps a server that never answers to SESSION_TIMEOUT', async () => {
    const silent = https.createServer(trainingTlsOptions(pki), () => {}); // accepts the request, never responds
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const port = (silent.address() as AddressInfo).port;
      const office = pki.offices[0]!;
      const s = createSession({
        baseUrl: `https://127.0.0.1:${port}`,
        tls: { caPem: pki.ca.certPem, certPem: office.certPem, keyPem: office.keyPem },
        timeoutMs: 300,
        clock,
        log,
      });
      open.push(s);
      expect(await codeOf(s.ping())).toBe('SESSION_TIMEOUT');
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('maps a closed port to SESSION_UNREACHABLE', async () => {
    const srv = await startTrainingServer({ pki });
    const url = srv.url;
    await srv.close();
    expect(await codeOf(session({}, url).ping())).toBe('SESSION_UNREACHABLE');
  });
});

describe('login', () => {
  it('logs in with ID, password and the one-time password from the training mailbox, refreshes and logs out', async () => {
    const s = session();
    const challenge = await s.login(cm.staffId, cm.password);
    expect(challenge.sentTo).toBe('c***@training.invalid');
    expect(s.state().phase).toBe('otp-pending');
    const mail = server.mailbox.latestFor(cm.staffId)!;
    expect(mail.body).toContain(mail.code);
    const t = await s.submitOtp(mail.code);
    expect(t.staff).toEqual({ staffId: cm.staffId, jobType: 'care-manager', officeNumber: '1370100016' });
    expect(Date.parse(t.accessExpiresAt) - now).toBe(60 * 60_000);
    expect(Date.parse(t.refreshExpiresAt) - now).toBe(8 * 60 * 60_000);
    expect(JSON.stringify(s.state())).not.toMatch(/Token"/);

    const me = z.object({ ok: z.literal(true), staff: staffSchema });
    expect((await s.call('GET', '/api/v1/me', me)).staff.staffId).toBe(cm.staffId);

    // 56 minutes later the access token is within the refresh margin: the next call refreshes first.
    now += 56 * 60_000;
    const before = s.state().tokens!.accessExpiresAt;
    const concurrent = await Promise.all([1, 2, 3].map(() => s.call('GET', '/api/v1/me', me)));
    expect(concurrent).toHaveLength(3);
    expect(s.state().tokens!.accessExpiresAt).not.toBe(before);
    expect(logLines.filter((l) => l.includes('"session.refreshed"'))).toHaveLength(1);

    await s.logout();
    expect(s.state().phase).toBe('logged-out');
    expect(await codeOf(s.call('GET', '/api/v1/me', me))).toBe('SESSION_NOT_LOGGED_IN');
  });

  it('requires a full re-login after the 8-hour refresh window', async () => {
    const s = session();
    await loginFully(s);
    const me = z.object({ ok: z.literal(true) });
    now += 8 * 60 * 60_000 + 1000;
    expect(await codeOf(s.call('GET', '/api/v1/me', me))).toBe('SESSION_EXPIRED');
    expect(s.state().phase).toBe('logged-out');
  });

  it('refuses a wrong password and staff of another office with the same code', async () => {
    expect(await codeOf(session().login(cm.staffId, 'wrong-password'))).toBe('SESSION_LOGIN_FAILED');
    expect(await codeOf(session().login(front.staffId, front.password))).toBe('SESSION_LOGIN_FAILED');
    expect(await codeOf(session().login('nobody', 'x'))).toBe('SESSION_LOGIN_FAILED');
    await loginFully(session()); // resets the failure counter
  });

  it('refuses a wrong one-time password and reports the attempts left', async () => {
    const s = session();
    await s.login(cm.staffId, cm.password);
    const right = server.mailbox.latestFor(cm.staffId)!.code;
    const wrong = right === '000000' ? '111111' : '000000';
    const err = await s.submitOtp(wrong).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SessionError);
    expect((err as SessionError).code).toBe('SESSION_OTP_WRONG');
    expect((err as SessionError).attemptsLeft).toBe(2);
    expect(s.state().phase).toBe('otp-pending');
    await s.submitOtp(right);
    expect(s.state().phase).toBe('logged-in');
  });

  it('locks the account after repeated failures and shows until when', async () => {
    const s = session();
    expect(await codeOf(s.login(cm.staffId, 'bad-1'))).toBe('SESSION_LOGIN_FAILED');
    expect(await codeOf(s.login(cm.staffId, 'bad-2'))).toBe('SESSION_LOGIN_FAILED');
    const err = (await s.login(cm.staffId, 'bad-3').catch((e: unknown) => e)) as SessionError;
    expect(err.code).toBe('SESSION_LOCKED_OUT');
    expect(Date.parse(err.lockedUntil!) - now).toBe(15 * 60_000);
    // Even the right password is refused while locked.
    expect(await codeOf(s.login(cm.staffId, cm.password))).toBe('SESSION_LOCKED_OUT');
    now += 15 * 60_000 + 1;
    await loginFully(s);
    expect(s.state().phase).toBe('logged-in');
  });
});
