import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { KaigoErrorInfo, PersonDetail, PersonSummary } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PersonDetailView } from '../../components/PersonDetailView';
import { VirtualList } from '../../components/VirtualList';
import './persons.css';

/** Rows fetched per request; more load as the list is scrolled (or arrowed) to its end. */
const PAGE = 200;
const ROW_HEIGHT = 40;

/**
 * 利用者: search the cached persons (works offline) and open one. The results are a virtual list (only the rows in
 * view are in the page, so thousands of results stay light), loaded page by page as staff scroll; ↑ ↓ PageUp
 * PageDown Home End move through them and Enter opens the person.
 */
export function PersonsScreen() {
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<PersonSummary[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const [detail, setDetail] = useState<PersonDetail | null>(null);
  const id = useId();
  /** The query the shown rows belong to, and whether a next page is being fetched. */
  const loaded = useRef({ query: '', loading: false });

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(async () => {
      const result = await call('persons.search', { query, offset: 0, limit: PAGE });
      if (stale) return;
      loaded.current = { query, loading: false };
      if (result.ok) {
        setRows(result.value.rows);
        setHasMore(result.value.hasMore);
        setError(null);
      } else setError(result.error);
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  const loadMore = useCallback(async () => {
    const state = loaded.current;
    if (!hasMore || state.loading) return;
    state.loading = true;
    const forQuery = state.query;
    const result = await call('persons.search', { query: forQuery, offset: rows.length, limit: PAGE });
    if (loaded.current.query !== forQuery) return; // the query changed meanwhile
    state.loading = false;
    if (result.ok) {
      setRows((before) => [...before, ...result.value.rows]);
      setHasMore(result.value.hasMore);
    } else setError(result.error);
  }, [hasMore, rows.length]);

  const open = async (personKey: string) => {
    const result = await call('persons.get', { personKey });
    if (result.ok) setDetail(result.value);
    else setError(result.error);
  };

  return (
    <div className="persons-screen">
      <label htmlFor={id}>検索（カナ氏名の先頭・被保険者番号・漢字氏名の一部）</label>
      <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
      {error && <ErrorNotice error={error} />}
      {query.trim() !== '' && (
        <p className="result-count" role="status">
          {rows.length === 0 ? '該当する利用者はいません。' : `${rows.length}件${hasMore ? '（続きがあります）' : ''}`}
        </p>
      )}
      {rows.length > 0 && (
        <VirtualList<PersonSummary>
          rows={rows}
          rowHeight={ROW_HEIGHT}
          height={Math.min(480, ROW_HEIGHT * rows.length + 4)}
          label="検索結果"
          header={
            <div className="virtual-head" role="row">
              <span role="columnheader">氏名</span>
              <span role="columnheader">カナ</span>
              <span role="columnheader">被保険者番号</span>
              <span role="columnheader">生年月日</span>
            </div>
          }
          renderRow={(r) => (
            <>
              <span role="gridcell">
                {/* Opens through the row's click (which also marks it active) and Enter on the list. */}
                <button type="button" className="link-button" tabIndex={-1}>
                  {r.name}
                </button>
              </span>
              <span role="gridcell">{r.nameKana}</span>
              <span role="gridcell">{r.insuredNumber}</span>
              <span role="gridcell">{r.birthDate ?? '—'}</span>
            </>
          )}
          onActivate={(r) => void open(r.personKey)}
          onEndReached={() => void loadMore()}
        />
      )}
      {detail && <PersonDetailView detail={detail} />}
    </div>
  );
}
