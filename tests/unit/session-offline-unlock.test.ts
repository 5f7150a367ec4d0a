import { describe, expect, it } from 'vitest';
import { IdleTimer, OfflineUnlock, verifierBlobName, type OfflineAuditEntry } from '../../electron/services/session';
import { KaigoError } from '../../electron/services/errors';
import { memorySealedStore } from '../support/memory-store';

// Offline unlock (DESIGN.md §4): correct password unlocks read-only; a wrong one is refused; past the limit it is
// refused; each attempt is audited. Idle lock resumes for the same staff member only.

const HOUR = 3_600_000;
const staff = { staffId: 'cm-renshu01', jobType: 'care-manager', officeNumber: '1370100016' };
const PASSWORD = 'Renshu-CM-2026!';

function setup(offlineHours = 72) {
  let now = Date.parse('2026-11-26T00:00:00Z');
  const store = memorySealedStore();
  const { blobs } = store;
  const audit: OfflineAuditEntry[] = [];
  const offline = new OfflineUnlock({ store, clock: () => new Date(now), audit: (e) => audit.push(e), offlineHours });
  return { offline, blobs, audit, advance: (ms: number) => (now += ms) };
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof KaigoError ? e.code : 'other';
  }
};

describe('offline unlock', () => {
  it('seals a verifier without the password in it, under a name that hides the staff ID', () => {
    const { offline, blobs } = setup();
    offline.recordOnlineLogin(staff, offline.prepareVerifier(PASSWORD));
    const name = verifierBlobName(staff.staffId);
    expect(name).toMatch(/^[a-z0-9][a-z0-9.-]{0,63}$/);
    expect(name).not.toContain('renshu');
    const text = blobs.get(name)!.toString('utf8');
    expect(text).not.toContain(PASSWORD);
    expect(JSON.parse(text)).toMatchObject({ jobType: 'care-manager', officeNumber: '1370100016' });
  });

  it('unlocks read-only with the right password until 72 h after the last online login', () => {
    const { offline, audit, advance } = setup();
    offline.recordOnlineLogin(staff, offline.prepareVerifier(PASSWORD));
    advance(71 * HOUR);
    expect(offline.unlock(staff.staffId, PASSWORD)).toEqual({
      staff,
      readOnly: true,
      validUntil: '2026-11-29T00:00:00.000Z',
    });
    advance(HOUR);
    expect(codeOf(() => offline.unlock(staff.staffId, PASSWORD))).toBe('SESSION_OFFLINE_EXPIRED');
    expect(audit.map((a) => a.outcome)).toEqual(['unlocked', 'expired']);
    // A new online login restarts the window.
    offline.recordOnlineLogin(staff, offline.prepareVerifier(PASSWORD));
    expect(offline.unlock(staff.staffId, PASSWORD).readOnly).toBe(true);
  });

  it('refuses a wrong password and an unknown ID alike, audits each, and pauses after 5 failures', () => {
    const { offline, audit, advance } = setup();
    offline.recordOnlineLogin(staff, offline.prepareVerifier(PASSWORD));
    expect(codeOf(() => offline.unlock(staff.staffId, 'wrong'))).toBe('SESSION_OFFLINE_REFUSED');
    expect(codeOf(() => offline.unlock('someone-else', PASSWORD))).toBe('SESSION_OFFLINE_REFUSED');
    for (let i = 0; i < 3; i++)
      expect(codeOf(() => offline.unlock(staff.staffId, 'wrong'))).toBe('SESSION_OFFLINE_REFUSED');
    expect(codeOf(() => offline.unlock(staff.staffId, PASSWORD))).toBe('SESSION_OFFLINE_THROTTLED');
    advance(15 * 60_000);
    expect(offline.unlock(staff.staffId, PASSWORD).staff.staffId).toBe(staff.staffId);
    expect(audit.map((a) => a.outcome)).toEqual([
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
      'throttled',
      'unlocked',
    ]);
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it('the configured limit applies (e.g. 24 h)', () => {
    const { offline, advance } = setup(24);
    offline.recordOnlineLogin(staff, offline.prepareVerifier(PASSWORD));
    advance(24 * HOUR);
    expect(codeOf(() => offline.unlock(staff.staffId, PASSWORD))).toBe('SESSION_OFFLINE_EXPIRED');
  });

  it('forget() removes offline access (offboarding)', () => {
    const { offline, blobs } = setup();
    offline.recordOnlineLogin(staff, offline.prepareVerifier(PASSWORD));
    offline.forget(staff.staffId);
    expect(blobs.size).toBe(0);
    expect(codeOf(() => offline.unlock(staff.staffId, PASSWORD))).toBe('SESSION_OFFLINE_REFUSED');
  });
});

describe('idle lock', () => {
  it('locks after 10 idle minutes and resumes for the same staff member only', () => {
    const { offline, audit, advance } = setup();
    offline.recordOnlineLogin(staff, offline.prepareVerifier(PASSWORD));
    let now = 0;
    const idle = new IdleTimer(() => new Date(now), 10);
    now += 9 * 60_000;
    expect(idle.isLocked()).toBe(false);
    idle.touch();
    now += 10 * 60_000;
    expect(idle.isLocked()).toBe(true);
    advance(60_000);
    expect(codeOf(() => offline.resume(staff, 'admin-renshu01', 'Renshu-Admin-2026!'))).toBe('SESSION_OFFLINE_REFUSED');
    expect(codeOf(() => offline.resume(staff, staff.staffId, 'wrong'))).toBe('SESSION_OFFLINE_REFUSED');
    expect(offline.resume(staff, staff.staffId, PASSWORD).staff).toEqual(staff);
    idle.touch();
    expect(idle.isLocked()).toBe(false);
    expect(audit.map((a) => `${a.event}:${a.outcome}`)).toEqual([
      'idle-resume:refused',
      'idle-resume:refused',
      'idle-resume:unlocked',
    ]);
  });
});

describe('idle resume and the offline-hours limit', () => {
  it('resumes an open login even past the offline hours (e.g. offline unlock switched off with 0 hours)', () => {
    const { offline, advance } = setup(0);
    offline.recordOnlineLogin(staff, offline.prepareVerifier(PASSWORD));
    advance(20 * 60_000);
    expect(codeOf(() => offline.unlock(staff.staffId, PASSWORD))).toBe('SESSION_OFFLINE_EXPIRED');
    expect(offline.resume(staff, staff.staffId, PASSWORD).staff).toEqual(staff);
  });
});
