import type { PersonDetail } from '../contract';
import { isoDate, toJapanTime } from '../contract';
import {
  createPurgeSchedule,
  isServed,
  markServed,
  personsRepository,
  purgePastViewingDeadline,
  replaceServedList,
  searchPersons,
  unservePerson,
  visibleItems,
  type PurgeCounts,
  type PurgeSchedule,
} from '../services/cache';
import { KaigoError } from '../services/errors';
import type { KibanClient } from '../services/kiban';
import type { Staff } from '../services/session';
import { deadlineRows, personDetail, personDetailForState } from '../services/views';
import type { AppContext } from './context';
import type { HandlerGroup } from './group';
import { paperOf } from './paper';

// Cached persons (search, detail, the deadlines tracker) and fresh fetches from the service. Every cached read is
// limited to the logged-in office's viewing scope (cache/served.ts) and drops items the job type may not see
// (cache/scope.ts), online and offline alike; the scheduled purge runs once before the first cached read.

const purges = new WeakMap<AppContext, PurgeSchedule>();

const total = (...counts: PurgeCounts[]) =>
  counts.reduce((a, c) => ({ snapshots: a.snapshots + c.snapshots, persons: a.persons + c.persons }), {
    snapshots: 0,
    persons: 0,
  });

/** Records a purge in the audit log: counts only, never who (DESIGN.md §4). */
function auditPurge(ctx: AppContext, trigger: string, counts: PurgeCounts, servedListRefreshed: boolean) {
  ctx.audit().record({
    staffId: 'system',
    action: 'purge',
    detail: { trigger, snapshots: counts.snapshots, persons: counts.persons, servedListRefreshed },
  });
}

/** Past-deadline data goes everywhere; with an online login, the served list also drops persons no longer served. */
async function runPurge(ctx: AppContext, trigger: 'START' | 'SCHEDULE'): Promise<void> {
  if (ctx.runtime.mode === 'misconfigured') return;
  const cache = ctx.store().cache();
  const expired = purgePastViewingDeadline(cache, isoDate(toJapanTime(ctx.clock())));
  let unserved: PurgeCounts = { snapshots: 0, persons: 0 };
  let refreshed = false;
  if (trigger === 'SCHEDULE' && ctx.openedSession()?.state().phase === 'logged-in') {
    const staff = ctx.requireOnlineStaff();
    const client = await ctx.kiban();
    const served = await ctx.observed(() => client.fetchServed());
    unserved = replaceServedList(cache, staff.officeNumber, served);
    refreshed = true;
  }
  const counts = total(expired, unserved);
  if (trigger === 'START' || refreshed || counts.snapshots + counts.persons > 0) {
    auditPurge(ctx, trigger, counts, refreshed);
  }
  ctx.log.info('cache.purged', { trigger, snapshots: counts.snapshots, persons: counts.persons });
}

/** The app's purge schedule: at start (before the first cached read), then every few hours. */
export function cachePurge(ctx: AppContext): PurgeSchedule {
  let schedule = purges.get(ctx);
  if (!schedule) {
    schedule = createPurgeSchedule({
      atStart: () => runPurge(ctx, 'START'),
      onTick: () => runPurge(ctx, 'SCHEDULE'),
      timer: ctx.purgeTimer,
      onError: (err) => ctx.log.warn('cache.purge-failed', { code: err instanceof KaigoError ? err.code : 'INTERNAL' }),
    });
    purges.set(ctx, schedule);
    ctx.onClose(schedule.stop);
  }
  return schedule;
}

/** Staff allowed to read the cache, after the start-up purge has run. */
export async function cachedReader(ctx: AppContext): Promise<Staff> {
  const staff = ctx.requireStaff();
  await cachePurge(ctx).ensureStarted();
  return staff;
}

const forStaff = (detail: PersonDetail, staff: Staff): PersonDetail => ({
  ...detail,
  items: visibleItems(detail.items, staff),
});

