import type { OutageList } from '../../../electron/contract';
import { japanStamp } from '../../../electron/contract';
import { asOfText, outageColumns } from './list-text';

// The printed outage list (issue 7): the whole list as a plain table (the screen's virtual list holds only the rows
// in view), its 時点 stamp, the training band when it applies (DESIGN.md §4), and who printed it and when.
export function OutagePrintView(props: { list: OutageList; training: boolean; staffId: string; printedAt: string }) {
  const { list } = props;
  const columns = outageColumns(list);
  return (
    <div className="outage-print print-only-target" data-testid="outage-print">
      {props.training && <div className="print-band">練習モード — 実在の利用者ではありません</div>}
      <h2>{list.title}</h2>
      <p className="print-as-of">{asOfText(list)}</p>
      <table>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.rows.map((r, i) => (
            <tr key={`${r.personKey}-${i}`}>
              {columns.map((c, j) => (
                <td key={j}>{c.text(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <footer>
        印刷: {props.staffId} {japanStamp(new Date(props.printedAt))}
      </footer>
    </div>
  );
}
