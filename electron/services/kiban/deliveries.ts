import { z } from 'zod';
import type { Session } from '../session';

// Sending outbox jobs to the service (DESIGN.md §5): every send carries the job's idempotency key as the
// Idempotency-Key header, so a resend after a crash or a lost answer has no second effect; `known` asks which keys
// the service already has, used for ambiguous jobs before resending. The generic /deliveries endpoint is the
// training backend's; the official specification will name its own per kind, changed here only.

const isoInstant = z.iso.datetime({ offset: true });
const key = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/);

export const deliveryResponse = z.strictObject({
  ok: z.literal(true),
  receiptId: z.string().min(1).max(64),
  receivedAt: isoInstant,
});
export const deliveryLookupResponse = z.strictObject({ ok: z.literal(true), known: z.array(key).max(100) });

export interface DeliveryClient {
  send(delivery: { kind: string; payload: unknown; idempotencyKey: string }): Promise<{ receiptId: string }>;
  /** Of these keys, the ones the service already has. */
  known(idempotencyKeys: string[]): Promise<string[]>;
}

export function createDeliveryClient(session: Pick<Session, 'call'>): DeliveryClient {
  return {
    async send({ kind, payload, idempotencyKey }) {
      const answer = await session.call(
        'POST',
        '/api/v1/deliveries',
        deliveryResponse,
        { kind, payload },
        {
          'idempotency-key': idempotencyKey,
        },
      );
      return { receiptId: answer.receiptId };
    },
    async known(idempotencyKeys) {
      const answer = await session.call('POST', '/api/v1/deliveries/lookup', deliveryLookupResponse, {
        idempotencyKeys,
      });
      return answer.known;
    },
  };
}
