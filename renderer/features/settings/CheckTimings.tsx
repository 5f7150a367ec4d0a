import { useEffect, useState } from 'react';
import type { PhaseStatsList } from '../../../electron/contract';
import { call } from '../../api';

const PHASE: Record<string, string> = {
  card: 'カードの読み取り',
  pin: '暗証番号の入力',
  network: '通信（本人確認・資格照会）',
  display: '結果の表示',
};
const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);

/** The week's p50/p95 per phase of a card check on this PC (UX.md rule 15). */
export function CheckTimings() {
  const [stats, setStats] = useState<PhaseStatsList | null>(null);
  useEffect(() => {
    let current = true;
    void call('diagnostics.checkTimings', {}).then((r) => {
      if (current && r.ok) setStats(r.value);
    });
    return () => {
      current = false;
    };
  }, []);
  if (!stats) return null;
  return (
    <section aria-labelledby="timings-heading">
      <h2 id="timings-heading">本人確認の所要時間（この7日間）</h2>
      <table className="results" aria-label="本人確認の所要時間">
        <thead>
          <tr>
            <th scope="col">段階</th>
            <th scope="col">回数</th>
            <th scope="col">中央値</th>
            <th scope="col">95%</th>
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr key={s.phase} data-phase={s.phase}>
              <td>{PHASE[s.phase]}</td>
              <td>{s.count}</td>
              <td>{ms(s.p50Ms)}</td>
              <td>{ms(s.p95Ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
