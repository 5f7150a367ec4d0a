import { personKeyOf } from '../cache';
import type { MonthState } from '../careplan';

// The seam for 第6表 (サービス利用票) 予定: today's planned visits. The app builds the source from the care-plan book
// (every sent or imported file of the ledger, applied in ファイル連番 order, kept built between calls by
// handlers/careplan/book-cache.ts); a source only answers this one question.

export interface PlannedVisit {
  personKey: string;
  /** "09:30" when the plan states a time, else null. */
  time: string | null;
}

export interface PlannedVisitSource {
  /** Visits planned on `date` (ISO Japan date) at `officeNumber`. */
  plannedOn(officeNumber: string, date: string): PlannedVisit[];
}

export const noPlannedVisits: PlannedVisitSource = { plannedOn: () => [] };

/** "0930" → "09:30"; 9999 (no time stated, DOMAIN.md §4.7 第6表 column 12) or anything malformed → null. */
function clockTime(hhmm: string): string | null {
  const m = /^([01]\d|2[0-3])([0-5]\d)$/.exec(hhmm);
  return m ? `${m[1]}:${m[2]}` : null;
}

/**
 * Today's visitors from the 第6表 予定 held in the care-plan book: a person is planned at an office when a plan item
 * on that date names the office as サービス事業者 (a service office's own visits) or when the office made the plan
 * (プラン担当業者, a 居宅介護支援事業所 sees its persons served today). One visit per person, at the earliest stated
 * time. `months` is asked on every call (the cached book catches up with new ledger files), so newly imported plans
 * show at once.
 */
export function carePlanVisits(months: () => readonly MonthState[]): PlannedVisitSource {
  return {
    plannedOn(officeNumber, date) {
      const day = date.replaceAll('-', '');
      const month = day.slice(0, 6);
      const visits = new Map<string, PlannedVisit>();
      for (const m of months()) {
        const plan = m.plan?.value;
        if (m.month !== month || !plan) continue;
        const ownPlan = plan.planOffice === officeNumber;
        for (const item of plan.items) {
          if (item.serviceDate !== day || (!ownPlan && item.provider !== officeNumber)) continue;
          const personKey = personKeyOf(m.person.insurer, m.person.insured);
          const time = clockTime(item.start);
          const held = visits.get(personKey);
          if (!held || (time !== null && (held.time === null || time < held.time)))
            visits.set(personKey, { personKey, time });
        }
      }
      return [...visits.values()].sort((a, b) => (a.time ?? '99:99').localeCompare(b.time ?? '99:99'));
    },
  };
}
