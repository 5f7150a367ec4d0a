import { useEffect, useState } from 'react';
import type { KaigoErrorInfo, PlanDocumentView } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CARE_LEVEL_LABEL, hhmm } from './labels';

// 居宅サービス計画書 第1–3表 of a person (newest 計画作成（変更）日 first), laid out in the order of the paper forms:
// 第1表 the person's wishes and the overall policy, 第2表 課題 → 目標 → 援助内容, 第3表 the week by day and time.

const WEEKDAY: Record<string, string> = { '1': '月', '2': '火', '3': '水', '4': '木', '5': '金', '6': '土', '7': '日' };
const date = (d: string) => (d.length === 8 ? `${d.slice(0, 4)}/${Number(d.slice(4, 6))}/${Number(d.slice(6))}` : '—');

export function PlanDocuments({ insurer, insured }: { insurer: string; insured: string }) {
  const [plans, setPlans] = useState<PlanDocumentView[] | null>(null);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  useEffect(() => {
    void call('careplan.plans', { insurer, insured }).then((r) => (r.ok ? setPlans(r.value.plans) : setError(r.error)));
  }, [insurer, insured]);
  if (error) return <ErrorNotice error={error} />;
  if (!plans || plans.length === 0) return null;
  return (
    <section aria-label="居宅サービス計画書" className="careplan-documents">
      {plans.map((p) => (
        <div key={p.planDate}>
          <h3>居宅サービス計画書（計画作成・変更日 {date(p.planDate)}）</h3>
          {p.first && (
            <dl className="facts" aria-label="第1表">
              <dt>作成者</dt>
              <dd>
                {p.first.plannerName}（{p.first.supportOfficeName}）
              </dd>
              <dt>要介護状態区分</dt>
              <dd>{CARE_LEVEL_LABEL[p.first.careLevel] ?? p.first.careLevel}</dd>
              <dt>認定の有効期間</dt>
              <dd>
                {date(p.first.validFrom)}〜{date(p.first.validTo)}
              </dd>
              <dt>利用者及び家族の意向を踏まえた課題分析の結果</dt>
              <dd className="pre">{p.first.wishesAndAnalysis}</dd>
              <dt>介護認定審査会の意見</dt>
              <dd className="pre">{p.first.boardOpinion}</dd>
              <dt>総合的な援助の方針</dt>
              <dd className="pre">{p.first.overallPolicy}</dd>
            </dl>
          )}
          {p.second.length > 0 && (
            <table className="results" aria-label="第2表">
              <thead>
                <tr>
                  <th scope="col">生活全般の解決すべき課題</th>
                  <th scope="col">長期目標（期間）</th>
                  <th scope="col">短期目標（期間）</th>
                  <th scope="col">サービス内容</th>
                  <th scope="col">保険</th>
                  <th scope="col">サービス種別・事業所</th>
                  <th scope="col">頻度</th>
                  <th scope="col">期間</th>
                </tr>
              </thead>
              <tbody>
                {p.second.map((r, n) => (
                  <tr key={n}>
                    <td className="pre">{r.issue}</td>
                    <td className="pre">
                      {r.longGoal}（{r.longPeriod}）
                    </td>
                    <td className="pre">
                      {r.shortGoal}（{r.shortPeriod}）
                    </td>
                    <td className="pre">{r.serviceContent}</td>
                    <td>{r.insuranceCovered === 'Y' ? '○' : ''}</td>
                    <td>
                      {r.serviceType}
                      <br />
                      {r.providerName}
                    </td>
                    <td>{r.frequency}</td>
                    <td>{r.period}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {p.third.length > 0 && (
            <table className="results" aria-label="第3表">
              <thead>
                <tr>
                  <th scope="col">曜日</th>
                  <th scope="col">時間</th>
                  <th scope="col">介護サービス内容</th>
                  <th scope="col">主な日常生活上の活動</th>
                  <th scope="col">週単位以外のサービス</th>
                </tr>
              </thead>
              <tbody>
                {p.third.map((r, n) => (
                  <tr key={n}>
                    <td>{WEEKDAY[r.weekday] ?? ''}</td>
                    <td>
                      {hhmm(r.start)}〜{hhmm(r.end)}
                    </td>
                    <td className="pre">{r.serviceContent}</td>
                    <td className="pre">{r.dailyActivity}</td>
                    <td className="pre">{r.nonWeeklyServices}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
