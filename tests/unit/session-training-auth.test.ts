import { describe, expect, it } from 'vitest';
import { createTrainingMailbox } from '../../electron/training/mailbox';
import { AuthState, DEFAULT_POLICY } from '../../electron/training/server/auth-state';
import { TRAINING_STAFF } from '../../electron/training/server';

// The training server's login rules (DOMAIN.md §3.2) with a fixed clock: the other side of the session client.

const MIN = 60_000;
const cm = TRAINING_STAFF.find((s) => s.jobType === 'care-manager')!;
const OFFICE = cm.officeNumber;

function setup() {
  let now = Date.parse('2026-11-26T00:00:00Z');
  const mailbox = createTrainingMailbox();
  const auth = new AuthState(TRAINING_STAFF, mailbox, () => new Date(now), DEFAULT_POLICY);
  const otp = () => mailbox.latestFor(cm.staffId)!.code;
  const loggedIn = () => {
    const l = auth.login(cm.staffId, cm.password, OFFICE);
    if (!l.ok) throw new Error('login failed');
    const g = auth.verifyOtp(l.value.pendingId, otp(), OFFICE);
    if (!g.ok) throw new Error('otp failed');
    return g.value;
  };
  return { auth, mailbox, otp, loggedIn, advance: (ms: number) => (now += ms) };
}

const wrongOf = (code: string) => (code === '000000' ? '111111' : '000000');

describe('training server login rules', () => {
  it('grants 60-minute access and 8-hour refresh; tokens identify the staff member', () => {
    const { auth, loggedIn } = setup();
    const g = loggedIn();
    expect(Date.parse(g.accessExpiresAt) - Date.parse(g.refreshExpiresAt)).toBe(-7 * 60 * MIN);
    expect(auth.authenticate(g.accessToken, OFFICE)).toMatchObject({ staffId: cm.staffId, jobType: 'care-manager' });
    expect(auth.authenticate(g.accessToken, '1370100024')).toBeNull();
  });

  it('expires the access token after 60 minutes', () => {
    const { auth, loggedIn, advance } = setup();
    const g = loggedIn();
    advance(60 * MIN);
    expect(auth.authenticate(g.accessToken, OFFICE)).toBeNull();
  });

  it('rotates tokens on refresh; an old refresh token is single-use; the 8 h end does not move', () => {
    const { auth, loggedIn, advance } = setup();
    const g = loggedIn();
    advance(50 * MIN);
    const r = auth.refresh(g.refreshToken, OFFICE);
    if (!r.ok) throw new Error('refresh failed');
    expect(r.value.refreshExpiresAt).toBe(g.refreshExpiresAt);
    expect(auth.authenticate(g.accessToken, OFFICE)).toBeNull();
    expect(auth.authenticate(r.value.accessToken, OFFICE)).not.toBeNull();
    expect(auth.refresh(g.refreshToken, OFFICE)).toEqual({ ok: false, failure: { code: 'REFRESH_INVALID' } });
    advance(8 * 60 * MIN);
    expect(auth.refresh(r.value.refreshToken, OFFICE)).toEqual({ ok: false, failure: { code: 'SESSION_EXPIRED' } });
  });

  it('access tokens near the 8 h end are cut to it', () => {
    const { auth, loggedIn, advance } = setup();
    const g = loggedIn();
    advance(7.5 * 60 * MIN);
    const r = auth.refresh(g.refreshToken, OFFICE);
    if (!r.ok) throw new Error('refresh failed');
    expect(r.value.accessExpiresAt).toBe(g.refreshExpiresAt);
  });

  it('logout ends the session', () => {
    const { auth, loggedIn } = setup();
    const g = loggedIn();
    const who = auth.authenticate(g.accessToken, OFFICE)!;
    auth.logout(who.sessionId);
    expect(auth.authenticate(g.accessToken, OFFICE)).toBeNull();
    expect(auth.refresh(g.refreshToken, OFFICE).ok).toBe(false);
  });

  it('one-time password: 5 minutes, 3 tries, then the login must start again', () => {
    const { auth, otp, advance } = setup();
    const l1 = auth.login(cm.staffId, cm.password, OFFICE);
    if (!l1.ok) throw new Error();
    advance(5 * MIN);
    expect(auth.verifyOtp(l1.value.pendingId, otp(), OFFICE)).toEqual({ ok: false, failure: { code: 'OTP_EXPIRED' } });

    const l2 = auth.login(cm.staffId, cm.password, OFFICE);
    if (!l2.ok) throw new Error();
    const wrong = wrongOf(otp());
    expect(auth.verifyOtp(l2.value.pendingId, wrong, OFFICE)).toMatchObject({ failure: { attemptsLeft: 2 } });
    expect(auth.verifyOtp(l2.value.pendingId, wrong, OFFICE)).toMatchObject({ failure: { attemptsLeft: 1 } });
    expect(auth.verifyOtp(l2.value.pendingId, wrong, OFFICE)).toMatchObject({
      failure: { code: 'OTP_WRONG', attemptsLeft: 0 },
    });
    expect(auth.verifyOtp(l2.value.pendingId, otp(), OFFICE)).toEqual({ ok: false, failure: { code: 'OTP_EXPIRED' } });
  });

  it('locks after 5 failures of either kind for 15 minutes, then accepts the right password', () => {
    const { auth, otp, advance } = setup();
    for (let i = 0; i < 3; i++)
      expect(auth.login(cm.staffId, 'nope', OFFICE)).toMatchObject({ failure: { code: 'LOGIN_FAILED' } });
    const l = auth.login(cm.staffId, cm.password, OFFICE);
    if (!l.ok) throw new Error();
    expect(auth.verifyOtp(l.value.pendingId, wrongOf(otp()), OFFICE)).toMatchObject({ failure: { code: 'OTP_WRONG' } });
    const locked = auth.verifyOtp(l.value.pendingId, wrongOf(otp()), OFFICE);
    expect(locked).toEqual({ ok: false, failure: { code: 'LOCKED', lockedUntil: '2026-11-26T00:15:00.000Z' } });
    expect(auth.login(cm.staffId, cm.password, OFFICE)).toMatchObject({ failure: { code: 'LOCKED' } });
    advance(15 * MIN);
    expect(auth.login(cm.staffId, cm.password, OFFICE).ok).toBe(true);
  });

  it('sends the code to the mailbox of that staff member only, and never leaks it in the login answer', () => {
    const { auth, mailbox } = setup();
    const l = auth.login(cm.staffId, cm.password, OFFICE);
    expect(JSON.stringify(l)).not.toContain(mailbox.latestFor(cm.staffId)!.code);
    expect(mailbox.messagesFor('admin-renshu01')).toEqual([]);
    expect(mailbox.latestFor(cm.staffId)!.body).toContain('練習モード');
  });
});
