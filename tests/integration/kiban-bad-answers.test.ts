import { randomBytes } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { toJapanTime } from '../../electron/contract';
import { createKibanClient, type KibanClient } from '../../electron/services/kiban';
import { createSession, type Session } from '../../electron/services/session';
import { CACHE_MIGRATIONS, migrate } from '../../electron/services/store';
import { generateTrainingData } from '../../electron/training/data';
import { trainingTlsOptions } from '../../electron/training/server';
import { tempDir } from '../support/temp';
import { rejectionCode } from '../support/error-codes';
import { trainingPki } from './training-server.support';

// Bad server answers at the kiban level (issue 6 acceptance), against a real local HTTPS server (TLS 1.3, client
// certificate required) that logs in normally and then answers the eligibility request badly: missing fields, wrong
// types, extra fields, an HTML error page, 503, no answer past the timeout. Each gives its own clear code, and the
// cache is byte-for-byte what it was before (compared row by row).

type Mode = 'good' | 'missing' | 'wrong-type' | 'extra' | 'html' | '503' | 'silent' | 'truncated';
let mode: Mode = 'good';
let server: https.Server;
let url: string;
let dir: ReturnType<typeof tempDir>;
let cache: SqliteDb;
let session: Session;
let client: KibanClient;

const person = generateTrainingData({ seed: 1, today: toJapanTime(new Date()) }).persons.find(
  (p) => p.insurer.live && !p.flags.notYetReflected && !p.flags.qualificationLost,
)!;
const goodAnswer = () => ({
  ok: true,
  status: 'found',
  personKey: person.personKey,
  viewingDeadline: '2027-05-25',
  fetchedAt: new Date().toISOString(),
  records: {
    insuredCard: person.insuredCard,
    burdenRatio: person.burdenRatio,
    burdenLimit: person.burdenLimit,
    certification: person.certification,
  },
});

function answerEligibility(res: import('node:http').ServerResponse): void {
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const a = goodAnswer();
  switch (mode) {
    case 'good':
      return json(200, a);
    case 'missing': {
      const { insurerNumber: _gone, ...card } = a.records.insuredCard;
      return json(200, { ...a, records: { ...a.records, insuredCard: card } });
    }
    case 'wrong-type':
      return json(200, { ...a, records: { ...a.records, burdenRatio: { ...a.records.burdenRatio, ratio: 10 } } });
    case 'extra':
      return json(200, { ...a, debugTrace: 'x' });
    case 'html':
      res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end('<!DOCTYPE html><html><body><h1>Internal Server Error</h1></body></html>');
    case '503':
      res.writeHead(503, { 'content-type': 'text/html', 'retry-after': '120' });
      return void res.end('<html><body>メンテナンス中</body></html>');
    case 'truncated':
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(a).slice(0, 200));
    case 'silent':
      return; // never answers
  }
}

beforeAll(async () => {
  const pki = trainingPki();
  server = https.createServer(trainingTlsOptions(pki), (req, res) => {
    req.resume();
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const reply = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/api/v1/login') {
      return reply({ ok: true, pendingId: 'p'.repeat(20), sentTo: 'm***@example.jp', otpExpiresAt: soon });
    }
    if (req.url === '/api/v1/login/otp') {
      return reply({
        ok: true,
        accessToken: 'a'.repeat(32),
        accessExpiresAt: soon,
        refreshToken: 'r'.repeat(32),
        refreshExpiresAt: soon,
        staff: { staffId: 'cm-renshu01', jobType: 'care-manager', officeNumber: '1370100016' },
      });
    }
    if (req.url === '/api/v1/persons/eligibility') return answerEligibility(res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = tempDir('kd-kiban-bad-');
  cache = openEncryptedDb(path.join(dir.path, 'cache.db'), { key: randomBytes(32), synchronous: 'NORMAL' });
  migrate(cache, CACHE_MIGRATIONS);
  const office = pki.offices.find((o) => o.officeNumber === '1370100016')!;
  session = createSession({
    baseUrl: url,
    tls: { caPem: pki.ca.certPem, certPem: office.certPem, keyPem: office.keyPem },
    timeoutMs: 800,
  });
  await session.login('cm-renshu01', 'x');
  await session.submitOtp('123456');
  client = createKibanClient({ session, cache: () => cache, source: 'api' });
});
afterAll(async () => {
  await session?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  cache?.close();
  dir?.remove();
});

/** Every row of the cache's tables, to compare before and after. */
const cacheRows = () =>
  cache
    .all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .map(({ name }) => ({
      name,
      rows: cache
        .all(`SELECT * FROM "${name}"`)
        .map((r) => JSON.stringify(r))
        .sort(),
    }));

const codeOf = rejectionCode;

describe('kiban client against a server that answers badly', () => {
  it('stores a good answer first (the cache the bad answers must not touch)', async () => {
    mode = 'good';
    expect((await client.fetchEligibility(person.personKey)).status).toBe('found');
    expect(cacheRows().find((t) => t.name === 'snapshots')!.rows.length).toBeGreaterThan(0);
  });

  it.each([
    ['missing', 'SESSION_BAD_RESPONSE'],
    ['wrong-type', 'SESSION_BAD_RESPONSE'],
    ['extra', 'SESSION_BAD_RESPONSE'],
    ['html', 'SESSION_BAD_RESPONSE'],
    ['truncated', 'SESSION_BAD_RESPONSE'],
    ['503', 'SESSION_SERVICE_UNAVAILABLE'],
    ['silent', 'SESSION_TIMEOUT'],
  ] as const)('%s → %s, cache unchanged', async (bad, code) => {
    const before = cacheRows();
    mode = bad;
    expect(await codeOf(client.fetchEligibility(person.personKey))).toBe(code);
    expect(cacheRows()).toEqual(before);
  });

  it('works again once the answers are good', async () => {
    mode = 'good';
    expect((await client.fetchEligibility(person.personKey)).status).toBe('found');
  });
});
