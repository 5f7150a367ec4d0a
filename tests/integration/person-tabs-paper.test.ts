import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import type { CallName } from '../../electron/contract';
import type { TrainingServer } from '../../electron/training/server';
import { createTestApp } from '../support/app';
import { startKeyringSession, type KeyringSession } from '../support/keyring';

// The person tabs and the paper path through the real app (dispatcher, handlers, encrypted cache and records, audit
// log in the real keychain) against the training backend: tabs are fetched and cached; a viewing refusal is
// returned, never masked by the cache; when the backend is gone the cached answer comes back marked as such; paper
// entries are checked per field, saved with the staff member and audited without personal data.
let keyring: KeyringSession;
let built: Awaited<ReturnType<typeof createTestApp>>;
let app: KaigoApp;
let backend: TrainingServer;

const sender = { url: 'app://kaigo/index.html', isMainFrame: true };
const invoke = (name: CallName, payload: unknown) => app.dispatch(name, sender, payload);

beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
  built = await createTestApp();
  app = built.app;
  backend = (await app.trainingBackend())!;
  expect(await invoke('session.login', { staffId: 'cm-renshu01', password: 'Renshu-CM-2026!' })).toMatchObject({
    ok: true,
  });
  const code = backend.mailbox.latestFor('cm-renshu01')!.code;
  expect(await invoke('session.submitOtp', { code })).toMatchObject({ ok: true });
});
afterAll(async () => {
  await built?.remove();
  await keyring?.stop();
});

const persons = () => backend.data.data.persons;

