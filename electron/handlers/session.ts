import type { IdleState, SessionView } from '../contract';
import type { PreparedVerifier } from '../services/session';
import { KaigoError } from '../services/errors';
import type { HandlerGroup } from './group';
import type { AppContext } from './context';

// Staff login (DOMAIN.md §3.2), the offline unlock and the idle lock (DESIGN.md §4).

export function sessionView(ctx: AppContext): SessionView {
  const state = ctx.openedSession()?.state();
  const grant = ctx.offlineGrant;
  const offlineNow = grant && state?.phase !== 'logged-in' ? grant : null;
  return {
    phase: offlineNow ? 'offline-read-only' : (state?.phase ?? 'logged-out'),
    staff: offlineNow ? offlineNow.staff : (state?.tokens?.staff ?? null),
    otpSentTo: state?.otpSentTo ?? null,
    otpExpiresAt: state?.otpExpiresAt ?? null,
    loginExpiresAt: offlineNow ? offlineNow.validUntil : (state?.tokens?.refreshExpiresAt ?? null),
  };
}

/** Who the idle lock holds the screen for: the online login, else the offline unlock. */
function currentStaff(ctx: AppContext) {
  const view = sessionView(ctx);
  return view.phase === 'logged-in' || view.phase === 'offline-read-only' ? view.staff : null;
}

export function idleState(ctx: AppContext): IdleState {
  return {
    locked: ctx.idleLock.isLocked(),
    staffId: currentStaff(ctx)?.staffId ?? null,
    idleMinutes: ctx.idleLock.idleMinutes,
  };
}

type SessionCalls =
  | 'session.state'
  | 'session.login'
  | 'session.submitOtp'
  | 'session.unlockOffline'
  | 'session.logout'
  | 'session.activity'
  | 'session.lock'
  | 'session.resume';

export function sessionHandlers(ctx: AppContext): HandlerGroup<SessionCalls> {
  // Prepared from the password at login, sealed once the one-time code proves the login (then the password is gone).
  let pendingVerifier: PreparedVerifier | null = null;
  return {
    'session.state': () => sessionView(ctx),
    'session.login': async ({ staffId, password }) => {
      const s = await ctx.session();
      await ctx.observed(() => s.login(staffId, password));
      pendingVerifier = ctx.withVault(() => ctx.offlineUnlock().prepareVerifier(password));
      return sessionView(ctx);
    },
    'session.submitOtp': async ({ code }) => {
      const s = await ctx.session();
      const tokens = await ctx.observed(() => s.submitOtp(code));
      ctx.offlineGrant = null;
      const verifier = pendingVerifier;
      pendingVerifier = null;
      ctx.withVault(() => {
        if (verifier) ctx.offlineUnlock().recordOnlineLogin(tokens.staff, verifier);
        ctx.audit().record({ staffId: tokens.staff.staffId, action: 'login' });
      });
      ctx.idleLock.start();
      return sessionView(ctx);
    },
    'session.unlockOffline': ({ staffId, password }) => {
      // Only while the service cannot be reached (DESIGN.md §4); otherwise staff log in online.
      if (!ctx.connectivity.receptionShouldQueue()) throw new KaigoError('SESSION_ONLINE_AVAILABLE');
      ctx.offlineGrant = ctx.offlineUnlock().unlock(staffId, password);
      ctx.idleLock.start();
      return sessionView(ctx);
    },
    'session.logout': async () => {
      // 「別の職員でログイン」 on the lock screen is this call: switching staff = logout + login (DESIGN.md §4).
      ctx.idleLock.stop();
      ctx.offlineGrant = null;
      await ctx.openedSession()?.logout();
      return sessionView(ctx);
    },
    // The window reports keyboard/mouse input (active) or just asks (polling); the main process decides.
    'session.activity': ({ active }) => {
      if (active) ctx.idleLock.touch();
      return idleState(ctx);
    },
    'session.lock': () => {
      ctx.idleLock.lock();
      return idleState(ctx);
    },
    // Only the staff member who was using the app resumes, with the password checked against the offline verifier
    // sealed at their last online login; every attempt is audited (OfflineUnlock). Anyone else logs out and in.
    'session.resume': ({ password }) => {
      const staff = currentStaff(ctx);
      if (!staff) throw new KaigoError('SESSION_LOGIN_REQUIRED');
      if (!ctx.idleLock.isLocked()) return idleState(ctx);
      try {
        ctx.offlineUnlock().resume(staff, staff.staffId, password);
      } catch (err) {
        if (err instanceof KaigoError && err.code === 'SESSION_OFFLINE_REFUSED') {
          throw new KaigoError('SESSION_RESUME_REFUSED');
        }
        throw err;
      }
      ctx.idleLock.reopen();
      return idleState(ctx);
    },
  };
}
