import { describe, expect, it } from 'vitest';
import { createConnectivity, type ConnectivitySnapshot } from '../../electron/services/connectivity';

function setup(overrides: Partial<Parameters<typeof createConnectivity>[0]> = {}) {
  let now = Date.parse('2026-11-26T01:00:00Z');
  const changes: ConnectivitySnapshot[] = [];
  const machine = createConnectivity({
    clock: () => new Date(now),
    onChange: (s) => changes.push(s),
    random: () => 0.5,
    ...overrides,
  });
  return { machine, changes, advance: (ms: number) => (now += ms) };
}

describe('connectivity state machine', () => {
  it('starts unknown and goes online on a fast answer, degraded on a slow one', () => {
    const { machine, changes, advance } = setup();
    expect(machine.snapshot().connectivity).toBe('unknown');
    advance(1000);
    machine.observe({ kind: 'success', latencyMs: 40 });
    expect(machine.snapshot()).toEqual({
      connectivity: 'online',
      since: '2026-11-26T01:00:01.000Z',
      consecutiveFailures: 0,
    });
    machine.observe({ kind: 'success', latencyMs: 5000 });
    expect(machine.snapshot().connectivity).toBe('degraded');
    expect(changes.map((c) => c.connectivity)).toEqual(['online', 'degraded']);
  });

  it.each([
    ['network', 'offline'],
    ['timeout', 'outage'],
    ['tls', 'outage'],
    ['certificate', 'certificate'],
  ] as const)('maps a %s failure to %s and tells reception to queue', (cause, expected) => {
    const { machine } = setup();
    machine.observe({ kind: 'success', latencyMs: 10 });
    machine.observe({ kind: 'failure', cause });
    expect(machine.snapshot().connectivity).toBe(expected);
    expect(machine.receptionShouldQueue()).toBe(true);
  });

  it('needs two server errors in a row for an outage', () => {
    const { machine } = setup();
    machine.observe({ kind: 'failure', cause: 'server' });
    expect(machine.snapshot().connectivity).toBe('degraded');
    expect(machine.receptionShouldQueue()).toBe(false);
    machine.observe({ kind: 'failure', cause: 'server' });
    expect(machine.snapshot().connectivity).toBe('outage');
    machine.observe({ kind: 'success', latencyMs: 10 });
    machine.observe({ kind: 'failure', cause: 'server' });
    expect(machine.snapshot().connectivity).toBe('degraded');
  });

  it('keeps `since` at the moment the state changed, not at each observation', () => {
    const { machine, changes, advance } = setup();
    machine.observe({ kind: 'failure', cause: 'network' });
    const since = machine.snapshot().since;
    advance(60_000);
    machine.observe({ kind: 'failure', cause: 'network' });
    expect(machine.snapshot().since).toBe(since);
    expect(machine.snapshot().consecutiveFailures).toBe(2);
    expect(changes).toHaveLength(1);
  });

  it('backs off exponentially with jitter, capped', () => {
    const { machine } = setup({ retryBaseMs: 1000, retryMaxMs: 30_000 });
    const delays = [];
    for (let i = 0; i < 8; i++) {
      machine.observe({ kind: 'failure', cause: 'network' });
      delays.push(machine.nextRetryDelayMs());
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    const low = setup({ random: () => 0 });
    low.machine.observe({ kind: 'failure', cause: 'network' });
    expect(low.machine.nextRetryDelayMs()).toBe(800);
  });
});
