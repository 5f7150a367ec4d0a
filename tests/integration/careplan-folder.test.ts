import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { CarePlanFileReport, LedgerEntryView, PartnerView } from '../../electron/contract';
import { parseCarePlanFile } from '../../electron/services/careplan';
import { createOutbox } from '../../electron/services/outbox';
import { tempDir } from '../support/temp';
import { okValue, openLoggedInTrainingApp, type LoggedInTrainingApp } from '../support/trained-app';

// The official channel through the app's own handler table (real keychain, real encrypted records database): a send
// unit written as correctly named .CSV files into a folder staff choose (the folder dialog is the only stand-in),
// アップロード待ち in the ledger until staff mark it uploaded, and a download folder imported into the ledger.

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan', 'canonical');
const ACTUALS = 'UPJSK_202412_1310200017_11_1310100019_43_20250105180000.CSV';
const work = tempDir('kd-careplan-folder-');
const exportDir = path.join(work.path, 'upload');
const downloadDir = path.join(work.path, 'download');
let chosen: string | null = null;
const asked: string[] = [];
let world: LoggedInTrainingApp;

const dispatch = <T = unknown>(name: string, payload: unknown = {}) => world.dispatch<T>(name, payload);
const ledger = async () => (await okValue(dispatch<{ entries: LedgerEntryView[] }>('careplan.ledger'))).entries;
/** The months view of the fixtures' person (131016-0000012345, 2024-12), through the app's cached book. */
const fixtureMonth = async () =>
  (
    await okValue(
      dispatch<{ months: { insured: string; month: string; planItems: number; actualProviders: number }[] }>(
        'careplan.months',
      ),
    )
  ).months.find((m) => m.insured === '0000012345' && m.month === '202412');

beforeAll(async () => {
  fs.mkdirSync(exportDir);
  fs.mkdirSync(downloadDir);
  world = await openLoggedInTrainingApp({
    chooseFolder: async (purpose) => (asked.push(purpose), chosen),
  });
}, 60_000);
afterAll(async () => {
  await world?.close();
  work.remove();
});

