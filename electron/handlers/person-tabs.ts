import type { ErrorCode } from '../contract/errors';
import { KaigoError } from '../services/errors';
import { cachedTab, refreshTab, type TabKind } from '../services/person-tabs';
import { isServed, mayViewCertificationDocuments, type Snapshot } from '../services/cache';
import type { AppContext } from './context';
import type { HandlerGroup } from './group';

// The 利用者 detail tabs (issue 6): asked online when logged in and the service answers, otherwise the cached answer
// with its 「最終確認」. The service's viewing rules (DOMAIN.md §2.1) come back as their own codes and are shown as the
// tab's reason; a refusal never falls back to the cache.

/** Failures that mean "the service could not be asked now" (not a refusal): show the cached answer instead. */
const UNREACHABLE = new Set<ErrorCode>([
  'SESSION_UNREACHABLE',
  'SESSION_TIMEOUT',
  'SESSION_TLS_FAILED',
  'SESSION_BAD_RESPONSE',
  'SESSION_EXPIRED',
]);

const AUDIT_TAB: Record<TabKind, string> = {
  progress: 'PROGRESS',
  allowances: 'ALLOWANCES',
  'certification-documents': 'DOCUMENTS',
};

type PersonTabCalls = 'persons.progress' | 'persons.allowances' | 'persons.documents' | 'persons.printed';

export function personTabHandlers(ctx: AppContext): HandlerGroup<PersonTabCalls> {
  const load = async <K extends TabKind>(kind: K, personKey: string) => {
    const staff = ctx.requireStaff();
    const online = ctx.openedSession()?.state().phase === 'logged-in';
    let snapshot: Snapshot<K> | null = null;
    let fromCache = false;
    if (online) {
      try {
        const client = await ctx.kiban();
        const options = { cache: ctx.store().cache(), client, source: sourceOf(ctx), clock: ctx.clock };
        snapshot = await ctx.observed(() => refreshTab(options, kind, personKey));
      } catch (err) {
        if (!(err instanceof KaigoError) || !UNREACHABLE.has(err.code)) throw err;
      }
    }
    if (!snapshot) {
      // Without the service the app applies its viewing rules itself (DOMAIN.md §2.1, cache/scope.ts): only persons
      // this office serves, and 認定調査票・主治医意見書 only for a care manager.
      const cache = ctx.store().cache();
      if (!isServed(cache, staff.officeNumber, personKey)) throw new KaigoError('KIBAN_NOT_SERVED', 'offline');
      if (kind === 'certification-documents' && !mayViewCertificationDocuments(staff.jobType)) {
        throw new KaigoError('KIBAN_FORBIDDEN_FOR_JOB', 'offline');
      }
      snapshot = cachedTab(cache, kind, personKey);
      if (!snapshot) throw new KaigoError('PERSON_TAB_NOT_CACHED');
      fromCache = true;
    }
    ctx.audit().record({
      staffId: staff.staffId,
      action: 'view',
      subject: { kind: 'person', value: personKey },
      detail: { tab: AUDIT_TAB[kind], cached: fromCache },
    });
    return {
      shown: { confirmedAt: snapshot.fetchedAt, source: snapshot.source, fromCache },
      body: snapshot.body,
    };
  };

  return {
    'persons.progress': async ({ personKey }) => {
      const { shown, body } = await load('progress', personKey);
      return { ...shown, application: body.application };
    },
    'persons.allowances': async ({ personKey }) => {
      const { shown, body } = await load('allowances', personKey);
      return { ...shown, ...body };
    },
    'persons.documents': async ({ personKey }) => {
      const { shown, body } = await load('certification-documents', personKey);
      return { ...shown, ...body };
    },
    'persons.printed': ({ personKey }) => {
      const staff = ctx.requireStaff();
      const printedAt = ctx.clock().toISOString();
      ctx.audit().record({ staffId: staff.staffId, action: 'print', subject: { kind: 'person', value: personKey } });
      return { printedBy: staff.staffId, printedAt };
    },
  };
}

const sourceOf = (ctx: AppContext) => (ctx.runtime.mode === 'training' ? ('training' as const) : ('api' as const));
