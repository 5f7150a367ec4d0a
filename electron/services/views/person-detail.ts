import type { SqliteDb } from '../../../native/sqlite';
import type { CachedItem, EligibilityResult, PersonDetail } from '../../contract/persons';
import { toJapanTime } from '../../contract/time';
import { personsRepository, snapshotRepository, SNAPSHOT_KINDS, type Snapshot } from '../cache';
import { freshness } from '../deadlines';
import { eligibilityView, type EligibilityInput, type Warning } from '../eligibility';
import { KaigoError } from '../errors';

// The person screen's read model, built from the cache alone so it works the same online and offline: every item
// with its source, last confirmation and freshness (UX.md rule 10), and the eligibility state at a glance
// (UX.md rule 7) computed from the latest snapshots.

const WARNING_TEXT: Record<Warning['code'], (w: Warning) => string> = {
  'certification-ending': (w) =>
    `認定有効期間の終了まであと${(w as { daysLeft: number }).daysLeft}日です。更新申請を案内してください。`,
  'burden-ratio-ending': (w) =>
    `負担割合証の適用期間の終了まであと${(w as { daysLeft: number }).daysLeft}日です。新しい証を確認してください。`,
  'benefit-limit-differs': (w) => {
    const d = w as { printed: number; official: number };
    return `証の区分支給限度基準額（${d.printed}単位）が国の基準（${d.official}単位）と異なります。保険者の設定を確認してください（書き換えはしません）。`;
  },
};

export function toEligibilityResult(input: EligibilityInput): EligibilityResult {
  const view = eligibilityView(input);
  return {
    state: view.state,
    label: view.text.label,
    action: view.text.action,
    documents: view.text.documents,
    warnings: view.warnings.map((w) => ({ code: w.code, message: WARNING_TEXT[w.code](w) })),
    recheckInDays: view.recheckInDays,
  };
}

export function personDetail(
  cache: SqliteDb,
  personKey: string,
  now: Date,
  freshnessHours: number,
  answer: EligibilityInput['answer'] = 'found',
): PersonDetail {
  const person = personsRepository(() => cache).get(personKey);
  if (!person) throw new KaigoError('PERSON_NOT_CACHED');
  const snapshots = snapshotRepository(cache);
  const latest = Object.fromEntries(SNAPSHOT_KINDS.map((k) => [k, snapshots.latest(personKey, k)])) as {
    [K in (typeof SNAPSHOT_KINDS)[number]]: Snapshot<K> | null;
  };
  const items: CachedItem[] = SNAPSHOT_KINDS.flatMap((kind) => {
    const s = latest[kind];
    if (!s) return [];
    return [
      {
        kind,
        source: s.source,
        confirmedAt: s.fetchedAt,
        validTo: s.validTo,
        freshness: freshness(
          { confirmedAt: new Date(s.fetchedAt), validTo: s.validTo, burdenRatio: kind === 'burden-ratio' },
          now,
          freshnessHours,
        ),
        body: s.body as Record<string, unknown>,
      },
    ];
  });
  return {
    person,
    items,
    eligibility: toEligibilityResult({
      answer,
      insuredCard: latest['insured-card']?.body ?? null,
      burdenRatio: latest['burden-ratio']?.body ?? null,
      certification: latest.certification?.body ?? null,
      cardCertificateNotAfter: null,
      today: toJapanTime(now),
    }),
  };
}

/** The detail for a person the service answered about without 証 data and who is not cached here. */
export function personDetailForState(answer: EligibilityInput['answer'], now: Date): Omit<PersonDetail, 'person'> {
  return {
    items: [],
    eligibility: toEligibilityResult({
      answer,
      insuredCard: null,
      burdenRatio: null,
      certification: null,
      cardCertificateNotAfter: null,
      today: toJapanTime(now),
    }),
  };
}
