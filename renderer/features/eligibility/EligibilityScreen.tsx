import { useState, type FormEvent } from 'react';
import type { KaigoErrorInfo, PersonDetail } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PersonDetailView } from '../../components/PersonDetailView';
import { PersonNumberFields, usePersonNumbers } from '../../components/PersonNumberFields';
import { CardCheckPanel } from './CardCheckPanel';
import { PaperCheck } from '../paper/PaperCheck';
import { OutageReception } from '../reception/OutageReception';

/**
 * 資格確認 by 保険者番号 + 被保険者番号 (persons are matched on numbers, never on names: UX.md rule 8). The My Number
 * card path and the paper path join this screen as they land.
 */
export function EligibilityScreen({ training }: { training: boolean }) {
  const numbers = usePersonNumbers();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const [detail, setDetail] = useState<PersonDetail | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await call('eligibility.fetch', { personKey: numbers.personKey });
    setBusy(false);
    if (result.ok) setDetail(result.value);
    else {
      setDetail(null);
      setError(result.error);
    }
  };

  return (
    <div className="eligibility-screen">
      <CardCheckPanel
        training={training}
        onResult={setDetail}
        onError={(e) => {
          // A new step starts (e === null) or fails: the previous person's result must not stay on screen.
          setDetail(null);
          setError(e);
        }}
      />
      {error && <ErrorNotice error={error} />}
      <PaperCheck />
      <OutageReception />
      <h2>番号で照会</h2>
      <form onSubmit={(e) => void onSubmit(e)} className="inline-form" aria-busy={busy}>
        <PersonNumberFields numbers={numbers} />
        <button type="submit" disabled={busy}>
          {busy ? '照会中…' : 'オンラインで照会'}
        </button>
      </form>
      {busy && (
        <p role="status" className="progress">
          介護WEBサービスに照会しています…
        </p>
      )}
      {detail && <PersonDetailView detail={detail} />}
    </div>
  );
}
