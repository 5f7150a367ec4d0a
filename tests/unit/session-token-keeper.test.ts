import { describe, expect, it } from 'vitest';
import { SessionError, TokenKeeper, type Grant } from '../../electron/services/session';

// The login state machine with a fixed clock (DOMAIN.md §3.2: access 60 min, refresh 8 h, then re-login).

const T0 = Date.parse('2026-11-26T00:00:00Z');
const MIN = 60_000;

function grant(n: number, issuedAt: number, refreshEnd = T0 + 8 * 60 * MIN): Grant {
  return {
    ok: true,
    accessToken: `access-token-${n}-xxxxxxxx`,
    accessExpiresAt: new Date(Math.min(issuedAt + 60 * MIN, refreshEnd)).toISOString(),
    refreshToken: `refresh-token-${n}-xxxxxxx`,
    refreshExpiresAt: new Date(refreshEnd).toISOString(),
    staff: { staffId: 'cm-renshu01', jobType: 'care-manager', officeNumber: '1370100016' },
  };
}

function setup() {
  let now = T0;
  const keeper = new TokenKeeper(() => new Date(now), 5 * MIN);
  const calls: string[] = [];
  let n = 1;
  const refresh = async (token: string) => {
    calls.push(token);
    await Promise.resolve();
    return grant(++n, now);
  };
  keeper.set(grant(1, T0));
  return { keeper, calls, refresh, advance: (ms: number) => (now += ms) };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof SessionError ? e.code : 'other'),
  );

describe('TokenKeeper', () => {
  it('uses the access token as is while it is fresh', async () => {
    const { keeper, calls, refresh, advance } = setup();
    advance(54 * MIN);
    expect(await keeper.accessToken(refresh)).toBe('access-token-1-xxxxxxxx');
    expect(calls).toEqual([]);
  });

  it('refreshes within the margin before expiry, with the refresh token', async () => {
    const { keeper, calls, refresh, advance } = setup();
    advance(56 * MIN);
    expect(await keeper.accessToken(refresh)).toBe('access-token-2-xxxxxxxx');
    expect(calls).toEqual(['refresh-token-1-xxxxxxx']);
    expect(keeper.state()!.accessExpiresAt).toBe(new Date(T0 + 116 * MIN).toISOString());
  });

  it('shares one refresh between concurrent callers', async () => {
    const { keeper, calls, refresh, advance } = setup();
    advance(59 * MIN);
    const tokens = await Promise.all([1, 2, 3, 4].map(() => keeper.accessToken(refresh)));
    expect(new Set(tokens)).toEqual(new Set(['access-token-2-xxxxxxxx']));
    expect(calls).toHaveLength(1);
  });

  it('ends the login after 8 hours: SESSION_EXPIRED, then SESSION_NOT_LOGGED_IN', async () => {
    const { keeper, calls, refresh, advance } = setup();
    advance(8 * 60 * MIN);
    expect(await codeOf(keeper.accessToken(refresh))).toBe('SESSION_EXPIRED');
    expect(calls).toEqual([]);
    expect(keeper.state()).toBeNull();
    expect(await codeOf(keeper.accessToken(refresh))).toBe('SESSION_NOT_LOGGED_IN');
  });

  it('keeps the login when a refresh fails on the network, drops it when the server refuses it', async () => {
    const { keeper, advance } = setup();
    advance(58 * MIN);
    const offline = () => Promise.reject(new SessionError('SESSION_UNREACHABLE'));
    expect(await codeOf(keeper.accessToken(offline))).toBe('SESSION_UNREACHABLE');
    expect(keeper.hasLogin()).toBe(true);
    const refused = () => Promise.reject(new SessionError('SESSION_EXPIRED'));
    expect(await codeOf(keeper.accessToken(refused))).toBe('SESSION_EXPIRED');
    expect(keeper.hasLogin()).toBe(false);
  });

  it('logout (clear) wipes the tokens and state shows no token', async () => {
    const { keeper, refresh } = setup();
    expect(JSON.stringify(keeper.state())).not.toContain('token-1');
    keeper.clear();
    expect(keeper.state()).toBeNull();
    expect(await codeOf(keeper.accessToken(refresh))).toBe('SESSION_NOT_LOGGED_IN');
  });
});
