import type { Outbox, OutboxJob } from './outbox';

// One delivery pass over the due jobs. The transport is injected (the kiban client in the app, a training server in
// tests): `send` must pass the job's idempotency key to the server; `alreadyDelivered` asks the server whether it
// has a key, used before resending anything whose earlier attempt ended without an answer.

export type SendOutcome =
  | { kind: 'delivered' }
  /** The server refused or failed in a way that says nothing arrived; retry later if `retryable`. */
  | { kind: 'failed'; code: string; retryable: boolean }
  /** No answer (timeout, connection lost after sending): it may have arrived. */
  | { kind: 'ambiguous'; code: string };

export interface DeliveryTransport {
  send(job: OutboxJob): Promise<SendOutcome>;
  alreadyDelivered(idempotencyKey: string): Promise<boolean>;
}

export interface DeliveryReport {
  delivered: number;
  failed: number;
  ambiguous: number;
  confirmedBefore: number;
}

/** Runs one pass. Sends wait for an online login: the caller only runs this while `canSend()` holds. */
export async function deliverDue(outbox: Outbox, transport: DeliveryTransport, limit = 50): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: 0, failed: 0, ambiguous: 0, confirmedBefore: 0 };
  for (const job of outbox.due(limit)) {
    if (job.state === 'ambiguous') {
      let has: boolean;
      try {
        has = await transport.alreadyDelivered(job.idempotencyKey);
      } catch {
        report.ambiguous++;
        continue; // still unknown; keep it ambiguous and ask again next pass
      }
      if (has) {
        outbox.markSent(job.id);
        report.confirmedBefore++;
        continue;
      }
    }
    outbox.claim(job.id);
    let outcome: SendOutcome;
    try {
      outcome = await transport.send(job);
    } catch {
      outcome = { kind: 'ambiguous', code: 'SEND_EXCEPTION' };
    }
    if (outcome.kind === 'delivered') {
      outbox.markSent(job.id);
      report.delivered++;
    } else if (outcome.kind === 'failed') {
      outbox.markFailed(job.id, outcome.code, outcome.retryable);
      report.failed++;
    } else {
      outbox.markAmbiguous(job.id, outcome.code);
      report.ambiguous++;
    }
  }
  return report;
}
