import { describe, expect, it } from 'vitest';
import { scrollToShow, visibleRange } from '../../renderer/components/VirtualList';

// The arithmetic of the virtualised list: only the rows in view (plus overscan) are rendered, at any list length.
describe('virtual list window', () => {
  it('renders a screenful plus overscan, wherever the list is scrolled, at 10,000 rows', () => {
    expect(visibleRange(10_000, 36, 420, 0)).toEqual({ start: 0, end: 19 });
    expect(visibleRange(10_000, 36, 420, 36 * 5000)).toEqual({ start: 4994, end: 5019 });
    expect(visibleRange(10_000, 36, 420, 36 * 9990)).toEqual({ start: 9984, end: 10_000 });
    const { start, end } = visibleRange(10_000, 36, 420, 123_456);
    expect(end - start).toBeLessThanOrEqual(26);
  });

  it('handles empty and short lists', () => {
    expect(visibleRange(0, 36, 420, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(3, 36, 420, 0)).toEqual({ start: 0, end: 3 });
  });

  it('scrolls just enough to show the active row', () => {
    expect(scrollToShow(0, 36, 360, 100)).toBe(0); // above: align top
    expect(scrollToShow(20, 36, 360, 0)).toBe(21 * 36 - 360); // below: align bottom
    expect(scrollToShow(5, 36, 360, 100)).toBe(100); // in view: unchanged
  });
});