describe('care-plan official channel: folders', () => {
  let partner: PartnerView;
  let files: { name: string; content: string }[];
  let sentIds: number[];

  it('returns nothing and records nothing when the folder dialog is cancelled', async () => {
    partner = (await okValue(dispatch<PartnerView[]>('careplan.partners')))[0]!;
    ({ files } = await okValue(dispatch<{ files: typeof files }>('careplan.trainingPlan')));
    chosen = null;
    const r = await okValue(dispatch('careplan.send', { partnerId: partner.id, files, via: 'folder' }));
    expect(r).toEqual({ names: [], channel: 'folder', html: null, ledgerIds: [] });
    expect(asked).toEqual(['careplan-export']);
    expect(await ledger()).toEqual([]);
  });

  it('refuses a folder it cannot write to, with nothing recorded', async () => {
    chosen = path.join(work.path, 'missing');
    expect(await dispatch('careplan.send', { partnerId: partner.id, files, via: 'folder' })).toMatchObject({
      ok: false,
      error: { code: 'CAREPLAN_FOLDER_WRITE_FAILED' },
    });
    expect(await ledger()).toEqual([]);
  });

  it('writes the unit as named .CSV files, アップロード待ち in the ledger, nothing in the outbox', async () => {
    chosen = exportDir;
    const r = await okValue(
      dispatch<{ names: string[]; channel: string; ledgerIds: number[] }>('careplan.send', {
        partnerId: partner.id,
        files,
        via: 'folder',
      }),
    );
    expect(r.channel).toBe('folder');
    sentIds = r.ledgerIds;
    expect(r.names.map((n) => n.split('_')[0])).toEqual(['UPPLAN', 'UPSIKYU', 'UPHOSOKU']);
    expect(fs.readdirSync(exportDir).sort()).toEqual([...r.names].sort());
    for (const name of r.names) {
      expect(name).toMatch(/^[A-Z]+_\d{6}_\d{10}_\d{2}_\d{10}_\d{2}_\d{14}\.CSV$/);
      const read = parseCarePlanFile(name, fs.readFileSync(path.join(exportDir, name)), { now: new Date() });
      expect(read.counts).toEqual({ error: 0, warning: 0, note: 0 });
    }
    const entries = await ledger();
    expect(entries.map((e) => [e.direction, e.fileName, e.state, e.stateLabel, e.awaitingUpload]).sort()).toEqual(
      r.names.map((n) => ['sent', n, 'awaiting-upload', 'アップロード待ち', true]).sort(),
    );
    const jobs = createOutbox({ db: () => world.app.store().records(), clock: () => new Date() }).due(10);
    expect(jobs.filter((j) => j.kind === 'careplan.files')).toEqual([]);
  });

  it('marks the files uploaded: 送信済; refuses again, and refuses an unknown record', async () => {
    expect(await okValue(dispatch('careplan.markUploaded', { ids: sentIds }))).toEqual({ updated: 3 });
    const entries = await ledger();
    expect(entries.map((e) => [e.state, e.stateLabel, e.awaitingUpload])).toEqual([
      ['sent', '送信済', false],
      ['sent', '送信済', false],
      ['sent', '送信済', false],
    ]);
    expect(await dispatch('careplan.markUploaded', { ids: [sentIds[0]] })).toMatchObject({
      ok: false,
      error: { code: 'CAREPLAN_NOT_AWAITING_UPLOAD' },
    });
    expect(await dispatch('careplan.markUploaded', { ids: [99999] })).toMatchObject({
      ok: false,
      error: { code: 'CAREPLAN_LEDGER_NOT_FOUND' },
    });
    expect(await dispatch('careplan.markUploaded', { ids: [] })).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_INPUT' },
    });
  });

  it('imports a download folder: .CSV files into the ledger, others skipped, a broken file 取込エラー', async () => {
    expect(await fixtureMonth()).toBeUndefined(); // viewed before the import: the book is built and kept
    fs.copyFileSync(path.join(FIXTURES, ACTUALS), path.join(downloadDir, ACTUALS));
    // UTF-8 bytes under a valid name: an encoding error, recorded as received but not imported.
    const broken = 'UPJSK_202412_1310300015_11_1310100019_43_20250105190000.CSV';
    fs.writeFileSync(path.join(downloadDir, broken), '"202407","髙橋",\r\n', 'utf8');
    fs.writeFileSync(path.join(downloadDir, 'readme.txt'), 'not a plan');
    fs.mkdirSync(path.join(downloadDir, 'older.CSV'));
    chosen = downloadDir;
    const r = await okValue(
      dispatch<{
        folder: string;
        report: { files: CarePlanFileReport[] };
        imported: number;
        failed: number;
        skipped: number;
      }>('careplan.importFolder'),
    );
    expect(asked.at(-1)).toBe('careplan-import');
    expect(r).toMatchObject({ folder: 'download', imported: 1, failed: 1, skipped: 2 });
    expect(r.report.files.map((f) => f.file)).toEqual([ACTUALS, broken]);
    expect(r.report.files[1]!.counts.error).toBeGreaterThan(0);
    const received = (await ledger()).filter((e) => e.direction === 'received');
    expect(received.map((e) => [e.fileName, e.stateLabel]).sort()).toEqual(
      [
        [ACTUALS, '取込済'],
        [broken, '取込エラー'],
      ].sort(),
    );
    // The next view shows the imported 実績.
    expect(await fixtureMonth()).toMatchObject({ planItems: 0, actualProviders: 1 });
    // The same folder again adds nothing to the ledger.
    expect(await okValue(dispatch<{ imported: number }>('careplan.importFolder'))).toMatchObject({ imported: 0 });
    expect((await ledger()).filter((e) => e.direction === 'received')).toHaveLength(2);
  });

  it('refuses a folder that cannot be read; a cancelled dialog imports nothing', async () => {
    chosen = path.join(work.path, 'gone');
    expect(await dispatch('careplan.importFolder')).toMatchObject({
      ok: false,
      error: { code: 'CAREPLAN_FOLDER_READ_FAILED' },
    });
    chosen = null;
    expect(await okValue(dispatch('careplan.importFolder'))).toEqual({
      folder: null,
      report: { files: [] },
      imported: 0,
      failed: 0,
      skipped: 0,
    });
  });
});

describe('care-plan dropped files: paths resolved by the preload, bytes read by main, tokens to the renderer', () => {
  const PLAN = 'UPPLAN_202412_1310100019_43_1310200017_11_20241125093000.CSV';
  let token: string;

  it('takes .CSV files by absolute path and refuses the rest', async () => {
    const note = path.join(work.path, 'memo.txt');
    fs.writeFileSync(note, 'x');
    const r = await okValue(
      dispatch<{ files: { token: string; name: string; bytes: number }[]; refused: string[] }>('careplan.dropped', {
        paths: [path.join(FIXTURES, PLAN), note, path.join(work.path, 'gone.CSV'), PLAN, downloadDir],
      }),
    );
    expect(r.files).toEqual([
      {
        token: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: PLAN,
        bytes: fs.statSync(path.join(FIXTURES, PLAN)).size,
      },
    ]);
    expect(r.refused).toEqual(['memo.txt', 'gone.CSV', PLAN, 'download']);
    token = r.files[0]!.token;
  });

  it('validates and imports by token; an unknown token is refused with its own message', async () => {
    const report = await okValue(
      dispatch<{ files: CarePlanFileReport[] }>('careplan.validate', { files: [{ token }] }),
    );
    expect(report.files.map((f) => [f.file, f.counts.error])).toEqual([[PLAN, 0]]);
    const unknown = await dispatch('careplan.validate', {
      files: [{ token: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'CAREPLAN_FILE_TOKEN_UNKNOWN' } });
    expect(await dispatch('careplan.validate', { files: [{ token: '../../etc/passwd' }] })).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_INPUT' },
    });
    const imported = await okValue(dispatch<{ imported: number }>('careplan.import', { files: [{ token }] }));
    expect(imported.imported).toBe(1);
    expect((await ledger()).some((e) => e.direction === 'received' && e.fileName === PLAN)).toBe(true);
    expect((await fixtureMonth())?.planItems).toBeGreaterThan(0);
  });
});
