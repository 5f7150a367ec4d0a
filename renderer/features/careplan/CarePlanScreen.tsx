import { useEffect, useState } from 'react';
import type { KaigoErrorInfo } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ExchangePanel } from './ExchangePanel';
import { LedgerPanel } from './LedgerPanel';
import { MonthView } from './MonthView';
import { PartnersPanel } from './PartnersPanel';
import { PreventionPersons, type PreventionPerson } from './PreventionPersons';
import { ym } from './labels';
import './careplan.css';

// ケアプラン (issue 8 §6): per person and month the plan (第6・7表) with 予定 vs 実績; sending and receiving files;
// the ledger and the partners.

type Tab = 'months' | 'exchange' | 'ledger' | 'partners';
const TABS: { id: Tab; label: string }[] = [
  { id: 'months', label: '利用者・月' },
  { id: 'exchange', label: '送受信' },
  { id: 'ledger', label: '送受信台帳' },
  { id: 'partners', label: '連携先' },
];

type Month = {
  insurer: string;
  insured: string;
  month: string;
  name: string;
  differences: number;
  actualProviders: number;
  planItems: number;
};

export function CarePlanScreen({ training }: { training: boolean }) {
  const [tab, setTab] = useState<Tab>('months');
  const [months, setMonths] = useState<Month[] | null>(null);
  const [preventionPersons, setPreventionPersons] = useState<PreventionPerson[]>([]);
  const [selected, setSelected] = useState<Month | null>(null);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void call('careplan.months', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setMonths(r.value.months);
      setPreventionPersons(r.value.preventionPersons);
    });
  }, [version]);
  return (
    <div className="careplan">
      <div role="tablist" aria-label="ケアプランの画面" className="careplan-tabs">
        {TABS.map((t) => (
          <button key={t.id} role="tab" aria-selected={tab === t.id} type="button" onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {error && <ErrorNotice error={error} />}
      {tab === 'months' &&
        (!months ? (
          <p aria-busy="true">読み込み中…</p>
        ) : months.length === 0 && preventionPersons.length === 0 ? (
          <p>まだケアプランはありません。「送受信」からファイルを取り込むか送信してください。</p>
        ) : (
          <>
            {months.length > 0 && (
              <table className="results" aria-label="利用者・月の一覧">
                <thead>
                  <tr>
                    <th scope="col">利用者</th>
                    <th scope="col">被保険者番号</th>
                    <th scope="col">対象年月</th>
                    <th scope="col">予定</th>
                    <th scope="col">実績</th>
                    <th scope="col">予定と実績の差</th>
                  </tr>
                </thead>
                <tbody>
                  {months.map((m) => (
                    <tr key={`${m.insurer}-${m.insured}-${m.month}`}>
                      <td>
                        <button type="button" className="link-button" onClick={() => setSelected(m)}>
                          {m.name || '（氏名なし）'}
                        </button>
                      </td>
                      <td>{m.insured}</td>
                      <td>{ym(m.month)}</td>
                      <td>{m.planItems}件</td>
                      <td>{m.actualProviders > 0 ? `${m.actualProviders}事業所` : '未受信'}</td>
                      <td>{m.actualProviders > 0 ? `${m.differences}件` : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {selected && (
              <MonthView
                key={`${selected.insurer}-${selected.insured}-${selected.month}`}
                insurer={selected.insurer}
                insured={selected.insured}
                month={selected.month}
              />
            )}
          </>
        ))}
      {tab === 'months' && <PreventionPersons persons={preventionPersons} />}
      {tab === 'exchange' && <ExchangePanel training={training} onChanged={() => setVersion((v) => v + 1)} />}
      {tab === 'ledger' && <LedgerPanel version={version} />}
      {tab === 'partners' && <PartnersPanel />}
    </div>
  );
}
