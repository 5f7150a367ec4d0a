import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createTrainingPki, type TrainingPki } from '../../electron/training/pki';
import { TRAINING_OFFICES } from '../../electron/training/server';
import { tempDir, waitFor } from '../support/temp';

// Shared by the session / training-server integration tests: one training PKI per test file (RSA keys take
// ~0.2 s each), its PEMs written out for openssl, and openssl runners as the independent TLS peer.

let cached: TrainingPki | undefined;
export function trainingPki(): TrainingPki {
  cached ??= createTrainingPki(TRAINING_OFFICES);
  return cached;
}

export interface PemFiles {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  remove(): void;
}

export function writePems(pki: TrainingPki, officeIndex = 0): PemFiles {
  const t = tempDir('kd-pem-');
  const w = (name: string, text: string) => {
    const p = path.join(t.path, name);
    fs.writeFileSync(p, text, { mode: 0o600 });
    return p;
  };
  const office = pki.offices[officeIndex]!;
  return {
    dir: t.path,
    ca: w('ca.pem', pki.ca.certPem),
    serverCert: w('server.pem', pki.server.certPem),
    serverKey: w('server.key', pki.server.keyPem),
    clientCert: w('client.pem', office.certPem),
    clientKey: w('client.key', office.keyPem),
    remove: t.remove,
  };
}

export interface OpensslRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `openssl s_client` sending one HTTP request on stdin; returns everything it printed once the peer closes. */
export function sClient(port: number, args: string[], request: string, timeoutMs = 10_000): Promise<OpensslRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'openssl',
      ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'localhost', '-quiet', ...args],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(request);
  });
}

export function httpGet(pathname: string): string {
  return `GET ${pathname} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`;
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export interface SServer {
  port: number;
  output(): string;
  stop(): Promise<void>;
}

/** `openssl s_server -www` as an independent TLS server; resolves once it accepts connections. */
export async function sServer(args: string[]): Promise<SServer> {
  const port = await freePort();
  const child = spawn('openssl', ['s_server', '-accept', `127.0.0.1:${port}`, '-www', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  await waitFor('openssl s_server to accept', () => {
    if (child.exitCode !== null) throw new Error('s_server exited');
    return out.includes('ACCEPT');
  });
  return {
    port,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('close', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
