import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OUT } from '../support/paths';
import { tempDir, waitFor } from '../support/temp';
import { httpGet, sClient } from './training-server.support';

// `kaigo-desk training` as installers run it: the built CLI in its own process prints one JSON line once it
// listens; the .p12 it issued works with openssl (independent peer) for a TLS 1.3 mutual-auth request.

const tmp = tempDir('kd-train-cli-');
let child: ChildProcess;
let stdout = '';
let stderr = '';

beforeAll(() => {
  const cli = path.join(OUT, 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('out/cli.js is missing: run `npm run build` first');
  child = spawn(process.execPath, [cli, 'training', 'serve', '--port', '0', '--dir', path.join(tmp.path, 'srv')], {
    env: {
      ...process.env,
      KAIGO_DATA_DIR: path.join(tmp.path, 'data'),
      KAIGO_CONFIG: path.join(tmp.path, 'none.json'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (stdout += String(d)));
  child.stderr!.on('data', (d) => (stderr += String(d)));
});
afterAll(() => tmp.remove());

it('prints { url, caFile, p12File, p12Password }, serves TLS 1.3 with the issued .p12, and stops on SIGTERM', async () => {
  // First start issues the training PKI (three RSA keys) and hashes the seeded passwords: allow for a loaded machine.
  const line = await waitFor(
    'the JSON line',
    () => (stdout.includes('\n') ? stdout.slice(0, stdout.indexOf('\n')) : null),
    30_000,
  );
  const info = JSON.parse(line) as { url: string; caFile: string; p12File: string; p12Password: string };
  expect(Object.keys(info).sort()).toEqual(['caFile', 'p12File', 'p12Password', 'url']);
  expect(info.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  // The banner goes to stderr right after the JSON line; the two pipes are read independently.
  await waitFor('the training banner on stderr', () => stderr.includes('練習モード'), 10_000);
  // The .p12 opens with openssl 3 (modern encryption) and its password; split it into PEM for s_client.
  const pem = path.join(tmp.path, 'client.pem');
  const x = spawnSync('openssl', [
    'pkcs12',
    '-in',
    info.p12File,
    '-passin',
    `pass:${info.p12Password}`,
    '-nodes',
    '-out',
    pem,
  ]);
  expect(x.status).toBe(0);
  const port = Number(new URL(info.url).port);
  const r = await sClient(
    port,
    ['-tls1_3', '-cert', pem, '-key', pem, '-CAfile', info.caFile],
    httpGet('/api/v1/ping'),
  );
  expect(r.stdout).toMatch(/^HTTP\/1\.1 200 /);
  expect(r.stdout).toContain('"officeNumber":"1370100016"');

  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 60_000);
