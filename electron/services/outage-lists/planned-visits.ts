// The seam for 第6表 (サービス利用票別表) 予定: today's planned visits come from the care-plan store, which engineer G is
// building. Until it exists the app passes `noPlannedVisits`; a source only has to answer this one question.

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
