import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import type { PurgeTimer } from '../../electron/services/cache';
import type { TrainingServer } from '../../electron/training/server';
import { TRAINING_STAFF } from '../../electron/training/server';
import { createTestApp } from '../support/app';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir, waitFor } from '../support/temp';

// The viewing scope and the purge through the real app (app.ts dispatcher, training backend over TLS 1.3, OS keychain
// on a private D-Bus, encrypted cache): a person fetched by one office is searchable and listed for that office's
// staff only; the scheduled purge (driven through an injected timer) removes a person after consent withdrawal and
// audits counts only; the outage CSV is written by main to the file the save dialog returned.

const SENDER = { url: 'app://kaigo/index.html', isMainFrame: true };
let keyring: KeyringSession;
let app: KaigoApp;
let remove: () => Promise<void>;
let server: TrainingServer;
const files = tempDir('kd-outage-files-');
const ticks: Array<() => void> = [];
/** What the save dialog answers next: undefined = the default name in the temp folder, null = cancelled. */
let nextSave: string | null | undefined;
const purgeTimer: PurgeTimer = { every: (_ms, fn) => (ticks.push(fn), () => {}) };

async function call<T = unknown>(name: string, payload: unknown = {}): Promise<T> {
  const result = await app.dispatch(name, SENDER, payload);
  if (!result.ok) throw Object.assign(new Error(result.error.code), { code: result.error.code });
  return result.value as T;
}
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code ?? 'no-code',
  );

async function loginAs(staffId: string) {
  await call('session.logout');
  const staff = TRAINING_STAFF.find((s) => s.staffId === staffId)!;
  await call('session.login', { staffId, password: staff.password });
  await call('session.submitOtp', { code: server.mailbox.latestFor(staffId)!.code });
}

beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
  ({ app, remove } = await createTestApp({
    purgeTimer,
    chooseSaveFile: async ({ defaultName }) => (nextSave === undefined ? path.join(files.path, defaultName) : nextSave),
  }));
  server = (await app.trainingBackend())!;
});
afterAll(async () => {
  await remove?.();
  files.remove();
  await keyring?.stop();
});

const person = () =>
  server.data.data.persons.find((p) => p.insurer.live && !p.flags.notYetReflected && !p.flags.qualificationLost)!;