describe('person tabs and paper entry through the app', () => {
  let applyingKey = '';

  it('fetches 申請進捗, allowances and documents online and caches them', async () => {
    const person = persons().find((p, i) => i > 10 && p.progress && p.insurer.live && !p.flags.notYetReflected)!;
    applyingKey = person.personKey;
    backend.data.registerService(person.personKey, '1370100016', 'pin', new Date());
    expect(await invoke('eligibility.fetch', { personKey: person.personKey })).toMatchObject({ ok: true });
    const progress = await invoke('persons.progress', { personKey: person.personKey });
    expect(progress).toMatchObject({
      ok: true,
      value: { fromCache: false, source: 'training', application: person.progress },
    });
    const allowances = await invoke('persons.allowances', { personKey: person.personKey });
    expect(allowances).toMatchObject({
      ok: true,
      value: {
        homeModification: {
          remainingYen: person.allowances.homeModification.capYen - person.allowances.homeModification.usedYen,
        },
        welfareEquipment: { fiscalYear: person.allowances.welfareEquipment.fiscalYear },
      },
    });
    expect(await invoke('persons.documents', { personKey: person.personKey })).toMatchObject({
      ok: true,
      value: { summary: expect.stringContaining('練習用') },
    });
  });

  it('returns the service refusal for a person this office never checked, never a cached answer', async () => {
    const stranger = persons()[40]!;
    const result = await invoke('persons.progress', { personKey: stranger.personKey });
    expect(result).toMatchObject({ ok: false, error: { code: 'KIBAN_NOT_SERVED' } });
  });

  it('refuses a malformed person key at the boundary', async () => {
    expect(await invoke('persons.allowances', { personKey: '12-3' })).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_INPUT' },
    });
    expect(await invoke('paper.save', { kind: 'burden-ratio', fields: { evil: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_INPUT' },
    });
  });

  it('saves a paper 負担割合証 with per-field problems first, then 紙で確認 with the staff member, audited', async () => {
    const person = persons().find((p) => p.personKey === applyingKey)!;
    const fields = {
      insurerNumber: person.insurer.number,
      insuredNumber: person.insuredCard.insuredNumber,
      ratio: '20',
      periodFrom: 'R8.8.1',
      periodTo: '令和8年7月31日', // before the start
    };
    const wrong = await invoke('paper.save', { kind: 'burden-ratio', fields });
    expect(wrong).toMatchObject({
      ok: true,
      value: { saved: false, problems: [{ field: 'periodTo', code: 'PAPER_FIELD_PERIOD_ORDER' }] },
    });
    const saved = await invoke('paper.save', { kind: 'burden-ratio', fields: { ...fields, periodTo: 'R9.7.31' } });
    expect(saved.ok).toBe(true);
    const value = (saved as { value: { saved: true; detail: { items: Array<{ kind: string; source: string }> } } })
      .value;
    expect(value.saved).toBe(true);
    expect(value.detail.items).toContainEqual(expect.objectContaining({ kind: 'burden-ratio', source: 'paper' }));
    const list = await invoke('paper.list', { personKey: applyingKey });
    expect(list).toMatchObject({
      ok: true,
      value: [{ kind: 'burden-ratio', source: 'paper', enteredBy: 'cm-renshu01', validTo: '2027-07-31' }],
    });
    const rows = app.audit().rows();
    const paperRows = rows.filter((r) => r.action === 'paper-entry');
    expect(paperRows.map((r) => r.detail)).toEqual(['{"kind":"BURDEN-RATIO","source":"PAPER"}']);
    expect(paperRows[0]!.subject).toMatch(/^person:[0-9a-f]{64}$/);
    expect(rows.filter((r) => r.action === 'card-check')).toHaveLength(0);
    expect(JSON.stringify(rows)).not.toContain(person.insuredCard.insuredNumber);
    // 利用者 shows the paper 証 next to the online data, each saying its source.
    const detail = await invoke('persons.get', { personKey: applyingKey });
    expect(detail).toMatchObject({ ok: true });
    const items = (detail as { value: { items: Array<{ kind: string; source: string }> } }).value.items;
    expect(items).toContainEqual(expect.objectContaining({ kind: 'burden-ratio', source: 'paper' }));
    expect(items).toContainEqual(expect.objectContaining({ kind: 'insured-card', source: 'training' }));
  });

  it('serves a person entered from a paper 被保険者証 at this counter: found in 利用者, detail from paper', async () => {
    const stranger = persons()[41]!;
    const key = stranger.personKey;
    // Never fetched here: out of this office's scope.
    expect(await invoke('persons.get', { personKey: key })).toMatchObject({
      ok: false,
      error: { code: 'PERSON_NOT_CACHED' },
    });
    const saved = await invoke('paper.save', {
      kind: 'insured-card',
      fields: {
        insurerNumber: stranger.insurer.number,
        insuredNumber: stranger.insuredCard.insuredNumber,
        name: '紙上 花子',
        birthDate: '1941-05-06',
      },
    });
    expect(saved).toMatchObject({ ok: true, value: { saved: true, personKey: key } });
    const found = await invoke('persons.search', { query: stranger.insuredCard.insuredNumber });
    expect(found).toMatchObject({ ok: true, value: { rows: [{ personKey: key }] } });
    const detail = await invoke('persons.get', { personKey: key });
    expect(detail).toMatchObject({
      ok: true,
      value: {
        person: { personKey: key, name: '紙上 花子' },
        items: [{ kind: 'insured-card', source: 'paper', body: { name: '紙上 花子' } }],
      },
    });
  });

  it('audits a print and answers who printed it and when', async () => {
    const printed = await invoke('persons.printed', { personKey: applyingKey });
    expect(printed).toMatchObject({ ok: true, value: { printedBy: 'cm-renshu01' } });
    expect(
      app
        .audit()
        .rows()
        .filter((r) => r.action === 'print'),
    ).toHaveLength(1);
  });

  it('shows the cached tabs, marked as such, once the service is gone; the viewing scope still applies', async () => {
    const fresh = persons().find((p, i) => i > 10 && p.personKey !== applyingKey && p.insurer.live)!;
    backend.data.registerService(fresh.personKey, '1370100016', 'pin', new Date());
    expect(await invoke('eligibility.fetch', { personKey: fresh.personKey })).toMatchObject({ ok: true });
    await backend.close();
    const progress = await invoke('persons.progress', { personKey: applyingKey });
    expect(progress).toMatchObject({ ok: true, value: { fromCache: true, source: 'training' } });
    expect(await invoke('persons.allowances', { personKey: applyingKey })).toMatchObject({
      ok: true,
      value: { fromCache: true },
    });
    // Served but this tab never fetched here: nothing to show, said so.
    expect(await invoke('persons.progress', { personKey: fresh.personKey })).toMatchObject({
      ok: false,
      error: { code: 'PERSON_TAB_NOT_CACHED' },
    });
    // Not served by this office: refused offline as online.
    expect(await invoke('persons.progress', { personKey: persons()[40]!.personKey })).toMatchObject({
      ok: false,
      error: { code: 'KIBAN_NOT_SERVED' },
    });
    // Paper keeps working without the service.
    const person = persons().find((p) => p.personKey === applyingKey)!;
    const saved = await invoke('paper.save', {
      kind: 'insured-card',
      fields: {
        insurerNumber: person.insurer.number,
        insuredNumber: person.insuredCard.insuredNumber,
        name: person.insuredCard.name!,
        birthDate: person.insuredCard.birthDate!,
      },
    });
    expect(saved).toMatchObject({ ok: true, value: { saved: true } });
  });
});
