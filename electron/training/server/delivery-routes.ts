import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Route } from './routes';
import { ok, route } from './route-helpers';

// Generic deliveries (issue 6, outbox transport): anything the app sends through its outbox arrives here with an
// Idempotency-Key header (server.ts replays a repeated key without a second effect), and an ambiguous sender can ask
// which keys the service already has before resending (DESIGN.md §5).

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

const deliveryBody = z.strictObject({
  kind: z.string().regex(/^[a-z][a-z0-9.-]{0,63}$/),
  payload: z.unknown(),
});
const lookupBody = z.strictObject({ idempotencyKeys: z.array(z.string().regex(IDEMPOTENCY_KEY)).min(1).max(100) });

export const DELIVERY_ROUTES: Route[] = [
  route({
    method: 'POST',
    path: '/api/v1/deliveries',
    auth: 'token',
    idempotency: 'required',
    body: deliveryBody,
    handle: ({ body, data, office, now, idempotencyKey }) => {
      const receiptId = randomUUID();
      data.deliveries.push({
        receiptId,
        idempotencyKey: idempotencyKey!,
        kind: body.kind,
        officeNumber: office.officeNumber,
        receivedAt: now.toISOString(),
      });
      return ok({ receiptId, receivedAt: now.toISOString() });
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/deliveries/lookup',
    auth: 'token',
    body: lookupBody,
    handle: ({ body, data }) => ok({ known: body.idempotencyKeys.filter((k) => data.idempotency.has(k)) }),
  }),
];
