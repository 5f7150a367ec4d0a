import type { AllowancesTab } from '../../electron/contract';

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

/** 住宅改修費・福祉用具購入費 (DOMAIN.md §2.1 menu 4): used and remaining; 福祉用具 per 年度 (April–March). */
export function AllowancesPanel({ data }: { data: AllowancesTab }) {
  const rows = [
    { label: '住宅改修費', a: data.homeModification, note: '原則として1人・1住宅あたり' },
    {
      label: '福祉用具購入費',
      a: data.welfareEquipment,
      note: `${data.welfareEquipment.fiscalYear}年度（${data.welfareEquipment.fiscalYear}年4月〜${data.welfareEquipment.fiscalYear + 1}年3月）`,
    },
  ];
  return (
    <table className="allowances" aria-label="住宅改修・福祉用具の利用状況">
      <thead>
        <tr>
          <th scope="col">区分</th>
          <th scope="col">利用済み</th>
          <th scope="col">残額</th>
          <th scope="col">上限</th>
          <th scope="col">対象</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ label, a, note }) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{yen(a.usedYen)}</td>
            <td>{yen(a.remainingYen)}</td>
            <td>{yen(a.capYen)}</td>
            <td>{note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
