import type { PersonDetail } from '../contract';
import { searchPersons } from '../services/cache';
import { KaigoError } from '../services/errors';
import type { KibanClient } from '../services/kiban';
import { deadlineRows, personDetail, personDetailForState } from '../services/views';
import type { AppContext } from './context';
import type { HandlerGroup } from './group';

// Cached persons (search, detail, the deadlines tracker) and fresh fetches from the service.

/** Fetches a person's eligibility and answers with the cached detail, or the state alone when no 証 data came back. */
export async function detailAfterFetch(ctx: AppContext, client: KibanClient, personKey: string): Promise<PersonDetail> {
  const answer = await ctx.observed(() => client.fetchEligibility(personKey));
  const cache = ctx.store().cache();
  if (answer.status === 'found') return personDetail(cache, personKey, ctx.clock(), ctx.freshnessHours);
  // 反映待ち, 資格無効, 保険者未接続: the state, with whatever is cached.
  try {
    return personDetail(cache, personKey, ctx.clock(), ctx.freshnessHours, answer.status);
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
    'persons.search': ({ query, offset, limit }) => {
      const staff = ctx.requireStaff();
      const result = searchPersons(ctx.store().cache(), query, { offset, limit });
      ctx.audit().record({ staffId: staff.staffId, action: 'view', detail: { results: result.rows.length } });
      return result;
    },
    'persons.get': ({ personKey }) => {
      const staff = ctx.requireStaff();
      const detail = personDetail(ctx.store().cache(), personKey, ctx.clock(), ctx.freshnessHours);
      ctx.audit().record({ staffId: staff.staffId, action: 'view', subject: { kind: 'person', value: personKey } });
      return detail;
    },
    'eligibility.fetch': async ({ personKey }) => {
      const staff = ctx.requireOnlineStaff();
      const detail = await detailAfterFetch(ctx, await ctx.kiban(), personKey);
      ctx.audit().record({ staffId: staff.staffId, action: 'view', subject: { kind: 'person', value: personKey } });
      return detail;
    },
    'deadlines.list': () => {
      ctx.requireStaff();
      return deadlineRows(ctx.store().cache(), ctx.clock(), null);
    },
  };
}
