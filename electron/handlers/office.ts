import { serviceTypeName, type OfficeList } from '../contract';
import { KaigoError } from '../services/errors';
import type { AppContext } from './context';
import type { HandlerGroup } from './group';
import { sessionView } from './session';

// 事業所の切り替え (issue 5 item 1): a PC serving two offices (居宅 + 訪問介護 併設). Switching office = logout + a new
// session whose TLS presents that office's client certificate; the choice is remembered for this OS user.

/** Who switches before anyone logged in (the office selector is also on the login screen). */
const NOT_LOGGED_IN = 'not-logged-in';

/** The offices of this PC, each with whether it has a certificate and which one is active. */
export function officeList(ctx: AppContext): OfficeList {
  const active = ctx.offices.active()?.officeNumber ?? null;
  return {
    offices: ctx.offices.profiles().map((o) => ({
      officeNumber: o.officeNumber,
      serviceType: o.serviceType,
      serviceTypeName: serviceTypeName(o.serviceType),
      name: o.name,
      hasCertificate: ctx.offices.hasCertificate(o.officeNumber),
      active: o.officeNumber === active,
    })),
  };
}

/** The staff member using the app now (online login or offline unlock), whose work the switch ends. */
function currentStaffId(ctx: AppContext): string | null {
  const view = sessionView(ctx);
  return view.phase === 'logged-in' || view.phase === 'offline-read-only' ? (view.staff?.staffId ?? null) : null;
}

/**
 * An inspection must see who worked under which 事業所番号 when. The audit keeps no identifier in clear (entry.ts:
 * no digit runs in details; subjects are keyed hashes), so the office switched to is the row's subject and both
 * offices are also named by their position in this PC's office list (1-based; 0 = none was active).
 */
function auditSwitch(ctx: AppContext, staffId: string | null, from: string | null, to: string): void {
  const position = (officeNumber: string | null) =>
    ctx.offices.profiles().findIndex((o) => o.officeNumber === officeNumber) + 1;
  ctx.withVault(() =>
    ctx.audit().record({
      staffId: staffId ?? NOT_LOGGED_IN,
      action: 'config-change',
      subject: { kind: 'office', value: to },
      detail: {
        change: 'OFFICE-SWITCH',
        fromProfile: position(from),
        toProfile: position(to),
        endedLogin: staffId !== null,
      },
    }),
  );
}

export function officeHandlers(ctx: AppContext): HandlerGroup<'office.list' | 'office.select'> {
  return {
    'office.list': () => officeList(ctx),
    'office.select': async ({ officeNumber }) => {
      if (!ctx.offices.profiles().some((o) => o.officeNumber === officeNumber)) throw new KaigoError('OFFICE_UNKNOWN');
      const before = ctx.offices.active()?.officeNumber ?? null;
      if (before === officeNumber) {
        ctx.offices.select(officeNumber); // remembers the default as this user's choice
        return officeList(ctx);
      }
      // Audited before anything changes: a switch that cannot be recorded does not happen.
      auditSwitch(ctx, currentStaffId(ctx), before, officeNumber);
      ctx.offices.select(officeNumber);
      // Whoever was logged in worked for the other office: log out, and reconnect with this office's certificate.
      ctx.idleLock.stop();
      ctx.offlineGrant = null;
      await ctx.openedSession()?.logout();
      await ctx.resetSession();
      ctx.log.info('office.selected', { offices: ctx.offices.profiles().length });
      return officeList(ctx);
    },
  };
}
