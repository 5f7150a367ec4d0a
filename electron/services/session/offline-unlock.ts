import crypto from 'node:crypto';
import { KaigoError } from '../errors';

// Offline unlock and idle lock (DESIGN.md §4, issue 5 item 4). After each online login a per-staff verifier — a
// salted slow hash of the password with job type and office — is sealed by the vault. While the service cannot be
// reached, ID + password unlock the cached data READ-ONLY for a limited time since the last online login (default
// 72 h); nothing is sent until an online login. Every attempt is reported to the audit callback. The idle lock
// resumes with the same verifier, for the same staff member only (switching staff = logout + login).

/** The vault calls used here (structurally the Vault's seal/open/remove). */
export interface SealedBlobs {
  seal(name: string, bytes: Uint8Array): void;
  open(name: string): Buffer | null;
  remove(name: string): void;
}

export type OfflineOutcome = 'unlocked' | 'refused' | 'expired' | 'throttled';

export interface OfflineAuditEntry {
  event: 'offline-unlock' | 'idle-resume';
  /** The ID typed (not a secret); the audit log keeps who tried. */
  staffId: string;
  outcome: OfflineOutcome;
  at: string;
}

export interface OfflineStaff {
  staffId: string;
  jobType: string;
  officeNumber: string;
}

export interface OfflineUnlockOptions {
  store: SealedBlobs;
  clock: () => Date;
  audit: (entry: OfflineAuditEntry) => void;
  /** Hours after the last online login during which offline unlock works (default 72). */
  offlineHours?: number;
  /** Failed attempts before a pause (in memory; default 5 failures → 15 min). */
  maxFailures?: number;
  pauseMinutes?: number;
}

export interface OfflineGrant {
  staff: OfflineStaff;
  readOnly: true;
  /** When offline unlock stops working: last online login + offlineHours. */
  validUntil: string;
}

/** Salt and scrypt hash of a password (base64); holds no password. */
export interface PreparedVerifier {
  salt: string;
  hash: string;
}

interface VerifierRecord extends OfflineStaff, PreparedVerifier {
  v: 1;
  lastOnlineLoginAt: string;
}

const SCRYPT = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const HOUR = 3_600_000;

/** Blob names allow [a-z0-9.-] only, and the staff ID need not be visible on disk. */
export function verifierBlobName(staffId: string): string {
  return `offline-verifier.${crypto.createHash('sha256').update(staffId).digest('hex').slice(0, 32)}`;
}

function derive(password: string, salt: Buffer): Buffer {
  return crypto.scryptSync(password.normalize('NFC'), salt, 32, SCRYPT);
}

export class OfflineUnlock {
  private failures = 0;
  private pausedUntil = 0;
  private readonly hours: number;

  constructor(private readonly options: OfflineUnlockOptions) {
    this.hours = options.offlineHours ?? 72;
  }

  /**
   * Derives the verifier when the password is typed (login step 1), so the password itself need not be kept until
   * the one-time password is accepted; commit it with recordOnlineLogin() after step 2 succeeds.
   */
  prepareVerifier(password: string): PreparedVerifier {
    const salt = crypto.randomBytes(16);
    return { salt: salt.toString('base64'), hash: derive(password, salt).toString('base64') };
  }

  /** After an online login (certificate + ID + password + one-time password): seal a fresh verifier. */
  recordOnlineLogin(staff: OfflineStaff, verifier: PreparedVerifier): void {
    const record: VerifierRecord = {
      v: 1,
      staffId: staff.staffId,
      jobType: staff.jobType,
      officeNumber: staff.officeNumber,
      ...verifier,
      lastOnlineLoginAt: this.options.clock().toISOString(),
    };
    this.options.store.seal(verifierBlobName(staff.staffId), Buffer.from(JSON.stringify(record), 'utf8'));
  }

  /** Staff left the office for good (offboarding): their offline access goes too. */
  forget(staffId: string): void {
    this.options.store.remove(verifierBlobName(staffId));
  }

  private read(staffId: string): VerifierRecord | null {
    const bytes = this.options.store.open(verifierBlobName(staffId));
    if (!bytes) return null;
    const r = JSON.parse(bytes.toString('utf8')) as VerifierRecord;
    return r.v === 1 && r.staffId === staffId ? r : null;
  }

  private check(event: OfflineAuditEntry['event'], staffId: string, password: string): OfflineGrant {
    const now = this.options.clock();
    const audit = (outcome: OfflineOutcome) => this.options.audit({ event, staffId, outcome, at: now.toISOString() });
    if (now.getTime() < this.pausedUntil) {
      audit('throttled');
      throw new KaigoError('SESSION_OFFLINE_THROTTLED');
    }
    const record = this.read(staffId);
    // Unknown ID and wrong password look the same; the dummy derivation keeps the timing alike.
    const salt = record ? Buffer.from(record.salt, 'base64') : crypto.randomBytes(16);
    const candidate = derive(password, salt);
    const ok = record !== null && crypto.timingSafeEqual(candidate, Buffer.from(record.hash, 'base64'));
    if (!ok || !record) {
      this.failures += 1;
      if (this.failures >= (this.options.maxFailures ?? 5)) {
        this.failures = 0;
        this.pausedUntil = now.getTime() + (this.options.pauseMinutes ?? 15) * 60_000;
      }
      audit('refused');
      throw new KaigoError('SESSION_OFFLINE_REFUSED');
    }
    const validUntil = Date.parse(record.lastOnlineLoginAt) + this.hours * HOUR;
    // The offline-hours limit is for opening the cache without the service. An idle resume continues a login that
    // is already open (an online one ends with its tokens, an offline one with its grant), so it is not limited here.
    if (event === 'offline-unlock' && now.getTime() >= validUntil) {
      audit('expired');
      throw new KaigoError('SESSION_OFFLINE_EXPIRED');
    }
    this.failures = 0;
    audit('unlocked');
    return {
      staff: { staffId: record.staffId, jobType: record.jobType, officeNumber: record.officeNumber },
      readOnly: true,
      validUntil: new Date(validUntil).toISOString(),
    };
  }

  /** Service unreachable: ID + password open the cached data read-only. */
  unlock(staffId: string, password: string): OfflineGrant {
    return this.check('offline-unlock', staffId, password);
  }

  /**
   * Idle lock → resume. Only the staff member who was using the app may resume; anyone else logs out and in.
   * Online sessions resume with the same verifier (no expiry check beyond the verifier's own).
   */
  resume(current: OfflineStaff, staffId: string, password: string): OfflineGrant {
    if (staffId !== current.staffId) {
      this.options.audit({ event: 'idle-resume', staffId, outcome: 'refused', at: this.options.clock().toISOString() });
      throw new KaigoError('SESSION_OFFLINE_REFUSED');
    }
    return this.check('idle-resume', staffId, password);
  }
}

/** The idle lock's clock: personal data is hidden once `idleMinutes` pass without activity (default 10). */
export class IdleTimer {
  private last: number;

  constructor(
    private readonly clock: () => Date,
    private readonly idleMinutes = 10,
  ) {
    this.last = clock().getTime();
  }

  touch(): void {
    this.last = this.clock().getTime();
  }

  isLocked(): boolean {
    return this.clock().getTime() - this.last >= this.idleMinutes * 60_000;
  }
}
