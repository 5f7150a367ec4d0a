import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './window-policy';

// The app:// scheme serves the built renderer from one folder. Requests are resolved from the raw URL string,
// segment by segment, so traversal is refused whatever Chromium's own normalisation did first:
// "..", "%2e%2e", encoded slashes or backslashes, drive letters, NUL and absolute paths never leave the root.

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export type Resolution = { ok: true; file: string } | { ok: false; status: 400 | 404 };

const FORBIDDEN_IN_SEGMENT = /[\\/:\0]/;

export function resolveAppRequest(requestUrl: string, rootDir: string): Resolution {
  const prefix = 'app://kaigo';
  if (!requestUrl.startsWith(prefix)) return { ok: false, status: 400 };
  let rest = requestUrl.slice(prefix.length);
  rest = rest.split(/[?#]/, 1)[0] ?? '';
  if (rest === '' || rest === '/') rest = '/index.html';
  if (!rest.startsWith('/') || rest.startsWith('//')) return { ok: false, status: 400 };
  const segments: string[] = [];
  for (const raw of rest.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '' || segment === '.' || segment === '..' || FORBIDDEN_IN_SEGMENT.test(segment)) {
      return { ok: false, status: 400 };
    }
    segments.push(segment);
  }
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { ok: false, status: 400 };
  return { ok: true, file };
}

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The protocol handler body: a Response for any request URL. */
export async function serveAppRequest(requestUrl: string, rootDir: string): Promise<Response> {
  const resolved = resolveAppRequest(requestUrl, rootDir);
  if (!resolved.ok) return new Response(null, { status: resolved.status });
  try {
    const body = await fs.readFile(resolved.file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': mimeType(resolved.file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response(null, { status: 404 });
  }
}
