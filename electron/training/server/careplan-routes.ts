import { z } from 'zod';
import { acceptFile, inboxFor } from './careplan-exchange';
import type { Route } from './routes';
import { ok, route } from './route-helpers';

// Routes of the care-plan training channel (careplan-exchange.ts). One file per request (the server's body cap is
// 16 KB), sent by the app's outbox with an Idempotency-Key, so a resend has no second effect; the inbox is read from
// an id onwards.

const fileBody = z.strictObject({
  name: z.string().min(1).max(200),
  content: z
    .string()
    .max(15_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
const inboxBody = z.strictObject({ after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });

/** At most this many files per inbox answer; the client asks again from the last id. */
const INBOX_PAGE = 5;

export const CAREPLAN_ROUTES: Route[] = [
  route({
    method: 'POST',
    path: '/api/v1/careplan/files',
    auth: 'token',
    idempotency: 'required',
    body: fileBody,
    handle: ({ body, data, office, now }) => {
      const r = acceptFile(data, office, body.name, Buffer.from(body.content, 'base64'), now);
      if (!r.ok) return { status: 200, body: { ok: false, error: { code: r.code } } };
      return ok({ id: r.id, receivedAt: now.toISOString() });
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/careplan/inbox',
    auth: 'token',
    body: inboxBody,
    handle: ({ body, data, office }) => {
      const files = inboxFor(data, office.officeNumber, body.after).slice(0, INBOX_PAGE);
      return ok({
        files: files.map((f) => ({
          id: f.id,
          name: f.name,
          content: f.body.toString('base64'),
          receivedAt: f.receivedAt,
        })),
      });
    },
  }),
];
