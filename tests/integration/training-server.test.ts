import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueOfficeCertificate } from '../../electron/training/pki';
import { startTrainingServer, type TrainingServer } from '../../electron/training/server';
import { createTrainingPki } from '../../electron/training/pki';
import { httpGet, sClient, trainingPki, writePems, type PemFiles } from './training-server.support';
import fs from 'node:fs';
import path from 'node:path';

// The training server against openssl s_client as the independent peer. TLS 1.3 completes the client's side of
// the handshake before the server refuses a certificate (MACHINE.md), so every refusal test sends a request and
// asserts that no HTTP response came back.

let server: TrainingServer;
let pems: PemFiles;

beforeAll(async () => {
  const pki = trainingPki();
  server = await startTrainingServer({ pki });
  pems = writePems(pki);
});
afterAll(async () => {
  await server.close();
  pems.remove();
});

const withCert = () => ['-cert', pems.clientCert, '-key', pems.clientKey, '-CAfile', pems.ca];

describe('training server with openssl s_client', () => {
  it('answers /api/v1/ping over TLS 1.3 with the office certificate', async () => {
    const r = await sClient(server.port, ['-tls1_3', ...withCert()], httpGet('/api/v1/ping'));
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 /);
    const body = JSON.parse(r.stdout.slice(r.stdout.indexOf('\r\n\r\n') + 4));
    expect(body).toMatchObject({ ok: true, officeNumber: '1370100016', training: true });
  });

  it('verifies the server chain against the training CA (s_client prints Verify return code 0)', async () => {
    const r = await sClient(
      server.port,
      ['-tls1_3', '-verify_return_error', '-brief', ...withCert()],
      httpGet('/api/v1/ping'),
    );
    expect(r.stdout).toMatch(/^HTTP\/1\.1 200 /);
    expect(r.stderr).toMatch(/Protocol version: TLSv1\.3/);
  });

  it('gives no HTTP response to a client without a certificate', async () => {
    const r = await sClient(server.port, ['-tls1_3', '-CAfile', pems.ca], httpGet('/api/v1/ping'));
    expect(r.stdout).not.toMatch(/HTTP\//);
    expect(r.stdout).toBe('');
  });

  it('gives no HTTP response to a certificate from another CA', async () => {
    const other = createTrainingPki([{ officeNumber: '1370100016', officeName: '偽の事業所' }]);
    const dir = fs.mkdtempSync(path.join(pems.dir, 'other-'));
    fs.writeFileSync(path.join(dir, 'c.pem'), other.offices[0]!.certPem);
    fs.writeFileSync(path.join(dir, 'c.key'), other.offices[0]!.keyPem);
    const r = await sClient(
      server.port,
      ['-tls1_3', '-cert', path.join(dir, 'c.pem'), '-key', path.join(dir, 'c.key'), '-CAfile', pems.ca],
      httpGet('/api/v1/ping'),
    );
    expect(r.stdout).toBe('');
  });

  it('refuses TLS 1.2 (no HTTP response)', async () => {
    const r = await sClient(server.port, ['-tls1_2', ...withCert()], httpGet('/api/v1/ping'));
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/alert|error/i);
  });

  it('answers 403 OFFICE_UNKNOWN to a trusted certificate naming an unknown office', async () => {
    const stranger = issueOfficeCertificate(
      trainingPki().ca,
      { officeNumber: '1370100032', officeName: '未登録' },
      new Date(),
    );
    fs.writeFileSync(path.join(pems.dir, 's.pem'), stranger.certPem);
    fs.writeFileSync(path.join(pems.dir, 's.key'), stranger.keyPem);
    const r = await sClient(
      server.port,
      ['-tls1_3', '-cert', path.join(pems.dir, 's.pem'), '-key', path.join(pems.dir, 's.key'), '-CAfile', pems.ca],
      httpGet('/api/v1/ping'),
    );
    expect(r.stdout).toMatch(/^HTTP\/1\.1 403 /);
    expect(r.stdout).toContain('"OFFICE_UNKNOWN"');
  });

  it('validates bodies: oversize, malformed JSON and unknown fields are refused with codes', async () => {
    const post = (body: string, type = 'application/json') =>
      `POST /api/v1/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
    const big = await sClient(
      server.port,
      ['-tls1_3', ...withCert()],
      post(JSON.stringify({ staffId: 'x', password: 'p'.repeat(20_000) })),
    );
    expect(big.stdout).toMatch(/^HTTP\/1\.1 413 /);
    const bad = await sClient(server.port, ['-tls1_3', ...withCert()], post('{"staffId":'));
    expect(bad.stdout).toMatch(/^HTTP\/1\.1 400 /);
    expect(bad.stdout).toContain('"BAD_JSON"');
    const extra = await sClient(
      server.port,
      ['-tls1_3', ...withCert()],
      post(JSON.stringify({ staffId: 'a', password: 'b', admin: true })),
    );
    expect(extra.stdout).toMatch(/^HTTP\/1\.1 400 /);
    expect(extra.stdout).toContain('"BAD_REQUEST"');
    const text = await sClient(
      server.port,
      ['-tls1_3', ...withCert()],
      post('staffId=a', 'application/x-www-form-urlencoded'),
    );
    expect(text.stdout).toMatch(/^HTTP\/1\.1 415 /);
    const nf = await sClient(server.port, ['-tls1_3', ...withCert()], httpGet('/api/v1/nothing'));
    expect(nf.stdout).toMatch(/^HTTP\/1\.1 404 /);
    const unauth = await sClient(server.port, ['-tls1_3', ...withCert()], httpGet('/api/v1/me'));
    expect(unauth.stdout).toMatch(/^HTTP\/1\.1 401 /);
  });
});
