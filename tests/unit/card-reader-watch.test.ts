import { beforeAll, describe, expect, it } from 'vitest';
import { watchReaders, type ReaderWatchEvent } from '../../electron/services/card';
import {
  createSimulatedPcsc,
  createTrainingCa,
  issueUserAuthCard,
  VirtualMyNumberCard,
  type IssuedCard,
} from '../../electron/training/virtual-card';

let material: IssuedCard;
beforeAll(() => {
  material = issueUserAuthCard(createTrainingCa());
});

describe('reader watch', () => {
  it('reports readers, card insertion and removal, and backs off while the service is down', () => {
    const pcsc = createSimulatedPcsc(['A', 'B']);
    const events: ReaderWatchEvent[] = [];
    const watch = watchReaders({ pcsc, onEvent: (e) => events.push(e), intervalMs: 100, maxBackoffMs: 400 });
    expect(watch.pollNow()).toBe(100);
    expect(events).toEqual([{ type: 'readersChanged', readers: ['A', 'B'] }]);
    events.length = 0;

    pcsc.insert('B', new VirtualMyNumberCard({ material }));
    watch.pollNow();
    watch.pollNow();
    expect(events).toEqual([{ type: 'cardInserted', reader: 'B' }]);
    events.length = 0;

    pcsc.setServiceRunning(false);
    expect([watch.pollNow(), watch.pollNow(), watch.pollNow(), watch.pollNow()]).toEqual([100, 200, 400, 400]);
    expect(events).toEqual([{ type: 'serviceDown' }]);
    events.length = 0;

    pcsc.remove('B');
    pcsc.setServiceRunning(true);
    expect(watch.pollNow()).toBe(100);
    expect(events).toEqual([{ type: 'serviceUp' }, { type: 'readersChanged', readers: ['A', 'B'] }]);
    events.length = 0;

    pcsc.insert('A', new VirtualMyNumberCard({ material }));
    watch.pollNow();
    pcsc.remove('A');
    watch.pollNow();
    expect(events).toEqual([
      { type: 'cardInserted', reader: 'A' },
      { type: 'cardRemoved', reader: 'A' },
    ]);
  });
});
