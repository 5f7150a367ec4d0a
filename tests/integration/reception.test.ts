import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import type { OutboxList, ReceptionEntry, ReceptionForm } from '../../electron/contract';
import type { TrainingServer } from '../../electron/training/server';
import { okValue, openLoggedInTrainingApp, type LoggedInTrainingApp } from '../support/trained-app';

// 障害時受付 through the app's own handler table (same validation as the window), with the real OS keychain, the
// real encrypted records database and the in-process training backend over TLS 1.3: the backend goes away, the
// counter's entry is saved and queued, the backend comes back, the queue re-runs the check and the differences wait
// for a staff decision; nothing is overwritten silently.

let world: LoggedInTrainingApp;
let app: KaigoApp;
let backend: TrainingServer;

const dispatch = <T = unknown>(name: string, payload: unknown = {}) => world.dispatch<T>(name, payload);
const value = okValue;

beforeAll(async () => {
  world = await openLoggedInTrainingApp();
  ({ app, backend } = world);
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const found = () =>
  backend.data.data.persons.filter((p) => p.insurer.live && !p.flags.notYetReflected && !p.flags.qualificationLost);

/** What the counter wrote down: the person's paper 証, with the care level and burden ratio as the client said. */
function formFor(p: ReturnType<typeof found>[number], changes: Partial<ReceptionForm> = {}): ReceptionForm {
  const card = p.insuredCard;
  return {
    name: card.name ?? '練習 太郎',
    sex: card.sex ?? '1',
    birthDate: card.birthDate ?? '1940-01-01',
    address: card.address ?? '東京都千代田区1-1',
    insurerNumber: card.insurerNumber,
    insuredNumber: card.insuredNumber,
    careLevel: card.careLevel ?? '21',
    certificationFrom: card.certificationPeriod?.from ?? '2026-04-01',
    certificationTo: card.certificationPeriod?.to ?? '2027-03-31',
    burdenRatio: p.burdenRatio.ratio,
    ...changes,
  };
}

describe('障害時受付', () => {
  it('saves and queues while the service is gone, re-runs when it is back, and waits for approval', async () => {
    const person = found().find((p) => p.insuredCard.careLevel === '22' && p.burdenRatio.ratio === '10')!;
    backend.data.registerService(person.personKey, '1370100016', 'pin', new Date());
    await backend.suspend();
    expect(await dispatch('eligibility.fetch', { personKey: person.personKey })).toMatchObject({ ok: false });
    expect(app.connectivity.receptionShouldQueue()).toBe(true);

    const form = formFor(person, { careLevel: '23', burdenRatio: '20' });
    const saved = await value(dispatch<ReceptionEntry>('reception.save', { form }));
    expect(saved).toMatchObject({ state: 'queued', personKey: person.personKey, recheck: null });

    const queued = await value(dispatch<OutboxList>('outbox.list'));
    expect(queued.queued).toBe(1);
    expect(queued.unavailableSince).not.toBeNull();
    expect(queued.jobs[0]).toMatchObject({ kind: 'reception.recheck', state: 'pending' });
    // The list carries no payload, no key and nothing personal.
    expect(Object.keys(queued.jobs[0]!).sort()).toEqual(
      ['attempts', 'createdAt', 'id', 'kind', 'lastErrorCode', 'nextAttemptAt', 'state', 'updatedAt'].sort(),
    );
    expect(JSON.stringify(queued)).not.toContain(person.insuredCard.insuredNumber);

    await backend.resume();
    await value(dispatch('outbox.retryNow'));
    const [entry] = await value(dispatch<ReceptionEntry[]>('reception.list'));
    expect(entry).toMatchObject({ id: saved.id, state: 'awaiting-approval', form });
    expect(entry!.recheck!.serviceStatus).toBe('found');
    expect(entry!.recheck!.differences).toEqual([
      { field: 'careLevel', label: '要介護状態区分等', before: '要介護3', after: '要介護2' },
      { field: 'burdenRatio', label: '利用者負担の割合', before: '2割', after: '1割' },
    ]);
    expect((await value(dispatch<OutboxList>('outbox.list'))).queued).toBe(0);

    const approved = await value(dispatch<ReceptionEntry>('reception.approve', { id: saved.id }));
    expect(approved).toMatchObject({ state: 'approved', decidedBy: 'cm-renshu01' });
    expect(await dispatch('reception.approve', { id: saved.id })).toMatchObject({
      ok: false,
      error: { code: 'RECEPTION_NOT_AWAITING' },
    });
  }, 60_000);

  it('keeps a refused re-run (no card check yet) with its code for staff to decide', async () => {
    const person = found().find((p) => !backend.data.grantFor(p.personKey, '1370100016'))!;
    const saved = await value(dispatch<ReceptionEntry>('reception.save', { form: formFor(person) }));
    await value(dispatch('outbox.retryNow'));
    const entry = (await value(dispatch<ReceptionEntry[]>('reception.list'))).find((e) => e.id === saved.id)!;
    expect(entry.state).toBe('recheck-refused');
    expect(entry.recheck).toMatchObject({ refusalCode: 'KIBAN_NOT_SERVED', differences: [] });
    expect(await value(dispatch<ReceptionEntry>('reception.reject', { id: saved.id }))).toMatchObject({
      state: 'rejected',
    });
    // Rejected: what the counter wrote down is kept as the client's statement, 申立（未確認）, and the person is
    // this office's to find in 利用者.
    const form = formFor(person);
    expect(
      await value(dispatch<Array<Record<string, unknown>>>('paper.list', { personKey: person.personKey })),
    ).toEqual([
      expect.objectContaining({
        kind: 'insured-card',
        source: 'declaration',
        enteredBy: 'cm-renshu01',
        validFrom: form.certificationFrom,
        validTo: form.certificationTo,
        body: expect.objectContaining({ name: form.name, careLevel: form.careLevel, address: form.address }),
      }),
    ]);
    const detail = await value(
      dispatch<{ items: Array<{ kind: string; source: string }> }>('persons.get', {
        personKey: person.personKey,
      }),
    );
    expect(detail.items).toEqual([expect.objectContaining({ kind: 'insured-card', source: 'declaration' })]);
    const search = await value(
      dispatch<{ rows: Array<{ personKey: string }> }>('persons.search', {
        query: person.insuredCard.insuredNumber,
      }),
    );
    expect(search.rows.map((r) => r.personKey)).toEqual([person.personKey]);
  }, 30_000);

  it('audits reception as its own action (saved, decided) and the kept statement as a paper entry', async () => {
    const rows = app.audit().rows();
    const reception = rows.filter((r) => r.action === 'reception').map((r) => r.detail);
    expect(reception).toEqual([
      '{"reception":"QUEUED"}',
      '{"differences":2,"reception":"APPROVED"}',
      '{"reception":"QUEUED"}',
      '{"differences":0,"reception":"REJECTED"}',
    ]);
    expect(rows.filter((r) => r.action === 'paper-entry').map((r) => r.detail)).toEqual([
      '{"kind":"INSURED-CARD","source":"DECLARATION"}',
    ]);
    expect(rows.some((r) => r.action === 'view' && r.detail?.includes('reception'))).toBe(false);
  });

  it('shows no differences when the counter and the service agree, still waiting for a decision', async () => {
    const person = found().find((p) => !backend.data.grantFor(p.personKey, '1370100016'))!;
    backend.data.registerService(person.personKey, '1370100016', 'pin', new Date());
    const saved = await value(dispatch<ReceptionEntry>('reception.save', { form: formFor(person) }));
    await value(dispatch('outbox.retryNow'));
    const entry = (await value(dispatch<ReceptionEntry[]>('reception.list'))).find((e) => e.id === saved.id)!;
    expect(entry).toMatchObject({ state: 'awaiting-approval', recheck: { differences: [] } });
  }, 30_000);

  it('refuses bad input with a code, before anything is stored', async () => {
    const person = found()[0]!;
    const before = (await value(dispatch<ReceptionEntry[]>('reception.list'))).length;
    expect(await dispatch('reception.save', { form: { ...formFor(person), insuredNumber: '12345' } })).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_INPUT' },
    });
    expect(
      await dispatch('reception.save', { form: { ...formFor(person), certificationTo: '2020-01-01' } }),
    ).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_INPUT' } });
    expect(await dispatch('reception.save', { form: { ...formFor(person), birthDate: '2199-01-01' } })).toMatchObject({
      ok: false,
      error: { code: 'RECEPTION_INVALID' },
    });
    expect(await value(dispatch<ReceptionEntry[]>('reception.list'))).toHaveLength(before);
  });
});
