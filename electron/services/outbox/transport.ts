import { KaigoError } from '../errors';
import type { DeliveryTransport, SendOutcome } from './deliver';
import type { OutboxJob } from './outbox';

// The outbox's transport in the app: each job kind is handled by a sender (a delivery to the service, or a local
// job such as re-running a 障害時受付 check through the kiban client). Failures are sorted by what they say about
// the job: refused → failed for good; nothing reached the service → retry later; no answer → ambiguous (it may have
// arrived: ask the service before resending, DESIGN.md §5).

export type JobSender = (job: OutboxJob) => Promise<void>;

export interface TransportOptions {
  /** Local handlers by job kind (e.g. the 障害時受付 re-run). */
  senders: Readonly<Record<string, JobSender>>;
  /** Every other kind is delivered to the service as is, with its idempotency key (kiban DeliveryClient.send). */
  deliver: JobSender;
  /** Asks the service which keys it already has (kiban DeliveryClient.known). */
  known(idempotencyKeys: string[]): Promise<string[]>;
}

/** Codes after which the request may have reached the service. */
const AMBIGUOUS = new Set(['SESSION_TIMEOUT', 'SESSION_UNREACHABLE', 'SESSION_TLS_FAILED']);
/** Codes after which nothing took effect and a later attempt may work. */
const RETRYABLE = new Set([
  'SESSION_BAD_RESPONSE',
  'SESSION_SERVICE_UNAVAILABLE',
  'SESSION_EXPIRED',
  'SESSION_LOGIN_REQUIRED',
  'SESSION_CLIENT_CERT_REFUSED',
  'SESSION_SERVER_UNTRUSTED',
]);

export function outcomeOf(err: unknown): SendOutcome {
  const code = err instanceof KaigoError ? err.code : 'INTERNAL';
  if (AMBIGUOUS.has(code)) return { kind: 'ambiguous', code };
  if (RETRYABLE.has(code)) return { kind: 'failed', code, retryable: true };
  return { kind: 'failed', code, retryable: code === 'INTERNAL' };
}

export function createTransport(options: TransportOptions): DeliveryTransport {
  return {
    async send(job) {
      const sender = Object.hasOwn(options.senders, job.kind) ? options.senders[job.kind]! : options.deliver;
      try {
        await sender(job);
        return { kind: 'delivered' };
      } catch (err) {
        return outcomeOf(err);
      }
    },
    async alreadyDelivered(idempotencyKey) {
      return (await options.known([idempotencyKey])).includes(idempotencyKey);
    },
  };
}
