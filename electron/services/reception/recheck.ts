import type { ReceptionRecheck } from '../../contract/reception';
import { KaigoError } from '../errors';
import type { EligibilityResponse } from '../kiban';
import { receptionDifferences } from './differences';
import type { ReceptionRecords } from './records';

// Re-running a 障害時受付 check once the service answers again (UX.md rule 9): fetch the eligibility for the insured
// number through the kiban client (which refreshes the cache), compute the differences, and leave them waiting for
// staff approval. A refusal from the service (e.g. 閲覧不可 until a card check) is an answer too: kept with its code.
// Transport failures propagate so the outbox retries the job.

/** Service answers that end the re-run (kept on the entry) rather than being retried. */
const REFUSALS = new Set([
  'KIBAN_UNKNOWN_PERSON',
  'KIBAN_NOT_SERVED',
  'KIBAN_VIEWING_EXPIRED',
  'KIBAN_CONSENT_WITHDRAWN',
  'KIBAN_FORBIDDEN_FOR_JOB',
]);

export async function rerunReception(
  records: ReceptionRecords,
  receptionId: number,
  fetchEligibility: (personKey: string) => Promise<EligibilityResponse>,
  clock: () => Date,
): Promise<ReceptionRecheck> {
  const entry = records.get(receptionId);
  if (entry.state === 'approved' || entry.state === 'rejected') return entry.recheck!;
  let recheck: ReceptionRecheck;
  try {
    const answer = await fetchEligibility(entry.personKey);
    recheck = {
      at: clock().toISOString(),
      serviceStatus: answer.status,
      refusalCode: null,
      differences: receptionDifferences(entry.form, answer),
    };
  } catch (err) {
    if (!(err instanceof KaigoError) || !REFUSALS.has(err.code)) throw err;
    recheck = { at: clock().toISOString(), serviceStatus: null, refusalCode: err.code, differences: [] };
  }
  records.recordRecheck(receptionId, recheck);
  return recheck;
}
