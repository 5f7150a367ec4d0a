import type { TrainingData, TrainingPerson } from '../data';
import type { StaffView } from './auth-state';
import { CardCheckRegistry } from './card-check';
import type { TrainingOffice } from './seed';
import { trainingCa } from '../virtual-card';
import { IdempotencyLedger } from './idempotency';

// What the training backend knows beyond login: the synthetic persons, which office serves whom (registered by a
// card check), consent, and the viewing rules of DOMAIN.md §2.1:
// - only offices that confirmed the person's identity and still serve them may view (閲覧期限 per grant);
// - 認定調査票・主治医意見書 only for the care manager at the 居宅介護支援事業所 (service type 43) making the plan,
//   not a care manager employed at a service office, nor other job types;
// - nothing after consent is withdrawn.

/** Length of a viewing grant. The real period is set by the service's 別紙 (not public): training uses 180 days. */
export const VIEWING_GRANT_DAYS = 180;

export type ViewRefusal =
  'UNKNOWN_PERSON' | 'NOT_SERVED' | 'VIEWING_EXPIRED' | 'CONSENT_WITHDRAWN' | 'FORBIDDEN_FOR_JOB';

export interface ServiceGrant {
  officeNumber: string;
  since: string;
  viewingDeadline: string; // ISO date
  mode: 'pin' | 'visual';
}

const isoDay = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10); // Japan date

export class TrainingDataState {
  readonly persons = new Map<string, TrainingPerson>();
  private readonly grants = new Map<string, Map<string, ServiceGrant>>();
  private readonly consent = new Map<string, 'obtained' | 'withdrawn'>();

  /** Training cards issued to persons, and the nonces of card checks in progress. */
  readonly cards = new CardCheckRegistry(trainingCa().certificate);

  /** Idempotency keys seen and their kept answers (DESIGN.md §5), and what arrived through /deliveries. */
  readonly idempotency = new IdempotencyLedger();
  readonly deliveries: Array<{
    receiptId: string;
    idempotencyKey: string;
    kind: string;
    officeNumber: string;
    receivedAt: string;
  }> = [];

  constructor(readonly data: TrainingData) {
    for (const p of data.persons) this.persons.set(p.personKey, p);
  }

  /** After a successful card check (or a visual check inside a staff session). */
  registerService(personKey: string, officeNumber: string, mode: 'pin' | 'visual', now: Date): ServiceGrant {
    const grant: ServiceGrant = {
      officeNumber,
      since: now.toISOString(),
      viewingDeadline: isoDay(new Date(now.getTime() + VIEWING_GRANT_DAYS * 86_400_000)),
      mode,
    };
    let byOffice = this.grants.get(personKey);
    if (!byOffice) this.grants.set(personKey, (byOffice = new Map()));
    byOffice.set(officeNumber, grant);
    if (!this.consent.has(personKey)) this.consent.set(personKey, 'obtained');
    return grant;
  }

  /** The service relationship ended (e.g. the office stopped serving the person). */
  endService(personKey: string, officeNumber: string): void {
    this.grants.get(personKey)?.delete(officeNumber);
  }

  setConsent(personKey: string, state: 'obtained' | 'withdrawn'): void {
    this.consent.set(personKey, state);
  }

  grantFor(personKey: string, officeNumber: string): ServiceGrant | null {
    return this.grants.get(personKey)?.get(officeNumber) ?? null;
  }

  served(officeNumber: string, now: Date): Array<{ personKey: string; viewingDeadline: string }> {
    const today = isoDay(now);
    const out: Array<{ personKey: string; viewingDeadline: string }> = [];
    for (const [personKey, byOffice] of this.grants) {
      const grant = byOffice.get(officeNumber);
      if (grant && grant.viewingDeadline >= today && this.consent.get(personKey) !== 'withdrawn') {
        out.push({ personKey, viewingDeadline: grant.viewingDeadline });
      }
    }
    return out;
  }

  /** null when the staff member of this office may view; else why not. */
  checkView(
    personKey: string,
    office: TrainingOffice,
    staff: StaffView,
    now: Date,
    what: 'records' | 'certification-documents',
  ): ViewRefusal | null {
    if (!this.persons.has(personKey)) return 'UNKNOWN_PERSON';
    const grant = this.grantFor(personKey, office.officeNumber);
    if (!grant) return 'NOT_SERVED';
    if (this.consent.get(personKey) === 'withdrawn') return 'CONSENT_WITHDRAWN';
    if (grant.viewingDeadline < isoDay(now)) return 'VIEWING_EXPIRED';
    if (what === 'certification-documents' && !(office.serviceType === '43' && staff.jobType === 'care-manager')) {
      return 'FORBIDDEN_FOR_JOB';
    }
    return null;
  }
}
