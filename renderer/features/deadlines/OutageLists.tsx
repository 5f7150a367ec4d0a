import { useEffect, useState } from 'react';
import type { KaigoErrorInfo, OutageListId, OutageListsOutput, OutageRow } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualList } from '../../components/VirtualList';
import { asOfText, outageColumns } from './list-text';
import { OutagePrintView } from './OutagePrintView';
import './outage-lists.css';

// 障害時リスト (issue 7): today's visitors, certifications ending this month, 負担割合 changes — from the cache, so they
// work offline. Each shows its 時点 stamp; 印刷 prints the list (audited through lists.printed), CSV出力 asks main to
// write the file to a place chosen in the save dialog.

const ROW_HEIGHT = 36;

export function OutageLists() {
  const [data, setData] = useState<OutageListsOutput | null>(null);
  const [selected, setSelected] = useState<OutageListId>('today-visitors');
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [printing, setPrinting] = useState<{ staffId: string; printedAt: string } | null>(null);

  useEffect(() => {
    void call('lists.outage', {}).then((r) => (r.ok ? setData(r.value) : setError(r.error)));
  }, []);

  // The print view exists only while printing: render it, print, then drop it.
  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printing]);

  if (error && !data) return <ErrorNotice error={error} />;
  if (!data) return <p aria-busy="true">障害時リストを読み込み中…</p>;
  const list = data.lists.find((l) => l.id === selected) ?? data.lists[0]!;
  const columns = outageColumns(list);

  const print = async () => {
    const r = await call('lists.printed', { list: list.id });
    if (r.ok) setPrinting({ staffId: r.value.staffId, printedAt: r.value.printedAt });
    else setError(r.error);
  };
  const exportCsv = async () => {
    setNotice(null);
    const r = await call('lists.exportCsv', { list: list.id });
    if (!r.ok) return setError(r.error);
    setError(null);
    setNotice(r.value.saved ? `${r.value.fileName} に${r.value.rows}件を保存しました。` : '保存を取り消しました。');
  };

  return (
    <section className="outage-lists" aria-labelledby="outage-lists-heading">
      <h2 id="outage-lists-heading">障害時リスト</h2>
      <div className="list-tabs no-print" role="group" aria-label="リストの種類">
        {data.lists.map((l) => (
          <button key={l.id} type="button" aria-pressed={l.id === list.id} onClick={() => setSelected(l.id)}>
            {l.title}（{l.total}件）
          </button>
        ))}
      </div>
      <p className="as-of" aria-label="時点">
        {asOfText(list)}
      </p>
      {list.total > list.rows.length && (
        <p>
          画面と印刷は先頭の{list.rows.length}件です。全{list.total}件はCSV出力で保存できます。
        </p>
      )}
      <div className="list-actions no-print">
        <button type="button" onClick={() => void print()}>
          印刷
        </button>
        <button type="button" onClick={() => void exportCsv()}>
          CSV出力（Excel用）
        </button>
        {notice && <span role="status">{notice}</span>}
      </div>
      {error && <ErrorNotice error={error} />}
      {list.rows.length === 0 ? (
        <p>該当する利用者はいません。</p>
      ) : (
        <VirtualList<OutageRow>
          rows={list.rows}
          rowHeight={ROW_HEIGHT}
          height={Math.min(420, ROW_HEIGHT * list.rows.length + 4)}
          label={list.title}
          header={
            <div className="virtual-head" role="row">
              {columns.map((c, i) => (
                <span key={i} role="columnheader">
                  {c.label}
                </span>
              ))}
            </div>
          }
          renderRow={(r) => (
            <>
              {columns.map((c, i) => (
                <span key={i} role="gridcell">
                  {c.text(r)}
                </span>
              ))}
            </>
          )}
        />
      )}
      {printing && (
        <OutagePrintView
          list={list}
          training={data.training}
          staffId={printing.staffId}
          printedAt={printing.printedAt}
        />
      )}
    </section>
  );
}
