import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import type { PurgeTimer } from '../../electron/services/cache';
import { TRAINING_STAFF, type TrainingServer } from '../../electron/training/server';
import { createTestApp, testHost } from '../support/app';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { waitFor } from '../support/temp';

// Review finding (task C item 3) through the real app (dispatcher, training backend over TLS 1.3, OS keychain on a
// private D-Bus, encrypted cache and records): a person the counter entered from a paper 被保険者証 stays in this
// office's 利用者 after the scheduled served-list refresh (the service does not list them) and after a restart's
// purge, while a person the service stops listing goes.

const SENDER = { url: 'app://kaigo/index.html', isMainFrame: true };
const OFFICE = '1370100016';
let keyring: KeyringSession;
const host = testHost();
const ticks: Array<() => void> = [];
const purgeTimer: PurgeTimer = { every: (_ms, fn) => (ticks.push(fn), () => {}) };

async function call<T = unknown>(app: KaigoApp, name: string, payload: unknown = {}): Promise<T> {
  const result = await app.dispatch(name, SENDER, payload);
  if (!result.ok) throw Object.assign(new Error(result.error.code), { code: result.error.code });
  return result.value as T;
}

async function login(app: KaigoApp, server: TrainingServer) {
  const staff = TRAINING_STAFF.find((s) => s.staffId === 'cm-renshu01')!;
  await call(app, 'session.login', { staffId: staff.staffId, password: staff.password });
  await call(app, 'session.submitOtp', { code: server.mailbox.latestFor(staff.staffId)!.code });
}

const found = async (app: KaigoApp, query: string) =>
  (await call<{ rows: Array<{ personKey: string }> }>(app, 'persons.search', { query })).rows.map((r) => r.personKey);

const refreshes = (app: KaigoApp) =>
  app
    .audit()
    .rows()
    .filter((r) => r.action === 'purge' && r.detail?.includes('"servedListRefreshed":true')).length;

beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
});
afterAll(async () => {
  host.remove();
  await keyring?.stop();
});

describe('persons added at the counter and the served-list refresh', () => {
  it('keeps the paper person through refreshes and a restart; drops a person the service no longer lists', async () => {
    const first = await createTestApp({ purgeTimer }, host);
    const server = (await first.app.trainingBackend())!;
    const persons = server.data.data.persons;
    const paper = persons[41]!; // never checked online by this office: the service does not list them
    const listed = persons.find((p, i) => i > 10 && i !== 41 && p.insurer.live && !p.flags.notYetReflected)!;
    try {
      await login(first.app, server);
      server.data.registerService(listed.personKey, OFFICE, 'pin', new Date());
      await call(first.app, 'eligibility.fetch', { personKey: listed.personKey });
      const saved = await call(first.app, 'paper.save', {
        kind: 'insured-card',
        fields: {
          insurerNumber: paper.insurer.number,
          insuredNumber: paper.insuredCard.insuredNumber,
          name: '紙上 花子',
          birthDate: '1941-05-06',
        },
      });
      expect(saved).toMatchObject({ saved: true, personKey: paper.personKey });
      expect(server.data.served(OFFICE, new Date()).map((p) => p.personKey)).not.toContain(paper.personKey);

      // The scheduled refresh: the service's list names `listed`, not the paper person.
      ticks[0]!();
      await waitFor('the first refresh', () => refreshes(first.app) === 1);
      expect(await found(first.app, paper.insuredCard.insuredNumber)).toEqual([paper.personKey]);
      expect(await found(first.app, listed.insuredCard.insuredNumber)).toEqual([listed.personKey]);
      expect(await call(first.app, 'persons.get', { personKey: paper.personKey })).toMatchObject({
        person: { personKey: paper.personKey, name: '紙上 花子' },
        items: [{ kind: 'insured-card', source: 'paper' }],
      });

      // The service stops listing `listed` (its relationship ended): the next refresh purges it, not the paper person.
      const realServed = server.data.served.bind(server.data);
      server.data.served = (office, now) => realServed(office, now).filter((p) => p.personKey !== listed.personKey);
      ticks[0]!();
      await waitFor('the second refresh', () => refreshes(first.app) === 2);
      expect(await found(first.app, listed.insuredCard.insuredNumber)).toEqual([]);
      expect(await found(first.app, paper.insuredCard.insuredNumber)).toEqual([paper.personKey]);
    } finally {
      await first.app.close();
    }

    // A restart runs the start purge first (orphan lookup rows go): the paper person has no snapshot, and stays.
    const again = await createTestApp({}, host);
    try {
      await login(again.app, (await again.app.trainingBackend())!);
      expect(await found(again.app, paper.insuredCard.insuredNumber)).toEqual([paper.personKey]);
      expect(again.app.audit().verify()).toMatchObject({ kind: 'ok' });
    } finally {
      await again.app.close();
    }
  });
});
