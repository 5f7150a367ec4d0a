import { describe, expect, it } from 'vitest';
import { slotCount, visibleRange } from '../../renderer/components/VirtualList';

// Recycled rows (renderer/components/VirtualList.tsx): row i is drawn by slot i % slotCount, so two rows of one
// window must never need the same slot, whatever the list length, row height, viewport height and scroll position.
describe('virtual list slots', () => {
  it('has a slot for every row of any window', () => {
    for (const rowHeight of [1, 7, 32, 36, 50]) {
      for (const viewport of [0, 1, 35, 36, 37, 420, 480, 1000]) {
        const slots = slotCount(rowHeight, viewport);
        for (const count of [0, 1, 5, 10_000]) {
          for (let top = 0; top <= Math.min(count * rowHeight, 5_000); top += 13) {
            const { start, end } = visibleRange(count, rowHeight, viewport, top);
            expect(end - start).toBeLessThanOrEqual(slots);
            const used = new Set<number>();
            for (let i = start; i < end; i++) used.add(i % slots);
            expect(used.size).toBe(end - start);
          }
        }
      }
    }
  });

  it('is a screenful plus one plus the overscan on both sides', () => {
    expect(slotCount(36, 420)).toBe(12 + 1 + 12);
    expect(slotCount(36, 0)).toBe(1 + 12);
    expect(slotCount(0, 420)).toBe(0);
  });
});
