import { describe, expect, it } from 'vitest';
import { IdleLock } from '../../electron/services/session';

// The idle lock's decisions on an injected clock (DESIGN.md §4): no real waiting.

function setup(minutes = 10) {
  let now = Date.parse('2026-11-26T01:00:00Z');
  const lock = new IdleLock(() => new Date(now), minutes);
  return { lock, advance: (m: number) => (now += m * 60_000) };
}

describe('IdleLock', () => {
  it('never locks while nobody is logged in', () => {
    const { lock, advance } = setup();
    advance(60);
    expect(lock.isLocked()).toBe(false);
    lock.lock();
    expect(lock.isLocked()).toBe(false);
  });

  it('locks exactly when the idle minutes have passed since the last input', () => {
    const { lock, advance } = setup(10);
    lock.start();
    advance(9.99);
    expect(lock.isLocked()).toBe(false);
    lock.touch();
    advance(9.99);
    expect(lock.isLocked()).toBe(false);
    advance(0.01);
    expect(lock.isLocked()).toBe(true);
  });

  it('stays locked on later input; reopens only after reopen(), with a fresh period', () => {
    const { lock, advance } = setup(10);
    lock.start();
    advance(10);
    lock.touch();
    expect(lock.isLocked()).toBe(true);
    lock.reopen();
    expect(lock.isLocked()).toBe(false);
    advance(9);
    expect(lock.isLocked()).toBe(false);
    advance(1);
    expect(lock.isLocked()).toBe(true);
  });

  it('a login starts a fresh period even after a long idle time; logout clears the lock', () => {
    const { lock, advance } = setup(10);
    advance(120);
    lock.start();
    expect(lock.isLocked()).toBe(false);
    lock.lock();
    expect(lock.isLocked()).toBe(true);
    lock.stop();
    expect(lock.isLocked()).toBe(false);
  });

  it('uses the configured minutes', () => {
    const { lock, advance } = setup(1);
    lock.start();
    advance(1);
    expect(lock.isLocked()).toBe(true);
    expect(lock.idleMinutes).toBe(1);
  });
});
