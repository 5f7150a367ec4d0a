import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  PAPER_FIELDS,
  PAPER_FORM_KINDS,
  PAPER_KIND_LABELS,
  type KaigoErrorInfo,
  type PaperField,
  type PaperFormKind,
  type PaperProblem,
  type PersonDetail,
} from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DateEcho } from './DateEcho';

// Hand entry of a paper 証 (UX.md rule 6). Keyboard only: Tab through the fields, Enter saves; a wrong field gets its
// message and code beside it and the focus, the rest of what was typed stays.

const DATE_HINT = '例: 令和8年4月1日 / R8.4.1 / 2026-04-01';

function FieldInput({
  field,
  id,
  value,
  problem,
  onChange,
}: {
  field: PaperField;
  id: string;
  value: string;
  problem: PaperProblem | undefined;
  onChange: (v: string) => void;
}) {
  const describedBy = `${id}-hint ${problem ? `${id}-problem` : ''}`.trim();
  const common = {
    id,
    name: field.name,
    value,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required || undefined,
  };
  return (
    <div className={`paper-field${problem ? ' has-problem' : ''}`}>
      <label htmlFor={id}>
        {field.label}
        {field.required && <span className="required">（必須）</span>}
      </label>
      {field.type === 'select' ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          <option value="">（選んでください）</option>
          {Object.entries(field.options ?? {}).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          inputMode={field.type === 'amount' || field.type.endsWith('number') ? 'numeric' : undefined}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <span id={`${id}-hint`} className="muted">
        {field.type === 'date' ? DATE_HINT : field.unit ? field.unit : ''}
      </span>
      {field.type === 'date' && <DateEcho value={value} />}
      {problem && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem.message}（{problem.code}）
        </p>
      )}
    </div>
  );
}

export function PaperEntryForm({
  initial,
  onSaved,
  onCancel,
}: {
  initial?: { insurerNumber?: string; insuredNumber?: string };
  onSaved: (detail: PersonDetail) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<PaperFormKind>('insured-card');
  const [values, setValues] = useState<Record<string, string>>({
    insurerNumber: initial?.insurerNumber ?? '',
    insuredNumber: initial?.insuredNumber ?? '',
  });
  const [problems, setProblems] = useState<PaperProblem[]>([]);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const baseId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const idOf = (name: string) => `${baseId}-${name}`;
  // Opened from a button: the keyboard continues in the form (the chosen kind first).
  useEffect(() => formRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const fields = Object.fromEntries(
      PAPER_FIELDS[kind].map((f) => [f.name, values[f.name] ?? ''] as const).filter(([, v]) => v.trim() !== ''),
    );
    const result = await call('paper.save', { kind, fields });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (!result.value.saved) {
      setProblems(result.value.problems);
      const first = result.value.problems[0];
      // Focus the first wrong field so the keyboard user is where the fix is.
      if (first) requestAnimationFrame(() => document.getElementById(idOf(first.field))?.focus());
      return;
    }
    setProblems([]);
    onSaved(result.value.detail);
  };

  return (
    <form ref={formRef} className="paper-form" aria-label="紙の証の入力" onSubmit={(e) => void onSubmit(e)}>
      <fieldset>
        <legend>証の種類</legend>
        {PAPER_FORM_KINDS.map((k) => (
          <label key={k} className="radio">
            <input
              type="radio"
              name={`${baseId}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setProblems([]);
              }}
            />
            {PAPER_KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      {problems.length > 0 && (
        <p className="problem-summary" role="status">
          {problems.length}件の項目を直してください。
        </p>
      )}
      <div className="paper-fields">
        {PAPER_FIELDS[kind].map((field) => (
          <FieldInput
            key={`${kind}-${field.name}`}
            field={field}
            id={idOf(field.name)}
            value={values[field.name] ?? ''}
            problem={problems.find((p) => p.field === field.name)}
            onChange={(v) => setValues((old) => ({ ...old, [field.name]: v }))}
          />
        ))}
      </div>
      {error && <ErrorNotice error={error} />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? '保存中…' : '紙で確認した内容を保存'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          閉じる
        </button>
      </div>
    </form>
  );
}
