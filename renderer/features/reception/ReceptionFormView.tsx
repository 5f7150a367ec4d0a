import { useId, useRef, useState, type FormEvent } from 'react';
import {
  BURDEN_RATIO_LABELS,
  CARE_LEVEL_LABELS,
  SEX_LABELS,
  receptionFormProblems,
  type KaigoErrorInfo,
  type ReceptionField,
  type ReceptionForm,
} from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';

// The 障害時受付 form (UX.md rule 9): 氏名・性別・生年月日・住所 as the official outage guidance asks, plus the paper 証
// fields needed to re-run the check later. Keyboard only: fields in reading order, Enter saves, every problem is
// named next to its field and the first wrong field takes the focus.

type Draft = Record<ReceptionField, string>;

const EMPTY: Draft = {
  name: '',
  sex: '',
  birthDate: '',
  address: '',
  insurerNumber: '',
  insuredNumber: '',
  careLevel: '',
  certificationFrom: '',
  certificationTo: '',
  burdenRatio: '',
};

const FIELDS: { field: ReceptionField; label: string; hint?: string; options?: Record<string, string> }[] = [
  { field: 'name', label: '氏名' },
  { field: 'sex', label: '性別', options: SEX_LABELS },
  { field: 'birthDate', label: '生年月日', hint: '例: 1940-04-01' },
  { field: 'address', label: '住所' },
  { field: 'insurerNumber', label: '証の保険者番号（6桁）' },
  { field: 'insuredNumber', label: '証の被保険者番号（10桁）' },
  { field: 'careLevel', label: '要介護度', options: CARE_LEVEL_LABELS },
  { field: 'certificationFrom', label: '有効期間（開始）', hint: '例: 2026-04-01' },
  { field: 'certificationTo', label: '有効期間（終了）', hint: '例: 2027-03-31' },
  { field: 'burdenRatio', label: '負担割合', options: BURDEN_RATIO_LABELS },
];

export function ReceptionFormView({ onSaved }: { onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problems, setProblems] = useState<ReturnType<typeof receptionFormProblems>>({});
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const base = useId();
  const formRef = useRef<HTMLFormElement>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    // An empty select means "not chosen": left out so the schema names it; empty text stays '' for its message.
    const chosen = (field: string, v: string) => v !== '' || !FIELDS.find((f) => f.field === field)?.options;
    const value = Object.fromEntries(Object.entries(draft).filter(([field, v]) => chosen(field, v)));
    const found = receptionFormProblems(value);
    setProblems(found);
    const first = FIELDS.find((f) => found[f.field]);
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`[name="${first.field}"]`)?.focus();
      return;
    }
    setBusy(true);
    const result = await call('reception.save', { form: value as ReceptionForm });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDraft(EMPTY);
    onSaved();
  };

  return (
    <form ref={formRef} className="reception-form" onSubmit={(e) => void onSubmit(e)} aria-busy={busy} noValidate>
      {FIELDS.map(({ field, label, hint, options }) => {
        const id = `${base}-${field}`;
        const problem = problems[field];
        const described = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ') || undefined;
        const common = {
          id,
          name: field,
          value: draft[field],
          'aria-invalid': problem ? true : undefined,
          'aria-describedby': described,
        };
        return (
          <div className="reception-field" key={field}>
            <label htmlFor={id}>{label}</label>
            {options ? (
              <select {...common} onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}>
                <option value="">選んでください</option>
                {Object.entries(options).map(([code, text]) => (
                  <option key={code} value={code}>
                    {text}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                maxLength={field === 'address' ? 200 : 100}
                onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
              />
            )}
            {hint && (
              <span id={`${id}-hint`} className="muted">
                {hint}
              </span>
            )}
            {problem && (
              <span id={`${id}-problem`} className="problems">
                {problem}
              </span>
            )}
          </div>
        );
      })}
      {problems.form && <p className="problems">{problems.form}</p>}
      {error && <ErrorNotice error={error} />}
      <button type="submit" disabled={busy}>
        {busy ? '保存中…' : '受付を保存（サービス復旧後に自動で再確認）'}
      </button>
    </form>
  );
}
