import { useCallback, useEffect, useId, useState } from 'react';
import type { KaigoErrorInfo, OfficeEntry } from '../../electron/contract';
import { call } from '../api';
import { useSession } from '../stores/session';
import { useStatus } from '../stores/status';
import { ErrorNotice } from './ErrorNotice';

// 事業所の切り替え (issue 5 item 1): on a PC serving two offices (居宅 + 訪問介護 併設) staff pick, on the login panel, the
// office they work for. Shown only with more than one office. Choosing in the list changes nothing yet (arrow keys on a closed select
// would otherwise log people out); the 切り替え button does: logout, then a connection with that office's certificate.

const officeLabel = (o: OfficeEntry) => `${o.serviceTypeName} ${o.name}${o.hasCertificate ? '' : '（証明書なし）'}`;

export function OfficeSwitcher() {
  const id = useId();
  const [offices, setOffices] = useState<OfficeEntry[]>([]);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refreshStatus = useStatus((s) => s.refresh);
  const refreshSession = useSession((s) => s.refresh);

  const show = useCallback((list: OfficeEntry[]) => {
    setOffices(list);
    setChosen(list.find((o) => o.active)?.officeNumber ?? list[0]?.officeNumber ?? '');
  }, []);

  useEffect(() => {
    void call('office.list', {}).then((r) => {
      if (r.ok) show(r.value.offices);
    });
  }, [show]);

  if (offices.length < 2) return null;
  const active = offices.find((o) => o.active);

  const onSwitch = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!chosen || chosen === active?.officeNumber) return;
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await call('office.select', { officeNumber: chosen });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    show(r.value.offices);
    const now = r.value.offices.find((o) => o.active);
    setDone(`事業所を「${now?.name ?? ''}」に切り替えました。ログインし直してください。`);
    await Promise.all([refreshStatus(), refreshSession()]);
  };

  return (
    <form className="office-switcher" aria-label="事業所の切り替え" onSubmit={(e) => void onSwitch(e)} aria-busy={busy}>
      <label htmlFor={id}>事業所:</label>{' '}
      <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)} disabled={busy}>
        {offices.map((o) => (
          <option key={o.officeNumber} value={o.officeNumber}>
            {officeLabel(o)}
          </option>
        ))}
      </select>{' '}
      <button type="submit" disabled={busy || chosen === active?.officeNumber} title="切り替えるとログアウトします">
        切り替え
      </button>
      {/* A polite live region (not role=status: the connectivity banner is the page's one status). */}
      <span aria-live="polite">{done}</span>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
