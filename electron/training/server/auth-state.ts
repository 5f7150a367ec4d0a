import crypto from 'node:crypto';
import type { TrainingMailbox } from '../mailbox';
import { dummyHash, hashPassword, secretsEqual, tokenDigest, verifyPassword, type PasswordHash } from './passwords';
import type { JobType, TrainingStaffSeed } from './seed';

// Login state of the training server: ID + password → pending login and a one-time password in the mailbox →
// access token (60 min) + refresh token (8 h from the online login, then full re-login) — DOMAIN.md §3.2.
// Repeated failures (password or one-time password) lock the account for a period. Tokens are kept as digests.

export interface AuthPolicy {
  accessTtlMs: number;
  refreshTtlMs: number;
  otpTtlMs: number;
  /** Wrong codes allowed on one pending login before it is discarded. */
  otpAttempts: number;
  /** Consecutive failures (password or code) that lock the account. */
  lockoutThreshold: number;
  lockoutMs: number;
}

export const DEFAULT_POLICY: AuthPolicy = {
  accessTtlMs: 60 * 60_000,
  refreshTtlMs: 8 * 60 * 60_000,
  otpTtlMs: 5 * 60_000,
  otpAttempts: 3,
  lockoutThreshold: 5,
  lockoutMs: 15 * 60_000,
};

export interface StaffView {
  staffId: string;
  jobType: JobType;
  officeNumber: string;
}

export type AuthFailure =
  | { code: 'LOGIN_FAILED' }
  | { code: 'LOCKED'; lockedUntil: string }
  | { code: 'OTP_WRONG'; attemptsLeft: number }
  | { code: 'OTP_EXPIRED' }
  | { code: 'REFRESH_INVALID' }
  | { code: 'SESSION_EXPIRED' };

export interface TokenGrant {
  accessToken: string;
  accessExpiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
  staff: StaffView;
}

interface Account extends StaffView {
  hash: PasswordHash;
  contact: string;
  failures: number;
  lockedUntil: number;
}

interface Pending {
  staffId: string;
  otpDigest: string;
  expiresAt: number;
  attemptsLeft: number;
}

interface SessionRecord {
  staffId: string;
  /** Absolute end of the online login: refresh never extends it. */
  refreshExpiresAt: number;
  accessDigest: string;
  accessExpiresAt: number;
  refreshDigest: string;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; failure: AuthFailure };

const randomToken = () => crypto.randomBytes(32).toString('base64url');
const maskContact = (c: string) => c.replace(/^(.).*(@.*)$/, '$1***$2');

export class AuthState {
  private readonly accounts = new Map<string, Account>();
  private readonly pending = new Map<string, Pending>();
  private readonly sessions = new Map<string, SessionRecord>(); // by session id
  private readonly byAccess = new Map<string, string>(); // access digest → session id
  private readonly byRefresh = new Map<string, string>(); // refresh digest → session id

  constructor(
    staff: TrainingStaffSeed[],
    private readonly mailbox: TrainingMailbox,
    private readonly clock: () => Date,
    private readonly policy: AuthPolicy = DEFAULT_POLICY,
  ) {
    for (const s of staff) {
      this.accounts.set(s.staffId, {
        staffId: s.staffId,
        jobType: s.jobType,
        officeNumber: s.officeNumber,
        contact: s.contact,
        hash: hashPassword(s.password),
        failures: 0,
        lockedUntil: 0,
      });
    }
  }

  private now(): number {
    return this.clock().getTime();
  }

  private locked(account: Account): AuthFailure | null {
    return account.lockedUntil > this.now()
      ? { code: 'LOCKED', lockedUntil: new Date(account.lockedUntil).toISOString() }
      : null;
  }

  private fail(account: Account): AuthFailure | null {
    account.failures += 1;
    if (account.failures >= this.policy.lockoutThreshold) {
      account.failures = 0;
      account.lockedUntil = this.now() + this.policy.lockoutMs;
      for (const [id, p] of this.pending) if (p.staffId === account.staffId) this.pending.delete(id);
      return this.locked(account);
    }
    return null;
  }

  /** Step 1. The office comes from the client certificate: staff may log in only at their own office. */
  login(
    staffId: string,
    password: string,
    officeNumber: string,
  ): Outcome<{ pendingId: string; sentTo: string; otpExpiresAt: string }> {
    const account = this.accounts.get(staffId);
    const passwordOk = verifyPassword(password, account?.hash ?? dummyHash());
    if (!account) return { ok: false, failure: { code: 'LOGIN_FAILED' } };
    const locked = this.locked(account);
    if (locked) return { ok: false, failure: locked };
    if (!passwordOk || account.officeNumber !== officeNumber) {
      return { ok: false, failure: this.fail(account) ?? { code: 'LOGIN_FAILED' } };
    }
    const pendingId = randomToken();
    const otp = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = this.now() + this.policy.otpTtlMs;
    this.pending.set(pendingId, {
      staffId,
      otpDigest: tokenDigest(otp),
      expiresAt,
      attemptsLeft: this.policy.otpAttempts,
    });
    this.mailbox.deliver({
      to: staffId,
      sentAt: this.clock().toISOString(),
      subject: '【練習用】ワンタイムパスワードのお知らせ',
      body: `ワンタイムパスワード: ${otp}\n有効期限は5分です。心当たりがない場合は管理者に連絡してください。（練習モード — 実在の利用者ではありません）`,
      code: otp,
    });
    return {
      ok: true,
      value: { pendingId, sentTo: maskContact(account.contact), otpExpiresAt: new Date(expiresAt).toISOString() },
    };
  }

