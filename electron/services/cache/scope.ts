// Which cached items a staff member may see (DOMAIN.md §2.1): the 証 items (被保険者証, 負担割合証, 負担限度額認定証,
// 認定状況) for every job type of an office that serves the person; 認定情報 (認定調査票・主治医意見書) only for a
// care manager. Offline the service cannot enforce this, so the app does (DESIGN.md §4 "also offline").
// The 認定調査票・主治医意見書 summary is cached as its own kind for the person tabs (issue 6), whose handler refuses it
// to other job types offline with mayViewCertificationDocuments(); the person detail filters its items through the
// allowlist below, so no other path shows it to them either.

/** Item kinds every job type of a serving office may view. */
const SHARED_KINDS: ReadonlySet<string> = new Set(['insured-card', 'burden-ratio', 'burden-limit', 'certification']);

export function mayViewCertificationDocuments(jobType: string): boolean {
  return jobType === 'care-manager';
}

/** The items this staff member may see: shared 証 items always, anything else only for a care manager. */
export function visibleItems<T extends { kind: string }>(items: readonly T[], staff: { jobType: string }): T[] {
  if (mayViewCertificationDocuments(staff.jobType)) return [...items];
  return items.filter((item) => SHARED_KINDS.has(item.kind));
}
