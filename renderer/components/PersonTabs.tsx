import { useCallback, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { call } from '../api';
import { AllowancesPanel } from './AllowancesPanel';
import { DateText } from './ItemFacts';
import { ProgressTimeline } from './ProgressTimeline';
import { TabConfirmed } from './TabConfirmed';
import { TabRefusal } from './TabRefusal';
import { useTabData } from './useTabData';

// The 利用者 detail tabs (issue 6 §8): 資格・認定 | 申請進捗 | 住宅改修・福祉用具 | 認定調査票・主治医意見書. The last
// is always offered: when the viewing rules (DOMAIN.md §2.1) refuse it, the tab says why instead of disappearing.
// Keyboard: ←/→ (and Home/End) move between tabs, the panel follows (WAI-ARIA tabs pattern).

export const PERSON_TABS = [
  { id: 'eligibility', label: '資格・認定' },
  { id: 'progress', label: '申請進捗' },
  { id: 'allowances', label: '住宅改修・福祉用具' },
  { id: 'documents', label: '認定調査票・主治医意見書' },
] as const;
export type PersonTabId = (typeof PERSON_TABS)[number]['id'];

function Loading() {
  return (
    <p role="status" className="progress">
      読み込んでいます…
    </p>
  );
}

export function ProgressPanel({ personKey, active }: { personKey: string; active: boolean }) {
  const load = useCallback((key: string) => call('persons.progress', { personKey: key }), []);
  const { data, error, loading } = useTabData(active, personKey, load);
  if (loading) return <Loading />;
  if (error) return <TabRefusal error={error} />;
  if (!data) return null;
  return (
    <>
      <ProgressTimeline application={data.application} />
      <TabConfirmed at={data.confirmedAt} source={data.source} fromCache={data.fromCache} />
    </>
  );
}

function AllowancesTabPanel({ personKey, active }: { personKey: string; active: boolean }) {
  const load = useCallback((key: string) => call('persons.allowances', { personKey: key }), []);
  const { data, error, loading } = useTabData(active, personKey, load);
  if (loading) return <Loading />;
  if (error) return <TabRefusal error={error} />;
  if (!data) return null;
  return (
    <>
      <AllowancesPanel data={data} />
      <TabConfirmed at={data.confirmedAt} source={data.source} fromCache={data.fromCache} />
    </>
  );
}

function DocumentsTabPanel({ personKey, active }: { personKey: string; active: boolean }) {
  const load = useCallback((key: string) => call('persons.documents', { personKey: key }), []);
  const { data, error, loading } = useTabData(active, personKey, load);
  if (loading) return <Loading />;
  if (error) return <TabRefusal error={error} />;
  if (!data) return null;
  return (
    <>
      <dl className="facts">
        <dt>認定調査日</dt>
        <dd>
          <DateText iso={data.surveyDate} />
        </dd>
        <dt>主治医意見書の記載日</dt>
        <dd>
          <DateText iso={data.physicianOpinionDate} />
        </dd>
      </dl>
      <p>{data.summary}</p>
      <TabConfirmed at={data.confirmedAt} source={data.source} fromCache={data.fromCache} />
    </>
  );
}

export function PersonTabs({
  personKey,
  active,
  onChange,
  eligibility,
}: {
  personKey: string;
  active: PersonTabId;
  onChange: (id: PersonTabId) => void;
  /** The 資格・認定 panel's content (the 証 items). */
  eligibility: ReactNode;
}) {
  const base = useId();
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = PERSON_TABS.findIndex((t) => t.id === active);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % PERSON_TABS.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + PERSON_TABS.length) % PERSON_TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? PERSON_TABS.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    onChange(PERSON_TABS[next]!.id);
    tabs.current[next]?.focus();
  };
  const panel = (id: PersonTabId, content: ReactNode) => (
    <div
      role="tabpanel"
      id={`${base}-${id}-panel`}
      aria-labelledby={`${base}-${id}-tab`}
      hidden={active !== id}
      tabIndex={0}
    >
      {content}
    </div>
  );
  return (
    <div className="person-tabs no-print">
      <div role="tablist" aria-label="利用者の情報" onKeyDown={onKeyDown}>
        {PERSON_TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-${t.id}-tab`}
            aria-selected={active === t.id}
            aria-controls={`${base}-${t.id}-panel`}
            tabIndex={active === t.id ? 0 : -1}
            onClick={() => onChange(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {panel('eligibility', eligibility)}
      {panel('progress', <ProgressPanel personKey={personKey} active={active === 'progress'} />)}
      {panel('allowances', <AllowancesTabPanel personKey={personKey} active={active === 'allowances'} />)}
      {panel('documents', <DocumentsTabPanel personKey={personKey} active={active === 'documents'} />)}
    </div>
  );
}
