import {
  formatWareki,
  japanStamp,
  toJapanTime,
  type CachedItem,
  type PersonDetail,
  type PrintedOutput,
} from '../../electron/contract';
import { DateText, ItemFacts, KIND_LABEL, SOURCE_LABEL } from './ItemFacts';

// The one-page printable summary of a person (issue 6 §8): hidden on screen, the only thing printed (print
// stylesheet). The footer names who printed it and when, in Japan time, 和暦 and Western; in 練習モード the band is
// printed too so a practice sheet can never pass for a real one.

function printedStamp(iso: string): string {
  const j = toJapanTime(new Date(iso));
  const hhmm = `${String(j.hour).padStart(2, '0')}:${String(j.minute).padStart(2, '0')}`;
  return `${formatWareki(j)} ${hhmm}（${japanStamp(new Date(iso))} 日本時間）`;
}

export function PrintSummary({
  detail,
  items,
  printed,
  training,
}: {
  detail: PersonDetail;
  items: CachedItem[];
  printed: PrintedOutput;
  training: boolean;
}) {
  const { person, eligibility } = detail;
  return (
    <section className="print-summary print-only-target" data-testid="print-summary">
      {training && <div className="training-band">練習モード — 実在の利用者ではありません</div>}
      <h2>利用者情報の要約</h2>
      <p>
        {person.name || '（氏名の情報なし）'}
        {person.nameKana && `（${person.nameKana}）`} 保険者番号 {person.insurerNumber} 被保険者番号{' '}
        {person.insuredNumber}
        {person.birthDate && (
          <>
            {' '}
            生年月日 <DateText iso={person.birthDate} />
          </>
        )}
      </p>
      <p>
        資格の状態: {eligibility.label} — {eligibility.action}
      </p>
      <table>
        <thead>
          <tr>
            <th>証</th>
            <th>内容</th>
            <th>最終確認</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.kind}-${item.source}-${item.confirmedAt}`}>
              <td>{KIND_LABEL[item.kind]}</td>
              <td>
                <ItemFacts body={item.body} />
              </td>
              <td>
                {japanStamp(new Date(item.confirmedAt))}（{SOURCE_LABEL[item.source]}）
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {eligibility.warnings.length > 0 && (
        <ul>
          {eligibility.warnings.map((w) => (
            <li key={w.code}>{w.message}</li>
          ))}
        </ul>
      )}
      <p className="print-footer">
        印刷: {printed.printedBy} ／ {printedStamp(printed.printedAt)}
      </p>
    </section>
  );
}
