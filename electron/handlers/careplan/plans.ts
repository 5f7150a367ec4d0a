import type { CarePlanMonthView } from '../../contract';
import { checkSeventhFile, compareMonth, seventhRowKind } from '../../services/careplan';
import { KaigoError } from '../../services/errors';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../group';
import { preventionDocuments, preventionPersons } from './prevention-view';
import type { CarePlanState } from './state';

// The plans held, as the screens lay them out: the months list, one person's month (第6・7表 with 予定 vs 実績 and the
// 第7表 findings) and the 第1–3表 per 計画作成日, with the 介護予防 documents (./prevention-view.ts).

export function planHandlers(
  ctx: AppContext,
  state: CarePlanState,
): HandlerGroup<'careplan.months' | 'careplan.month' | 'careplan.plans'> {
  return {
    'careplan.months': () => {
      ctx.requireStaff();
      const { book } = state.book();
      return {
        preventionPersons: preventionPersons(book),
        months: book.allMonths().map((m) => ({
          insurer: m.person.insurer,
          insured: m.person.insured,
          month: m.month,
          name: m.supplement?.value.name ?? '',
          planItems: m.plan?.value.items.length ?? 0,
          seventhRows: m.seventh?.value.rows.length ?? 0,
          actualProviders: m.actuals.size,
          differences: m.actuals.size > 0 ? compareMonth(m).filter((c) => c.status !== 'match').length : 0,
        })),
      };
    },
    'careplan.month': ({ insurer, insured, month }) => {
      ctx.requireStaff();
      const m = state.book().book.month({ insurer, insured }, month);
      if (!m || (!m.plan && m.actuals.size === 0)) throw new KaigoError('CAREPLAN_NOT_FOUND');
      const plan = m.plan?.value;
      const seventh = m.seventh?.value;
      const sup = m.supplement?.value;
      const view: CarePlanMonthView = {
        insurer,
        insured,
        month,
        name: sup?.name ?? '',
        careLevel: sup?.careLevel ?? '',
        benefitLimit: sup?.benefitLimit ?? null,
        planStaffName: plan?.planStaffName ?? '',
        plan: (plan?.items ?? []).map((i) => ({
          serviceDate: i.serviceDate,
          start: i.start,
          end: i.end,
          count: i.count,
          units: i.units,
          serviceCode: i.serviceCode,
          provider: i.provider,
          providerName: i.providerName,
        })),
        seventh: (seventh?.rows ?? []).map((r) => ({
          kind: seventhRowKind(r.serviceCode),
          officeName: r.officeName,
          office: r.office,
          serviceCode: r.serviceCode,
          units: r.units,
          count: r.count,
          managedUnits: r.managedUnits,
          overLimit: r.overLimit,
          withinLimit: r.withinLimit,
          unitPrice: r.unitPrice,
          totalCost: r.totalCost,
          claimAmount: r.claimAmount,
          copay: r.copay,
        })),
        comparison: compareMonth(m),
        findings: seventh
          ? checkSeventhFile('第7表', [seventh], sup ? [sup] : []).map((i) => ({
              severity: i.severity,
              rule: i.rule,
              message: i.message,
            }))
          : [],
      };
      return view;
    },
    'careplan.plans': ({ insurer, insured }) => {
      ctx.requireStaff();
      const { book, files } = state.book();
      const plans = book
        .allPlans()
        .filter((p) => p.person.insurer === insurer && p.person.insured === insured)
        .filter((p) => p.first || p.second || p.third)
        .sort((a, b) => b.planDate.localeCompare(a.planDate));
      return {
        ...preventionDocuments({ insurer, insured }, book, files),
        plans: plans.map((p) => {
          const f = p.first?.value;
          return {
            planDate: p.planDate,
            first: f
              ? {
                  createdOn: f.createdOn,
                  plannerName: f.plannerName,
                  supportOfficeName: f.supportOfficeName,
                  planCategory: f.planCategory,
                  careLevel: f.careLevel,
                  validFrom: f.validFrom,
                  validTo: f.validTo,
                  wishesAndAnalysis: f.wishesAndAnalysis,
                  boardOpinion: f.boardOpinion,
                  overallPolicy: f.overallPolicy,
                }
              : null,
            second: (p.second?.value.rows ?? []).map((r) => ({
              issue: r.issue,
              longGoal: r.longGoal,
              longPeriod: r.longPeriod,
              shortGoal: r.shortGoal,
              shortPeriod: r.shortPeriod,
              serviceContent: r.serviceContent,
              insuranceCovered: r.insuranceCovered,
              serviceType: r.serviceType,
              providerName: r.providerName,
              frequency: r.frequency,
              period: r.period,
            })),
            third: (p.third?.value.rows ?? []).map((r) => ({
              weekday: r.weekday,
              start: r.start,
              end: r.end,
              serviceContent: r.serviceContent,
              dailyActivity: r.dailyActivity,
              nonWeeklyServices: r.nonWeeklyServices,
            })),
          };
        }),
      };
    },
  };
}
