import { serviceTypeName, type OfficeList } from '../contract';
import type { AppContext } from './context';
import type { HandlerGroup } from './group';

// 事業所の切り替え (issue 5 item 1): a PC serving two offices (居宅 + 訪問介護 併設). Switching office = logout + a new
// session whose TLS presents that office's client certificate; the choice is remembered for this OS user.

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

export function officeHandlers(ctx: AppContext): HandlerGroup<'office.list' | 'office.select'> {
  return {
    'office.list': () => officeList(ctx),
    'office.select': async ({ officeNumber }) => {
      const before = ctx.offices.active()?.officeNumber ?? null;
      ctx.offices.select(officeNumber);
      if (before !== officeNumber) {
        // Whoever was logged in worked for the other office: log out, and reconnect with this office's certificate.
        ctx.idleLock.stop();
        ctx.offlineGrant = null;
        await ctx.openedSession()?.logout();
        await ctx.resetSession();
        ctx.log.info('office.selected', { offices: ctx.offices.profiles().length });
      }
      return officeList(ctx);
    },
  };
}
