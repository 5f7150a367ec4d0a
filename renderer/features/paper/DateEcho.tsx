import { formatWareki, isoDate, parseDateInput } from '../../../electron/contract';

/** What a typed date was read as — 和暦 and Western side by side — so staff see it matches the 証 before saving. */
export function DateEcho({ value }: { value: string }) {
  if (value.trim() === '') return null;
  const d = parseDateInput(value);
  return (
    <span className="date-echo muted" aria-live="polite">
      {d ? `→ ${formatWareki(d)}（${isoDate(d)}）` : '→ 日付として読めません'}
    </span>
  );
}
