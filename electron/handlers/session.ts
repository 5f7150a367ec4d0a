import type { SessionView } from '../contract';
import type { PreparedVerifier } from '../services/session';
import { KaigoError } from '../services/errors';
import type { HandlerGroup } from './group';
import type { AppContext } from './context';

// Staff login (DOMAIN.md §3.2) and the offline unlock (DESIGN.md §4).

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

export function sessionHandlers(
  ctx: AppContext,
): HandlerGroup<'session.state' | 'session.login' | 'session.submitOtp' | 'session.unlockOffline' | 'session.logout'> {
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
      return sessionView(ctx);
    },
    'session.unlockOffline': ({ staffId, password }) => {
      // Only while the service cannot be reached (DESIGN.md §4); otherwise staff log in online.
      if (!ctx.connectivity.receptionShouldQueue()) throw new KaigoError('SESSION_ONLINE_AVAILABLE');
      ctx.offlineGrant = ctx.offlineUnlock().unlock(staffId, password);
      return sessionView(ctx);
    },
    'session.logout': async () => {
      ctx.offlineGrant = null;
      await ctx.openedSession()?.logout();
      return sessionView(ctx);
    },
  };
}
