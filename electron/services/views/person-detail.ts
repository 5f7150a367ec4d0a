import type { SqliteDb } from '../../../native/sqlite';
import type { CachedItem, EligibilityResult, PersonDetail, PersonSummary } from '../../contract/persons';
import { toJapanTime } from '../../contract/time';
import { personsRepository, snapshotRepository, type Snapshot, type SnapshotBodies } from '../cache';
import { freshness } from '../deadlines';
import { eligibilityView, type EligibilityInput, type Warning } from '../eligibility';
import { KaigoError } from '../errors';
import type { PaperEntry, PaperRecords } from '../paper';

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

/** The 証 kinds the person view lists (the tabs' kinds — progress, allowances, documents — have their own calls). */
const ITEM_KINDS = ['insured-card', 'burden-ratio', 'burden-limit', 'certification'] as const;
type ItemKind = (typeof ITEM_KINDS)[number];

type Latest = {
  [K in ItemKind]: {
    source: CachedItem['source'];
    confirmedAt: string;
    validTo: string | null;
    body: SnapshotBodies[K];
  } | null;
};

/** Per kind, the most recent confirmation wins, online or on paper (UX.md rule 10: the item says which). */
function newestPerKind(snapshots: { [K in ItemKind]: Snapshot<K> | null }, paper: readonly PaperEntry[]): Latest {
  const latest = {} as Record<ItemKind, Latest[ItemKind]>;
  for (const kind of ITEM_KINDS) {
    const s = snapshots[kind];
    latest[kind] = s
      ? ({ source: s.source, confirmedAt: s.fetchedAt, validTo: s.validTo, body: s.body } as Latest[ItemKind])
      : null;
  }
  for (const entry of paper) {
    const current = latest[entry.kind];
    if (!current || current.confirmedAt < entry.enteredAt) {
      latest[entry.kind] = {
        source: entry.source,
        confirmedAt: entry.enteredAt,
        validTo: entry.validTo,
        body: entry.body,
      } as Latest[ItemKind];
    }
  }
  return latest as Latest;
}

/** A person known only from a paper 被保険者証 (not fetched online yet): the summary comes from the paper. */
function personFromPaper(personKey: string, paper: readonly PaperEntry[]): PersonSummary | null {
  const card = paper.find((e): e is PaperEntry<'insured-card'> => e.kind === 'insured-card')?.body;
  const [insurerNumber, insuredNumber] = personKey.split('-') as [string, string];
  if (paper.length === 0) return null;
  return {
    personKey,
    insurerNumber,
    insuredNumber,
    name: card?.name ?? '',
    nameKana: card?.nameKana ?? '',
    birthDate: card?.birthDate ?? null,
    sex: card?.sex ?? null,
  };
}

export function personDetail(
  cache: SqliteDb,
  personKey: string,
  now: Date,
  freshnessHours: number,
  answer: EligibilityInput['answer'] = 'found',
  /** Hand-entered paper 証 (records database); without it only online data is shown. */
  paper: Pick<PaperRecords, 'list'> | null = null,
): PersonDetail {
  const paperEntries = paper ? paper.list(personKey) : [];
  const person = personsRepository(() => cache).get(personKey) ?? personFromPaper(personKey, paperEntries);
  if (!person) throw new KaigoError('PERSON_NOT_CACHED');
  const snapshots = snapshotRepository(cache);
  const online = Object.fromEntries(ITEM_KINDS.map((k) => [k, snapshots.latest(personKey, k)])) as {
    [K in ItemKind]: Snapshot<K> | null;
  };
  const latest = newestPerKind(online, paperEntries);
  const items: CachedItem[] = ITEM_KINDS.flatMap((kind) => {
    const s = latest[kind];
    if (!s) return [];
    return [
      {
        kind,
        source: s.source,
        confirmedAt: s.confirmedAt,
        validTo: s.validTo,
        freshness: freshness(
          { confirmedAt: new Date(s.confirmedAt), validTo: s.validTo, burdenRatio: kind === 'burden-ratio' },
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
