import { useState } from 'react';
import type { PersonDetail } from '../../../electron/contract';
import { PersonDetailView } from '../../components/PersonDetailView';
import { PaperEntryForm } from './PaperEntryForm';

/**
 * 「紙の証で確認」 (UX.md rules 5–6): offered wherever the online path cannot answer — no PIN, a locked card, a
 * refusal, 反映待ち, an outage. Saved entries are marked 「紙で確認」 with the staff member.
 */
export function PaperCheck({ initial }: { initial?: { insurerNumber?: string; insuredNumber?: string } }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<PersonDetail | null>(null);
  return (
    <section className="paper-check" aria-label="紙の証で確認">
      {!open && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setSaved(null);
            setOpen(true);
          }}
        >
          紙の証で確認
        </button>
      )}
      {open && (
        <PaperEntryForm
          initial={initial}
          onSaved={(detail) => {
            setSaved(detail);
            setOpen(false);
          }}
          onCancel={() => setOpen(false)}
        />
      )}
      {saved && (
        <>
          <p role="status" className="saved-note">
            紙の証の内容を保存しました（紙で確認）。
          </p>
          <PersonDetailView detail={saved} />
        </>
      )}
    </section>
  );
}
