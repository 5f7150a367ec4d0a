import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppRequest, serveAppRequest } from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/window-policy';

let root: string;
let secret: string;

beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-proto-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>ok</title>');
  fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'console.log(1)');
  secret = path.join(base, 'secret.txt');
  fs.writeFileSync(secret, 'do not serve');
});
afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('serves the renderer with the CSP header', async () => {
    const res = await serveAppRequest('app://kaigo/index.html', root);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('ok');
    expect((await serveAppRequest('app://kaigo/', root)).status).toBe(200);
    expect((await serveAppRequest('app://kaigo/assets/a.js?v=1', root)).headers.get('content-type')).toContain(
      'javascript',
    );
  });

  it.each([
    'app://kaigo/../secret.txt',
    'app://kaigo/assets/../../secret.txt',
    'app://kaigo/%2e%2e/secret.txt',
    'app://kaigo/%2E%2E/secret.txt',
    'app://kaigo/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kaigo/..%5csecret.txt',
    'app://kaigo//etc/passwd',
    'app://kaigo/%2fetc%2fpasswd',
    'app://kaigo/C:%5cWindows%5cwin.ini',
    'app://kaigo/index.html%00.js',
    'app://kaigo/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    const resolved = resolveAppRequest(url, root);
    expect(resolved.ok).toBe(false);
    const res = await serveAppRequest(url, root);
    expect(res.status).toBe(400);
  });

  it('answers 404 for a missing file inside the root', async () => {
    expect((await serveAppRequest('app://kaigo/nope.js', root)).status).toBe(404);
  });
});