  /** Step 2: the one-time password. */
  verifyOtp(pendingId: string, otp: string, officeNumber: string): Outcome<TokenGrant> {
    const pending = this.pending.get(pendingId);
    if (!pending) return { ok: false, failure: { code: 'OTP_EXPIRED' } };
    const account = this.accounts.get(pending.staffId)!;
    const locked = this.locked(account);
    if (locked) return { ok: false, failure: locked };
    if (pending.expiresAt <= this.now() || account.officeNumber !== officeNumber) {
      this.pending.delete(pendingId);
      return { ok: false, failure: { code: 'OTP_EXPIRED' } };
    }
    if (!secretsEqual(tokenDigest(otp), pending.otpDigest)) {
      pending.attemptsLeft -= 1;
      if (pending.attemptsLeft <= 0) this.pending.delete(pendingId);
      const lock = this.fail(account);
      return { ok: false, failure: lock ?? { code: 'OTP_WRONG', attemptsLeft: Math.max(0, pending.attemptsLeft) } };
    }
    this.pending.delete(pendingId);
    account.failures = 0;
    const sessionId = randomToken();
    const refreshExpiresAt = this.now() + this.policy.refreshTtlMs;
    return { ok: true, value: this.grant(sessionId, account, refreshExpiresAt) };
  }

  private grant(sessionId: string, account: Account, refreshExpiresAt: number): TokenGrant {
    const accessToken = randomToken();
    const refreshToken = randomToken();
    const accessExpiresAt = Math.min(this.now() + this.policy.accessTtlMs, refreshExpiresAt);
    const record: SessionRecord = {
      staffId: account.staffId,
      refreshExpiresAt,
      accessDigest: tokenDigest(accessToken),
      accessExpiresAt,
      refreshDigest: tokenDigest(refreshToken),
    };
    this.sessions.set(sessionId, record);
    this.byAccess.set(record.accessDigest, sessionId);
    this.byRefresh.set(record.refreshDigest, sessionId);
    return {
      accessToken,
      accessExpiresAt: new Date(accessExpiresAt).toISOString(),
      refreshToken,
      refreshExpiresAt: new Date(refreshExpiresAt).toISOString(),
      staff: { staffId: account.staffId, jobType: account.jobType, officeNumber: account.officeNumber },
    };
  }

  private endSession(sessionId: string): void {
    const record = this.sessions.get(sessionId);
    if (!record) return;
    this.byAccess.delete(record.accessDigest);
    this.byRefresh.delete(record.refreshDigest);
    this.sessions.delete(sessionId);
  }

  /** Rotates both tokens; the refresh token is single-use and the session never outlives its 8 h. */
  refresh(refreshToken: string, officeNumber: string): Outcome<TokenGrant> {
    const sessionId = this.byRefresh.get(tokenDigest(refreshToken));
    const record = sessionId ? this.sessions.get(sessionId) : undefined;
    if (!sessionId || !record) return { ok: false, failure: { code: 'REFRESH_INVALID' } };
    const account = this.accounts.get(record.staffId)!;
    if (account.officeNumber !== officeNumber) return { ok: false, failure: { code: 'REFRESH_INVALID' } };
    this.endSession(sessionId);
    if (record.refreshExpiresAt <= this.now()) return { ok: false, failure: { code: 'SESSION_EXPIRED' } };
    return { ok: true, value: this.grant(sessionId, account, record.refreshExpiresAt) };
  }

  /** The staff member behind a valid access token, or null (unknown, expired or logged out). */
  authenticate(accessToken: string, officeNumber: string): (StaffView & { sessionId: string }) | null {
    const sessionId = this.byAccess.get(tokenDigest(accessToken));
    const record = sessionId ? this.sessions.get(sessionId) : undefined;
    if (!sessionId || !record || record.accessExpiresAt <= this.now()) return null;
    const account = this.accounts.get(record.staffId)!;
    if (account.officeNumber !== officeNumber) return null;
    return { staffId: account.staffId, jobType: account.jobType, officeNumber: account.officeNumber, sessionId };
  }

  logout(sessionId: string): void {
    this.endSession(sessionId);
  }
}
