import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import type { IdleState } from '../../electron/contract';
import { createTestApp } from '../support/app';
import { startKeyringSession, type KeyringSession } from '../support/keyring';

// The idle lock as the main process enforces it (DESIGN.md §4): after the idle minutes without input, calls that read
// personal data are refused whatever the window shows; input no longer opens it; only the same staff member's
// password (checked against the offline verifier sealed in the real OS keychain's vault) resumes; every attempt is
// audited. The app's clock is moved — no real ten-minute wait.

const trusted = { url: 'app://kaigo/index.html', isMainFrame: true };
let keyring: KeyringSession;
let app: KaigoApp;
let remove: () => Promise<void>;
let offsetMs = 0;

beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
  ({ app, remove } = await createTestApp({ clock: () => new Date(Date.now() + offsetMs) }));
});
afterAll(async () => {
  await remove?.();
  await keyring?.stop();
});

const dispatch = (name: string, payload: unknown = {}) => app.dispatch(name, trusted, payload);
const idle = async () => ((await dispatch('session.activity', { active: false })) as { value: IdleState }).value;
const minutes = (n: number) => (offsetMs += n * 60_000);

async function login() {
  await dispatch('session.login', { staffId: 'cm-renshu01', password: 'Renshu-CM-2026!' });
  const code = (await app.trainingBackend())!.mailbox.latestFor('cm-renshu01')!.code;
  expect(await dispatch('session.submitOtp', { code })).toMatchObject({ ok: true });
}

describe('idle lock', () => {
  it('does nothing while nobody is logged in', async () => {
    minutes(30);
    expect(await idle()).toEqual({ locked: false, staffId: null, idleMinutes: 10 });
  });

  it('locks after 10 minutes without input, and refuses personal data while locked', async () => {
    await login();
    expect(await dispatch('persons.search', { query: '' })).toMatchObject({ ok: true });
    minutes(9);
    await dispatch('session.activity', { active: true }); // input at minute 9 restarts the period
    minutes(9);
    expect(await idle()).toMatchObject({ locked: false, staffId: 'cm-renshu01' });
    minutes(1.1);
    expect(await idle()).toMatchObject({ locked: true, staffId: 'cm-renshu01' });
    for (const [call, payload] of [
      ['persons.search', { query: '' }],
      ['deadlines.list', {}],
      ['card.begin', {}],
    ] as const) {
      expect(await dispatch(call, payload)).toMatchObject({ ok: false, error: { code: 'SESSION_IDLE_LOCKED' } });
    }
    // Input after the lock closed does not open it.
    expect((await dispatch('session.activity', { active: true })) as unknown).toMatchObject({
      ok: true,
      value: { locked: true },
    });
  });

  it('refuses a wrong password (audited) and resumes with the right one', async () => {
    expect(await dispatch('session.resume', { password: 'not-it' })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_RESUME_REFUSED' },
    });
    expect(await idle()).toMatchObject({ locked: true });
    expect(await dispatch('session.resume', { password: 'Renshu-CM-2026!' })).toMatchObject({
      ok: true,
      value: { locked: false, staffId: 'cm-renshu01' },
    });
    expect(await dispatch('persons.search', { query: '' })).toMatchObject({ ok: true });
    const resumes = app
      .audit()
      .rows()
      .filter((r) => r.action === 'offline-unlock')
      .map((r) => [r.staffId, JSON.parse(r.detail!)]);
    expect(resumes).toEqual([
      ['cm-renshu01', { kind: 'IDLE-RESUME', outcome: 'REFUSED' }],
      ['cm-renshu01', { kind: 'IDLE-RESUME', outcome: 'UNLOCKED' }],
    ]);
  });

  it('locks on request, and 「別の職員でログイン」 (logout) clears the lock', async () => {
    expect(await dispatch('session.lock')).toMatchObject({ ok: true, value: { locked: true } });
    expect(await dispatch('persons.search', { query: '' })).toMatchObject({ error: { code: 'SESSION_IDLE_LOCKED' } });
    await dispatch('session.logout');
    expect(await idle()).toEqual({ locked: false, staffId: null, idleMinutes: 10 });
    expect(await dispatch('persons.search', { query: '' })).toMatchObject({
      error: { code: 'SESSION_LOGIN_REQUIRED' },
    });
    expect(await dispatch('session.resume', { password: 'Renshu-CM-2026!' })).toMatchObject({
      error: { code: 'SESSION_LOGIN_REQUIRED' },
    });
  });
});

describe('idle lock over an offline unlock', () => {
  it('locks the read-only offline access too and resumes with the same verifier', async () => {
    // The service is unreachable: the verifier sealed at the online login above opens the cache read-only.
    app.connectivity.observe({ kind: 'failure', cause: 'network' });
    expect(app.connectivity.receptionShouldQueue()).toBe(true);
    expect(
      await dispatch('session.unlockOffline', { staffId: 'cm-renshu01', password: 'Renshu-CM-2026!' }),
    ).toMatchObject({ ok: true, value: { phase: 'offline-read-only' } });
    expect(await dispatch('persons.search', { query: '' })).toMatchObject({ ok: true });
    minutes(10);
    expect(await idle()).toMatchObject({ locked: true, staffId: 'cm-renshu01' });
    expect(await dispatch('persons.search', { query: '' })).toMatchObject({ error: { code: 'SESSION_IDLE_LOCKED' } });
    expect(await dispatch('session.resume', { password: 'Renshu-CM-2026!' })).toMatchObject({
      ok: true,
      value: { locked: false },
    });
    expect(await dispatch('persons.search', { query: '' })).toMatchObject({ ok: true });
  });
});
