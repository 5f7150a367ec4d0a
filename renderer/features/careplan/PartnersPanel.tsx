import { useEffect, useState } from 'react';
import type { KaigoErrorInfo, PartnerView } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';

// 連携先 (UX.md rule 14): 事業所番号 (with check digit) + サービス種類 + name, and whether they exchange data.

export function PartnersPanel() {
  const [partners, setPartners] = useState<PartnerView[]>([]);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const [form, setForm] = useState({ office: '', service: '', name: '', exchangesData: true });
  const load = () => void call('careplan.partners', {}).then((r) => (r.ok ? setPartners(r.value) : setError(r.error)));
  useEffect(load, []);
  const save = async () => {
    setError(null);
    const r = await call('careplan.savePartner', form);
    if (!r.ok) return setError(r.error);
    setForm({ office: '', service: '', name: '', exchangesData: true });
    load();
  };
  const remove = async (id: number) => {
    const r = await call('careplan.removePartner', { id });
    if (!r.ok) setError(r.error);
    load();
  };
  return (
    <section aria-label="連携先">
      {error && <ErrorNotice error={error} />}
      <table className="results" aria-label="連携先の一覧">
        <thead>
          <tr>
            <th scope="col">事業所名</th>
            <th scope="col">事業所番号</th>
            <th scope="col">サービス種類</th>
            <th scope="col">データ連携</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {partners.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.office}</td>
              <td>{p.service}</td>
              <td>{p.exchangesData ? 'あり' : 'なし（紙で送付）'}</td>
              <td>
                <button type="button" className="link-button" onClick={() => void remove(p.id)}>
                  削除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          事業所番号{' '}
          <input value={form.office} maxLength={10} onChange={(e) => setForm({ ...form, office: e.target.value })} />
        </label>
        <label>
          サービス種類{' '}
          <input value={form.service} maxLength={2} onChange={(e) => setForm({ ...form, service: e.target.value })} />
        </label>
        <label>
          事業所名{' '}
          <input value={form.name} maxLength={80} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          <input
            type="checkbox"
            checked={form.exchangesData}
            onChange={(e) => setForm({ ...form, exchangesData: e.target.checked })}
          />{' '}
          ケアプランデータ連携を使っている
        </label>
        <button type="submit">連携先を追加</button>
      </form>
    </section>
  );
}
