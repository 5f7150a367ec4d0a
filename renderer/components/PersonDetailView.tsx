import { useEffect, useState } from 'react';
import type { CachedItem, PaperEntryView, PersonDetail, PrintedOutput } from '../../electron/contract';
import { japanStamp } from '../../electron/contract';
import { call } from '../api';
import { useRecentPerson } from '../features/certification/recent-person';
import { PaperCheck } from '../features/paper/PaperCheck';
import { useStatus } from '../stores/status';
import { DateText, ItemFacts, KIND_LABEL, SOURCE_LABEL } from './ItemFacts';
import { PersonTabs, type PersonTabId } from './PersonTabs';
import { PrintSummary } from './PrintSummary';
import './person-detail.css';

// One person at a glance (UX.md rules 7, 8, 10): the state badge with its next action and documents, then every
// item with its source and 「最終確認」 — online or on paper — amber when stale and red when expired; the other tabs
// (申請進捗, 住宅改修・福祉用具, 認定調査票・主治医意見書) and a one-page printable summary.

/** States where the online path could not answer about the 証: paper is offered right there (UX.md rule 6). */
const OFFER_PAPER = new Set(['invalid', 'pending-data', 'insurer-not-live', 'expired']);

/** Paper entries the detail does not already show (when the detail was built from online data alone). */
function usePaperItems(personKey: string, items: CachedItem[]): CachedItem[] {
  const [entries, setEntries] = useState<{ key: string; list: PaperEntryView[] } | null>(null);
  useEffect(() => {
    let stale = false;
    void call('paper.list', { personKey }).then((r) => {
      if (!stale && r.ok) setEntries({ key: personKey, list: r.value });
    });
    return () => {
      stale = true;
    };
  }, [personKey, items]);
  if (entries?.key !== personKey) return [];
  const shown = new Set(items.map((i) => `${i.kind}|${i.source}|${i.confirmedAt}`));
  // Newest paper entry per kind, as the online items are the newest per kind.
  const newest = new Map<string, PaperEntryView>();
  for (const e of entries.list) if (!newest.has(e.kind)) newest.set(e.kind, e);
  return [...newest.values()]
    .filter((e) => !shown.has(`${e.kind}|${e.source}|${e.enteredAt}`))
    .map((e) => ({
      kind: e.kind,
      source: e.source,
      confirmedAt: e.enteredAt,
      validTo: e.validTo,
      freshness: e.freshness,
      body: e.body,
    }));
}

function ItemSection({ item }: { item: CachedItem }) {
  const onPaper = item.source === 'paper' || item.source === 'declaration';
  return (
    <section
      className={`item freshness-${item.freshness.level}${onPaper ? ' source-paper' : ''}`}
      aria-label={onPaper ? `${KIND_LABEL[item.kind]}（${SOURCE_LABEL[item.source]}）` : KIND_LABEL[item.kind]}
    >
      <h3>
        {KIND_LABEL[item.kind]}
        {onPaper && `（${SOURCE_LABEL[item.source]}）`}
      </h3>
      <ItemFacts body={item.body} />
      <p className="confirmed">
        最終確認: {japanStamp(new Date(item.confirmedAt))}（{SOURCE_LABEL[item.source]}）
        {item.freshness.level === 'stale' && ' — 情報が古くなっています。再確認してください。'}
        {item.freshness.level === 'expired' && ' — 有効期限を過ぎています。'}
      </p>
    </section>
  );
}

export function PersonDetailView({ detail }: { detail: PersonDetail }) {
  const { person, eligibility, items } = detail;
  const unmappable = person.name.includes('●');
  const paperItems = usePaperItems(person.personKey, items);
  const allItems = [...items, ...paperItems];
  const [tab, setTab] = useState<PersonTabId>('eligibility');
  // Keyed by person: a summary printed for one person never shows under another.
  const [printedFor, setPrinted] = useState<{ key: string; value: PrintedOutput } | null>(null);
  const printed = printedFor?.key === person.personKey ? printedFor.value : null;
  const training = useStatus((s) => s.status?.mode === 'training');
  const remember = useRecentPerson((s) => s.remember);
  useEffect(() => remember(person.personKey), [remember, person.personKey]);

  const print = async () => {
    // Printing is audited first; the footer shows the answer (who, when), then the print dialog opens.
    const result = await call('persons.printed', { personKey: person.personKey });
    if (!result.ok) return;
    setPrinted({ key: person.personKey, value: result.value });
    requestAnimationFrame(() => window.print());
  };

  const eligibilityPanel = (
    <>
      <section
        className={`eligibility state-${eligibility.state}`}
        aria-label="資格の状態"
        data-state={eligibility.state}
      >
        <p className="badge">{eligibility.label}</p>
        <p>{eligibility.action}</p>
        {eligibility.documents.length > 0 && <p>確認する書類: {eligibility.documents.join('、')}</p>}
        {eligibility.recheckInDays !== null && <p>{eligibility.recheckInDays}日後に再確認してください。</p>}
        {eligibility.warnings.length > 0 && (
          <ul className="warnings">
            {eligibility.warnings.map((w) => (
              <li key={w.code}>{w.message}</li>
            ))}
          </ul>
        )}
      </section>
      {OFFER_PAPER.has(eligibility.state) && (
        <PaperCheck initial={{ insurerNumber: person.insurerNumber, insuredNumber: person.insuredNumber }} />
      )}
      {allItems.map((item) => (
        <ItemSection key={`${item.kind}-${item.source}-${item.confirmedAt}`} item={item} />
      ))}
    </>
  );

  return (
    <article className="person-detail" aria-labelledby="person-name">
      <header>
        <h2 id="person-name">
          {person.name || '（氏名の情報なし）'}
          {person.nameKana && <span className="kana">（{person.nameKana}）</span>}
        </h2>
        {unmappable && (
          <p className="note" role="note">
            ●は国のデータで表示できない文字です。カナ氏名と被保険者番号で本人を確認してください。
          </p>
        )}
        <p className="ids">
          <span>保険者番号 {person.insurerNumber}</span>
          <span>被保険者番号 {person.insuredNumber}</span>
          {person.birthDate && (
            <span>
              生年月日 <DateText iso={person.birthDate} />
            </span>
          )}
        </p>
        <button type="button" className="secondary no-print" onClick={() => void print()}>
          要約を印刷
        </button>
      </header>
      <PersonTabs personKey={person.personKey} active={tab} onChange={setTab} eligibility={eligibilityPanel} />
      {printed && <PrintSummary detail={detail} items={allItems} printed={printed} training={training} />}
    </article>
  );
}