describe('viewing scope and purge through the app', () => {
  it('the fetching office finds the person, other job types of that office too; a refused person is purged', async () => {
    await loginAs('cm-renshu01');
    const p = person();
    server.data.registerService(p.personKey, '1370100016', 'pin', new Date());
    await call('eligibility.fetch', { personKey: p.personKey });
    const query = p.insuredCard.insuredNumber;
    const found = await call<{ rows: Array<{ personKey: string }> }>('persons.search', { query });
    expect(found.rows.map((r) => r.personKey)).toEqual([p.personKey]);

    await loginAs('admin-renshu01'); // same office, not a care manager
    expect((await call<{ rows: unknown[] }>('persons.search', { query })).rows).toHaveLength(1);
    const detail = await call<{ items: Array<{ kind: string }> }>('persons.get', { personKey: p.personKey });
    expect(detail.items.map((i) => i.kind).sort()).toEqual(
      ['burden-ratio', 'certification', 'insured-card', ...(p.burdenLimit ? ['burden-limit'] : [])].sort(),
    );

    // Cached here for another office only (as after that office's staff fetched it): hidden from this office.
    const cache = app.store().cache();
    cache.run(`UPDATE served_persons SET office_number = '1370100024' WHERE person_key = ?`, p.personKey);
    expect((await call<{ rows: unknown[] }>('persons.search', { query })).rows).toHaveLength(0);
    expect(await codeOf(call('persons.get', { personKey: p.personKey }))).toBe('KIBAN_NOT_SERVED');
    cache.run(`UPDATE served_persons SET office_number = '1370100016' WHERE person_key = ?`, p.personKey);

    // The service stops serving a second person to this office: the next fetch is refused and the cache follows.
    await loginAs('cm-renshu01');
    const q = server.data.data.persons.filter(
      (x) => x.insurer.live && !x.flags.notYetReflected && !x.flags.qualificationLost,
    )[1]!;
    server.data.registerService(q.personKey, '1370100016', 'pin', new Date());
    await call('eligibility.fetch', { personKey: q.personKey });
    expect(
      (await call<{ rows: unknown[] }>('persons.search', { query: q.insuredCard.insuredNumber })).rows,
    ).toHaveLength(1);
    server.data.endService(q.personKey, '1370100016');
    expect(await codeOf(call('eligibility.fetch', { personKey: q.personKey }))).toBe('KIBAN_NOT_SERVED');
    expect(
      (await call<{ rows: unknown[] }>('persons.search', { query: q.insuredCard.insuredNumber })).rows,
    ).toHaveLength(0);
    expect(await codeOf(call('persons.get', { personKey: q.personKey }))).toBe('PERSON_NOT_CACHED'); // purged, not merely hidden;
    const refusal = app
      .audit()
      .rows()
      .filter((r) => r.action === 'purge')
      .at(-1)!;
    expect(JSON.parse(refusal.detail!)).toMatchObject({ trigger: 'REFUSAL', persons: 1 });
  });

  it("exports today's visitors as CSV written by main, audited with counts", async () => {
    await loginAs('cm-renshu01');
    const out = await call<{ saved: boolean; rows: number; fileName: string }>('lists.exportCsv', {
      list: 'today-visitors',
    });
    expect(out).toMatchObject({ saved: true, rows: 1 });
    const text = fs.readFileSync(path.join(files.path, out.fileName), 'utf8');
    expect(text.startsWith('\uFEFF"練習モード — 実在の利用者ではありません"\r\n')).toBe(true);
    expect(text).toContain(`"${person().insuredCard.insuredNumber}"`);
    expect(fs.readdirSync(files.path).filter((f) => f.endsWith('.partial'))).toEqual([]);
    const exports = app
      .audit()
      .rows()
      .filter((r) => r.action === 'export');
    expect(exports.at(-1)!.detail).toBe('{"list":"TODAY_VISITORS","rows":1}');
    expect(exports.at(-1)!.subject).toBeNull();
  });

  it('a cancelled dialog saves nothing; an unwritable place is refused with its code and leaves no file', async () => {
    nextSave = null;
    expect(await call('lists.exportCsv', { list: 'certifications-ending' })).toEqual({
      saved: false,
      rows: 0,
      fileName: null,
    });
    nextSave = path.join(files.path, 'no-such-folder', 'list.csv');
    expect(await codeOf(call('lists.exportCsv', { list: 'certifications-ending' }))).toBe('LISTS_EXPORT_FAILED');
    expect(fs.existsSync(path.join(files.path, 'no-such-folder'))).toBe(false);
    nextSave = undefined;
    const printed = await call<{ staffId: string; rows: number }>('lists.printed', { list: 'today-visitors' });
    expect(printed).toMatchObject({ staffId: 'cm-renshu01', rows: 1 });
    expect(app.audit().rows().at(-1)).toMatchObject({ action: 'print', detail: '{"list":"TODAY_VISITORS","rows":1}' });
  });

  it('after consent withdrawal the scheduled purge removes the person and audits the counts', async () => {
    const p = person();
    expect(ticks).toHaveLength(1); // the schedule started with the first cached read
    server.data.setConsent(p.personKey, 'withdrawn');
    ticks[0]!();
    const row = await waitFor('a scheduled purge row', () =>
      app
        .audit()
        .rows()
        .find((r) => r.action === 'purge' && r.detail?.includes('SCHEDULE')),
    );
    expect(JSON.parse(row.detail!)).toMatchObject({ trigger: 'SCHEDULE', persons: 1, servedListRefreshed: true });
    expect(row.staffId).toBe('system');
    expect(row.subject).toBeNull();
    expect((await call<{ rows: unknown[] }>('persons.search', { query: p.insuredCard.insuredNumber })).rows).toEqual(
      [],
    );
    expect(await codeOf(call('persons.get', { personKey: p.personKey }))).toBe('PERSON_NOT_CACHED');
    const cache = app.store().cache();
    expect(cache.get('SELECT count(*) AS n FROM snapshots WHERE person_key = ?', p.personKey)).toEqual({ n: 0 });
  });
});
