import { SessionError } from './errors';
import type { Grant, Staff } from './wire';

// Holds the tokens of one login, in memory only (DESIGN.md §4), and decides when to refresh: an access token
// (60 min) is refreshed `marginMs` before it expires; concurrent callers share one refresh; once the refresh
// token's 8 h are over, the login is gone and staff log in again (DOMAIN.md §3.2). Pure: clock and refresh call
// are passed in.

export type RefreshFn = (refreshToken: string) => Promise<Grant>;

export interface TokenState {
  staff: Staff;
  accessExpiresAt: string;
  refreshExpiresAt: string;
}

export class TokenKeeper {
  private grant: Grant | null = null;
  private inFlight: Promise<string> | null = null;

  constructor(
    private readonly clock: () => Date,
    private readonly marginMs = 5 * 60_000,
  ) {}

  set(grant: Grant): void {
    this.grant = grant;
  }

  /** Logout or expiry: drop both tokens. */
  clear(): void {
    this.grant = null;
    this.inFlight = null;
  }

  state(): TokenState | null {
    if (!this.grant) return null;
    const { staff, accessExpiresAt, refreshExpiresAt } = this.grant;
    return { staff, accessExpiresAt, refreshExpiresAt };
  }

  /** The current refresh token, for logout-time bookkeeping only. */
  hasLogin(): boolean {
    return this.grant !== null;
  }

  /** A usable access token, refreshing first when it is due. Throws SESSION_NOT_LOGGED_IN / SESSION_EXPIRED. */
  async accessToken(refresh: RefreshFn): Promise<string> {
    const grant = this.grant;
    if (!grant) throw new SessionError('SESSION_NOT_LOGGED_IN');
    const now = this.clock().getTime();
    if (now >= Date.parse(grant.refreshExpiresAt)) {
      this.clear();
      throw new SessionError('SESSION_EXPIRED');
    }
    if (now < Date.parse(grant.accessExpiresAt) - this.marginMs) return grant.accessToken;
    return this.refresh(refresh);
  }

  /** Refreshes now (or joins the refresh already running). */
  refresh(refresh: RefreshFn): Promise<string> {
    const grant = this.grant;
    if (!grant) return Promise.reject(new SessionError('SESSION_NOT_LOGGED_IN'));
    this.inFlight ??= refresh(grant.refreshToken)
      .then((next) => {
        if (this.grant === grant) this.grant = next;
        return next.accessToken;
      })
      .catch((err: unknown) => {
        // A refused refresh ends the login; a network failure keeps it for a later try.
        if (err instanceof SessionError && err.code === 'SESSION_EXPIRED' && this.grant === grant) this.grant = null;
        throw err;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
