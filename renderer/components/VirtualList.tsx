import { memo, useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './VirtualList.css';

// A list that renders only the rows in view (plus a few above and below), so 10,000 rows scroll as lightly as 50
// (DESIGN.md §7: p95 main-thread time per frame ≤ 10 ms; tests/bench/groups/renderer.mjs measures it). Fixed row
// height keeps the arithmetic exact. Keyboard: the list is one tab stop; ↑ ↓ PageUp PageDown Home End move the
// active row (announced through aria-activedescendant), Enter opens it.
//
// Rows are recycled: row i is drawn by slot i % slotCount, so a scroll step re-fills the few slots whose rows left
// the window (new text, new top) instead of removing their elements and creating new ones. Creating elements was
// the largest part of each scroll frame (element creation, style resolution and layout-object building for every
// entering row). The slots' DOM order is therefore a rotation of the visual order; the rowgroup's aria-owns lists
// the rows in visual order so assistive technology still reads them top to bottom.

/** Rows rendered above and below the viewport (the window and the slot count must use the same value). */
const OVERSCAN = 6;

/** The window of rows to render for a scroll position. Pure, so it is unit-tested apart from React. */
export function visibleRange(
  count: number,
  rowHeight: number,
  viewportHeight: number,
  scrollTop: number,
  overscan = 6,
): { start: number; end: number } {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + inView + overscan) };
}

/** The most rows `visibleRange` can return for this viewport: the number of recycled row slots. */
export function slotCount(rowHeight: number, viewportHeight: number, overscan = 6): number {
  if (rowHeight <= 0) return 0;
  return Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1 + 2 * overscan;
}

/** Scroll position that brings row `index` fully into view (unchanged if it already is). */
export function scrollToShow(index: number, rowHeight: number, viewportHeight: number, scrollTop: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}

/**
 * The rendered window for a scrolling area. The scroll position is kept rounded down to a whole row, so scroll
 * events inside the same row cause no re-render at all (React skips a state update to the same value).
 */
export function useVirtualRows(count: number, rowHeight: number, viewportHeight: number) {
  const [scrollTop, setRounded] = useState(0);
  const range = visibleRange(count, rowHeight, viewportHeight, scrollTop, OVERSCAN);
  const setScrollTop = useCallback(
    (px: number) => setRounded(Math.floor(Math.max(0, px) / rowHeight) * rowHeight),
    [rowHeight],
  );
  return { ...range, scrollTop, setScrollTop, totalHeight: count * rowHeight };
}

interface VirtualRowProps {
  id: string;
  index: number;
  row: unknown;
  top: number;
  height: number;
  active: boolean;
  render: (row: never, index: number) => ReactNode;
  /** Stable across renders (reads the latest props through a ref). */
  onSelect: (index: number) => void;
}

/**
 * One recycled row slot. While scrolling, slots whose row stays in the window keep their props and are skipped; a
 * slot whose row left is re-rendered with the entering row (React updates its text nodes in place). `render` is a
 * new function on every parent render and is ignored here: a row's content must depend only on (row, index), so
 * callers pass pure renderers without state of their own (a slot shows other rows over time).
 */
const VirtualRow = memo(
  function VirtualRow(p: VirtualRowProps) {
    return (
      <div
        id={p.id}
        role="row"
        aria-rowindex={p.index + 1}
        aria-selected={p.active}
        className={`virtual-row${p.active ? ' active' : ''}`}
        style={{ position: 'absolute', top: p.top, height: p.height, left: 0, right: 0 }}
        onClick={() => p.onSelect(p.index)}
      >
        {p.render(p.row as never, p.index)}
      </div>
    );
  },
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.active === b.active &&
    a.top === b.top &&
    a.height === b.height &&
    a.id === b.id &&
    a.onSelect === b.onSelect,
);

export interface VirtualListProps<T> {
  rows: readonly T[];
  rowHeight: number;
  /** Height of the scrolling area in pixels. */
  height: number;
  label: string;
  /** Column headings, rendered above the scrolling area. */
  header?: ReactNode;
  renderRow: (row: T, index: number) => ReactNode;
  onActivate?: (row: T, index: number) => void;
  /** Called when the last row comes into the rendered window (load the next page). */
  onEndReached?: () => void;
}

export function VirtualList<T>({
  rows,
  rowHeight,
  height,
  label,
  header,
  renderRow,
  onActivate,
  onEndReached,
}: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const id = useId();
  const { start, end, setScrollTop, totalHeight } = useVirtualRows(rows.length, rowHeight, height);
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(rows.length - 1, index));
      setActive(next);
      const el = viewport.current;
      if (el) el.scrollTop = scrollToShow(next, rowHeight, height, el.scrollTop);
    },
    [rows.length, rowHeight, height],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in step) moveTo(activeIndex + step[e.key]!);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(rows.length - 1);
    else if (e.key === 'Enter' && onActivate && rows[activeIndex] !== undefined)
      onActivate(rows[activeIndex]!, activeIndex);
    else return;
    e.preventDefault();
  };

  useEffect(() => {
    if (rows.length > 0 && end >= rows.length) onEndReached?.();
  }, [end, rows.length, onEndReached]);

  const latest = useRef({ rows, onActivate });
  useEffect(() => {
    latest.current = { rows, onActivate };
  });
  const select = useCallback((i: number) => {
    setActive(i);
    // Focus belongs on the list (one tab stop, aria-activedescendant): a click must not leave focus inside a row
    // slot that will show another row after the next scroll.
    viewport.current?.focus({ preventScroll: true });
    const row = latest.current.rows[i];
    if (row !== undefined) latest.current.onActivate?.(row, i);
  }, []);

  const rowId = (i: number) => `${id}-row-${i}`;
  const slots = slotCount(rowHeight, height, OVERSCAN);
  const bySlot: ReactNode[] = new Array<ReactNode>(slots).fill(null);
  const owns: string[] = [];
  for (let i = start; i < end; i++) {
    owns.push(rowId(i));
    bySlot[i % slots] = (
      <VirtualRow
        key={i % slots}
        id={rowId(i)}
        index={i}
        row={rows[i]}
        top={i * rowHeight}
        height={rowHeight}
        active={i === activeIndex}
        render={renderRow}
        onSelect={select}
      />
    );
  }

  return (
    <div className="virtual-list" role="grid" aria-label={label} aria-rowcount={rows.length}>
      {header}
      <div
        ref={viewport}
        className="virtual-viewport"
        tabIndex={0}
        aria-activedescendant={rows.length > 0 ? rowId(activeIndex) : undefined}
        style={{ height, overflowY: 'auto', position: 'relative' }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div
          role="rowgroup"
          aria-owns={owns.length > 0 ? owns.join(' ') : undefined}
          style={{ height: totalHeight, position: 'relative' }}
        >
          {bySlot}
        </div>
      </div>
    </div>
  );
}