/** The service refused the person to this office: the cache follows (DESIGN.md §4), audited as a purge. */
function followRefusal(ctx: AppContext, staff: Staff, personKey: string, err: unknown): void {
  if (!(err instanceof KaigoError)) return;
  const reason =
    err.code === 'KIBAN_CONSENT_WITHDRAWN'
      ? 'consent-withdrawn'
      : err.code === 'KIBAN_NOT_SERVED' || err.code === 'KIBAN_VIEWING_EXPIRED'
        ? 'not-served'
        : null;
  if (!reason) return;
  const counts = unservePerson(ctx.store().cache(), staff.officeNumber, personKey, reason);
  if (counts.snapshots + counts.persons > 0) auditPurge(ctx, 'REFUSAL', counts, false);
}

/** Fetches a person's eligibility and answers with the cached detail, or the state alone when no 証 data came back. */
export async function detailAfterFetch(ctx: AppContext, client: KibanClient, personKey: string): Promise<PersonDetail> {
  const staff = await cachedReader(ctx);
  const answer = await ctx
    .observed(() => client.fetchEligibility(personKey))
    .catch((err: unknown) => {
      followRefusal(ctx, staff, personKey, err);
      throw err;
    });
  const cache = ctx.store().cache();
  // The service answered this office about the person: it is in the office's viewing scope from now on.
  if (answer.status === 'found') {
    markServed(cache, staff.officeNumber, personKey, answer.viewingDeadline, ctx.clock());
    return forStaff(personDetail(cache, personKey, ctx.clock(), ctx.freshnessHours), staff);
  }
  // 反映待ち, 資格無効, 保険者未接続: the state, with whatever is cached.
  try {
    if (!isServed(cache, staff.officeNumber, personKey)) throw new KaigoError('PERSON_NOT_CACHED');
    return forStaff(personDetail(cache, personKey, ctx.clock(), ctx.freshnessHours, answer.status), staff);
  } catch (err) {
    if (!(err instanceof KaigoError) || err.code !== 'PERSON_NOT_CACHED') throw err;
    const [insurerNumber, insuredNumber] = personKey.split('-') as [string, string];
    const empty = { insurerNumber, insuredNumber, name: '', nameKana: '', birthDate: null, sex: null };
    return { ...personDetailForState(answer.status, ctx.clock()), person: { personKey, ...empty } };
  }
}

export function eligibilityHandlers(
  ctx: AppContext,
): HandlerGroup<'persons.search' | 'persons.get' | 'eligibility.fetch' | 'deadlines.list'> {
  return {
    'persons.search': async ({ query, offset, limit }) => {
      const staff = await cachedReader(ctx);
      const result = searchPersons(ctx.store().cache(), query, { offset, limit, servedBy: staff.officeNumber });
      ctx.audit().record({ staffId: staff.staffId, action: 'view', detail: { results: result.rows.length } });
      return result;
    },
    'persons.get': async ({ personKey }) => {
      const staff = await cachedReader(ctx);
      const cache = ctx.store().cache();
      if (!isServed(cache, staff.officeNumber, personKey)) {
        // Cached for another office (or before the scope existed): not this office's to view. Never cached: say so.
        const cached = personsRepository(() => cache).get(personKey) !== null;
        throw new KaigoError(cached ? 'KIBAN_NOT_SERVED' : 'PERSON_NOT_CACHED', 'out of scope');
      }
      // Paper 証 entered at the counter (records database) merge in, each item saying its source (UX.md rule 6).
      const paper = paperOf(ctx);
      const detail = forStaff(personDetail(cache, personKey, ctx.clock(), ctx.freshnessHours, 'found', paper), staff);
      ctx.audit().record({ staffId: staff.staffId, action: 'view', subject: { kind: 'person', value: personKey } });
      return detail;
    },
    'eligibility.fetch': async ({ personKey }) => {
      const staff = ctx.requireOnlineStaff();
      const detail = await detailAfterFetch(ctx, await ctx.kiban(), personKey);
      ctx.audit().record({ staffId: staff.staffId, action: 'view', subject: { kind: 'person', value: personKey } });
      return detail;
    },
    'deadlines.list': async () => {
      const staff = await cachedReader(ctx);
      return deadlineRows(ctx.store().cache(), ctx.clock(), null, { servedBy: staff.officeNumber });
    },
  };
}
