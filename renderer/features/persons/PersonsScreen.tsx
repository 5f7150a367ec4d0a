import { useEffect, useId, useState } from 'react';
import type { KaigoErrorInfo, PersonDetail, PersonSummary } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PersonDetailView } from '../../components/PersonDetailView';

const PAGE = 50;

/** 利用者: search the cached persons (works offline), page through, open one. */
export function PersonsScreen() {
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<PersonSummary[]>([]);
  const [offset, setOffset] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const [detail, setDetail] = useState<PersonDetail | null>(null);
  const id = useId();

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(async () => {
      const result = await call('persons.search', { query, offset, limit: PAGE });
      if (stale) return;
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
  }, [query, offset]);

  const open = async (personKey: string) => {
    const result = await call('persons.get', { personKey });
    if (result.ok) setDetail(result.value);
    else setError(result.error);
  };

  return (
    <div className="persons-screen">
      <label htmlFor={id}>検索（カナ氏名の先頭・被保険者番号・漢字氏名の一部）</label>
      <input
        id={id}
        type="search"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOffset(0);
        }}
        autoFocus
      />
      {error && <ErrorNotice error={error} />}
      <table className="results" aria-label="検索結果">
        <thead>
          <tr>
            <th scope="col">氏名</th>
            <th scope="col">カナ</th>
            <th scope="col">被保険者番号</th>
            <th scope="col">生年月日</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.personKey}>
              <td>
                <button type="button" className="link-button" onClick={() => void open(r.personKey)}>
                  {r.name}
                </button>
              </td>
              <td>{r.nameKana}</td>
              <td>{r.insuredNumber}</td>
              <td>{r.birthDate ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          前の{PAGE}件
        </button>
        <button type="button" disabled={!hasMore} onClick={() => setOffset(offset + PAGE)}>
          次の{PAGE}件
        </button>
      </div>
      {detail && <PersonDetailView detail={detail} />}
    </div>
  );
}
