import { useEffect, useState } from 'react';
import type { CarePlanMonthView, KaigoErrorInfo } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CARE_LEVEL_LABEL, COMPARISON_LABEL, hhmm, md, ym } from './labels';
import { PlanDocuments } from './PlanDocuments';

/** Ideographic space between header items, as on the paper forms. */
const GAP = '\u3000';

// One person's month: 第6表 laid out like the paper サービス利用票 (a line per service and time, the days as columns),
// 第7表 as its 別表, then 予定 vs 実績 per day and service code.

type Item = CarePlanMonthView['plan'][number];

function daysIn(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(4, 6)), 0)).getUTCDate();
}

function lines(items: Item[], days: number) {
  const map = new Map<string, { item: Item; perDay: number[]; total: number }>();
  for (const i of items) {
    const key = `${i.start}|${i.end}|${i.serviceCode}|${i.provider}`;
    let l = map.get(key);
    if (!l) {
      l = { item: i, perDay: Array.from({ length: days }, () => 0), total: 0 };
      map.set(key, l);
    }
    const d = Number(i.serviceDate.slice(6, 8));
    if (d >= 1 && d <= days) l.perDay[d - 1]! += i.count ?? 1;
    l.total += i.count ?? 1;
  }
  return [...map.values()];
}

export function MonthView({ insurer, insured, month }: { insurer: string; insured: string; month: string }) {
  const [view, setView] = useState<CarePlanMonthView | null>(null);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  useEffect(() => {
    void call('careplan.month', { insurer, insured, month }).then((r) => (r.ok ? setView(r.value) : setError(r.error)));
  }, [insurer, insured, month]);
  if (error) return <ErrorNotice error={error} />;
  if (!view) return <p aria-busy="true">読み込み中…</p>;
  const days = daysIn(month);
  return (
    <section aria-label={`${ym(month)}のケアプラン`} className="careplan-month">
      <h2>
        {view.name || '（氏名なし）'}
        {GAP}
        {ym(month)}分
      </h2>
      <p>
        保険者番号 {view.insurer}
        {GAP}被保険者番号 {view.insured}
        {GAP}
        {CARE_LEVEL_LABEL[view.careLevel] ?? ''}
        {view.benefitLimit !== null && `${GAP}区分支給限度基準額 ${view.benefitLimit}単位`}
        {GAP}担当 {view.planStaffName}
      </p>
      <h3>第6表 サービス利用票（予定）</h3>
      <div className="careplan-scroll">
        <table className="results careplan-sixth" aria-label="第6表">
          <thead>
            <tr>
              <th scope="col">提供時間帯</th>
              <th scope="col">サービスコード</th>
              <th scope="col">事業所</th>
              {Array.from({ length: days }, (_, d) => (
                <th scope="col" key={d}>
                  {d + 1}
                </th>
              ))}
              <th scope="col">合計</th>
            </tr>
          </thead>
          <tbody>
            {lines(view.plan, days).map((l, n) => (
              <tr key={n}>
                <td>
                  {hhmm(l.item.start)}〜{hhmm(l.item.end)}
                </td>
                <td>{l.item.serviceCode}</td>
                <td>{l.item.providerName || l.item.provider}</td>
                {l.perDay.map((c, d) => (
                  <td key={d} className="num">
                    {c || ''}
                  </td>
                ))}
                <td className="num">{l.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>第7表 サービス利用票別表</h3>
      <table className="results careplan-seventh" aria-label="第7表">
        <thead>
          <tr>
            <th scope="col">事業所</th>
            <th scope="col">サービスコード</th>
            <th scope="col">単位数</th>
            <th scope="col">回数</th>
            <th scope="col">給付管理単位数</th>
            <th scope="col">限度超</th>
            <th scope="col">限度内</th>
            <th scope="col">費用総額</th>
            <th scope="col">保険請求額</th>
            <th scope="col">利用者負担</th>
          </tr>
        </thead>
        <tbody>
          {view.seventh.map((r, n) => (
            <tr key={n} className={`row-${r.kind}`}>
              <td>{r.kind === 'grandTotal' ? '合計' : r.officeName || r.office}</td>
              <td>{r.serviceCode}</td>
              <td className="num">{r.units ?? ''}</td>
              <td className="num">{r.count ?? ''}</td>
              <td className="num">{r.managedUnits ?? ''}</td>
              <td className="num">{r.overLimit ?? ''}</td>
              <td className="num">{r.withinLimit ?? ''}</td>
              <td className="num">{r.totalCost ?? ''}</td>
              <td className="num">{r.claimAmount ?? ''}</td>
              <td className="num">{r.copay ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.findings.length > 0 && (
        <ul className="problems" aria-label="第7表の確認結果">
          {view.findings.map((f, n) => (
            <li key={n}>{f.message}</li>
          ))}
        </ul>
      )}
      <h3>予定と実績の比較</h3>
      <table className="results careplan-comparison" aria-label="予定と実績の比較">
        <thead>
          <tr>
            <th scope="col">日</th>
            <th scope="col">サービスコード</th>
            <th scope="col">事業所番号</th>
            <th scope="col">予定回数</th>
            <th scope="col">実績回数</th>
            <th scope="col">予定単位</th>
            <th scope="col">実績単位</th>
            <th scope="col">結果</th>
          </tr>
        </thead>
        <tbody>
          {view.comparison.map((c, n) => (
            <tr key={n} className={`cmp-${c.status}`}>
              <td>{md(c.serviceDate)}</td>
              <td>{c.serviceCode}</td>
              <td>{c.provider}</td>
              <td className="num">{c.plannedCount}</td>
              <td className="num">{c.actualCount}</td>
              <td className="num">{c.plannedUnits}</td>
              <td className="num">{c.actualUnits}</td>
              <td>{COMPARISON_LABEL[c.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PlanDocuments insurer={insurer} insured={insured} />
    </section>
  );
}
