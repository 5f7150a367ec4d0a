import type { HandlerGroup } from '../group';
import type { AppContext } from '../context';
import type { CarePlanState } from './state';

// The partner address book (UX.md rule 13): 事業所番号 + サービス種類 + name, and whether they exchange data.

export function partnerHandlers(
  ctx: AppContext,
  state: CarePlanState,
): HandlerGroup<'careplan.partners' | 'careplan.savePartner' | 'careplan.removePartner'> {
  return {
    'careplan.partners': () => {
      const staff = ctx.requireStaff();
      return state
        .partners(staff)
        .list()
        .map((p) => ({ id: p.id, office: p.office, service: p.service, name: p.name, exchangesData: p.exchangesData }));
    },
    'careplan.savePartner': (input) => {
      const staff = ctx.requireStaff();
      const p = state.partners(staff).save(input);
      return { id: p.id, office: p.office, service: p.service, name: p.name, exchangesData: p.exchangesData };
    },
    'careplan.removePartner': ({ id }) => {
      const staff = ctx.requireStaff();
      state.partners(staff).remove(id);
      return {};
    },
  };
}
