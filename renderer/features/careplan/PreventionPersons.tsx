import { useState } from 'react';
import { PreventionDocuments } from './PreventionDocuments';

// The persons a 地域包括支援センター sent 介護予防 documents for (利用者基本情報, 介護予防サービス・支援計画書). They may
// have no 第6・7表 month, so they are listed on their own; choosing one opens the documents below the list.

export type PreventionPerson = {
  insurer: string;
  insured: string;
  name: string;
  basicInfos: number;
  preventionPlans: number;
};

/** `persons` come with the screen's own `careplan.months` answer (one call, refreshed with it). */
export function PreventionPersons({ persons }: { persons: readonly PreventionPerson[] }) {
  const [selected, setSelected] = useState<PreventionPerson | null>(null);
  if (persons.length === 0) return null;
  return (
    <section aria-labelledby="prevention-persons-heading" className="prevention-persons">
      <h2 id="prevention-persons-heading">介護予防の書類（利用者基本情報・支援計画書）</h2>
      <table className="results" aria-label="介護予防の書類がある利用者">
        <thead>
          <tr>
            <th scope="col">利用者</th>
            <th scope="col">被保険者番号</th>
            <th scope="col">利用者基本情報</th>
            <th scope="col">支援計画書</th>
          </tr>
        </thead>
        <tbody>
          {persons.map((p) => (
            <tr key={`${p.insurer}-${p.insured}`}>
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={selected?.insurer === p.insurer && selected.insured === p.insured}
                  onClick={() => setSelected(p)}
                >
                  {p.name || '（氏名なし）'}
                </button>
              </td>
              <td>{p.insured}</td>
              <td>{p.basicInfos}件</td>
              <td>{p.preventionPlans}件</td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected && (
        <PreventionDocuments
          key={`${selected.insurer}-${selected.insured}`}
          insurer={selected.insurer}
          insured={selected.insured}
        />
      )}
    </section>
  );
}
