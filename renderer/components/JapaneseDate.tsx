import { formatWareki, isoDate, type CalendarDate } from '../../electron/contract';

/** 令和8年4月1日 with the Western date beside it, as Japanese offices read dates. */
export function JapaneseDate({ date }: { date: CalendarDate }) {
  const western = isoDate(date);
  return (
    <time dateTime={western} className="jp-date">
      {formatWareki(date)}
      <span className="western-date">（{western}）</span>
    </time>
  );
}
