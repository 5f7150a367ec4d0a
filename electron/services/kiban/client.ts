import type { z } from 'zod';
import type { ErrorCode } from '../../contract/errors';
import { personsRepository, snapshotRepository, type SnapshotInput } from '../cache';
import { KaigoError } from '../errors';
import type { Session } from '../session';
import { SessionError } from '../session';
import type { SqliteDb } from '../../../native/sqlite';
import {
  allowancesResponse,
  cardCheckResponse,
  cardNonceResponse,
  certificationDocumentsResponse,
  consentResponse,
  eligibilityResponse,
  progressResponse,
  servedResponse,
  type EligibilityResponse,
} from './schemas';

// The typed client of the 介護WEBサービス API. It calls through the logged-in session, checks every response against
// its schema, maps the service's refusals to our codes, and writes fetched records into the snapshot cache in one
// transaction — a bad or partial answer leaves the cache as it was.

const REFUSALS: Record<string, ErrorCode> = {
  UNKNOWN_PERSON: 'KIBAN_UNKNOWN_PERSON',
  NOT_SERVED: 'KIBAN_NOT_SERVED',
  VIEWING_EXPIRED: 'KIBAN_VIEWING_EXPIRED',
  CONSENT_WITHDRAWN: 'KIBAN_CONSENT_WITHDRAWN',
  FORBIDDEN_FOR_JOB: 'KIBAN_FORBIDDEN_FOR_JOB',
  NONCE_UNKNOWN: 'KIBAN_CARD_CHECK_EXPIRED',
  CARD_CERT_INVALID: 'KIBAN_CARD_NOT_RECOGNISED',
  CARD_CERT_UNKNOWN: 'KIBAN_CARD_NOT_RECOGNISED',
  CARD_CERT_EXPIRED: 'CARD_CERT_EXPIRED',
  CARD_SIGNATURE_INVALID: 'CARD_SIGNATURE_INVALID',
};

export interface KibanClientOptions {
  session: Pick<Session, 'call'>;
  /** The cache database (opened lazily by the caller). */
  cache: () => SqliteDb;
  /** 'api' against the real service, 'training' against the training backend. */
  source: 'api' | 'training';
}

export interface KibanClient {
  /** Fetches the 証 items; when found, stores them as snapshots and refreshes the person's lookup row. */
  fetchEligibility(personKey: string): Promise<EligibilityResponse>;
  fetchProgress(personKey: string): Promise<z.infer<typeof progressResponse>['progress']>;
  fetchAllowances(personKey: string): Promise<Omit<z.infer<typeof allowancesResponse>, 'ok'>>;
  fetchCertificationDocuments(personKey: string): Promise<z.infer<typeof certificationDocumentsResponse>['documents']>;
  setConsent(personKey: string, consent: 'obtained' | 'withdrawn'): Promise<void>;
  /** A fresh challenge for the card to sign (CARD.md §3 step 1). */
  cardNonce(): Promise<{ nonceId: string; nonce: Buffer }>;
  /** Sends the card's proof (PIN mode: certificate + signature; visual: certificate + staff's reason). */
  submitCardProof(
    proof:
      | { mode: 'pin'; nonceId: string; certificate: Buffer; signature: Buffer }
      | {
          mode: 'visual';
          nonceId: string;
          certificate: Buffer;
          reason: 'face-card' | 'pin-forgotten' | 'cannot-enter' | 'other';
        },
  ): Promise<{ personKey: string; viewingDeadline: string }>;
  /** The persons this office may view now (the viewing scope, also used offline and by purge). */
  fetchServed(): Promise<z.infer<typeof servedResponse>['persons']>;
}

async function call<S extends z.ZodType>(
  session: Pick<Session, 'call'>,
  method: 'GET' | 'POST',
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.infer<S>> {
  try {
    return await session.call(method, path, schema, body);
  } catch (err) {
    if (err instanceof SessionError && err.serviceCode && REFUSALS[err.serviceCode]) {
      throw new KaigoError(REFUSALS[err.serviceCode]!, err.serviceCode);
    }
    throw err;
  }
}

export function createKibanClient(options: KibanClientOptions): KibanClient {
  const { session, source } = options;
  const store = (answer: EligibilityResponse) => {
    if (answer.status !== 'found') return;
    const db = options.cache();
    const fetchedAt = new Date(answer.fetchedAt);
    const { insuredCard, burdenRatio, burdenLimit, certification } = answer.records;
    const common = { personKey: answer.personKey, fetchedAt, source, viewingDeadline: answer.viewingDeadline };
    const inputs: SnapshotInput[] = [
      {
        ...common,
        kind: 'insured-card',
        validFrom: insuredCard.certificationPeriod?.from ?? null,
        validTo: insuredCard.certificationPeriod?.to ?? insuredCard.expiresOn ?? null,
        body: insuredCard,
      },
      {
        ...common,
        kind: 'burden-ratio',
        validFrom: burdenRatio.period.from,
        validTo: burdenRatio.period.to,
        body: burdenRatio,
      },
      {
        ...common,
        kind: 'certification',
        validFrom: certification.period?.from ?? null,
        validTo: certification.period?.to ?? null,
        body: certification,
      },
    ];
    if (burdenLimit) {
      inputs.push({
        ...common,
        kind: 'burden-limit',
        validFrom: burdenLimit.period.from,
        validTo: burdenLimit.period.to,
        body: burdenLimit,
      });
    }
    db.transaction(() => {
      snapshotRepository(db).putSnapshots(inputs);
      personsRepository(() => db).upsertFromCard(insuredCard, fetchedAt);
    });
  };

  return {
    async fetchEligibility(personKey) {
      const answer = await call(session, 'POST', '/api/v1/persons/eligibility', eligibilityResponse, { personKey });
      if (answer.personKey !== personKey) throw new KaigoError('SESSION_BAD_RESPONSE', 'person mismatch');
      store(answer);
      return answer;
    },
    async fetchProgress(personKey) {
      return (await call(session, 'POST', '/api/v1/persons/progress', progressResponse, { personKey })).progress;
    },
    async fetchAllowances(personKey) {
      const { ok: _ok, ...rest } = await call(session, 'POST', '/api/v1/persons/allowances', allowancesResponse, {
        personKey,
      });
      return rest;
    },
    async fetchCertificationDocuments(personKey) {
      return (
        await call(session, 'POST', '/api/v1/persons/certification-documents', certificationDocumentsResponse, {
          personKey,
        })
      ).documents;
    },
    async setConsent(personKey, consent) {
      await call(session, 'POST', '/api/v1/persons/consent', consentResponse, { personKey, consent });
    },
    async cardNonce() {
      const { nonceId, nonce } = await call(session, 'POST', '/api/v1/card-check/nonce', cardNonceResponse);
      return { nonceId, nonce: Buffer.from(nonce, 'base64') };
    },
    async submitCardProof(proof) {
      const body =
        proof.mode === 'pin'
          ? {
              mode: 'pin',
              nonceId: proof.nonceId,
              certificate: proof.certificate.toString('base64'),
              signature: proof.signature.toString('base64'),
            }
          : {
              mode: 'visual',
              nonceId: proof.nonceId,
              certificate: proof.certificate.toString('base64'),
              reason: proof.reason,
            };
      const { personKey, viewingDeadline } = await call(session, 'POST', '/api/v1/card-check', cardCheckResponse, body);
      return { personKey, viewingDeadline };
    },
    async fetchServed() {
      return (await call(session, 'GET', '/api/v1/persons/served', servedResponse)).persons;
    },
  };
}
