import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { KaigoApp } from '../../electron/app';
import type { CarePlanMonthView, LedgerEntryView, PartnerView, PlanDocumentView } from '../../electron/contract';
import { createOutbox } from '../../electron/services/outbox';
import { TRAINING_OFFICES, type TrainingServer } from '../../electron/training/server';
import { acceptFile, inboxFor } from '../../electron/training/server/careplan-exchange';
import { tempDir, waitFor } from '../support/temp';
import { okValue, openLoggedInTrainingApp, type LoggedInTrainingApp, type Reply } from '../support/trained-app';

// Care-plan exchange through the app's own handler table (same validation as the window), with the real OS keychain,
// the real encrypted records database and the in-process training backend over TLS 1.3: partners, a sample plan,
// sending while the backend is away (queued in the outbox, 送信待ち in the ledger), the training backend's
// 訪問介護 automaton returning 実績, the inbox, 予定 vs 実績, paper sending and the ledger.

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan', 'canonical');
let world: LoggedInTrainingApp;
let app: KaigoApp;
let backend: TrainingServer;
const exportDir = tempDir('kd-careplan-export-');
const ledgerFile = path.join(exportDir.path, 'ledger.csv');

const dispatch = <T = unknown>(name: string, payload: unknown = {}) => world.dispatch<T>(name, payload);
const value = okValue;

beforeAll(async () => {
  world = await openLoggedInTrainingApp({ chooseSaveFile: async () => ledgerFile });
  ({ app, backend } = world);
}, 60_000);
afterAll(async () => {
  await world?.close();
  exportDir.remove();
});

const [KYOTAKU, HOUMON] = TRAINING_OFFICES as [(typeof TRAINING_OFFICES)[number], (typeof TRAINING_OFFICES)[number]];

describe('care-plan exchange in 練習モード', () => {
  let partner: PartnerView;
  let files: { name: string; content: string }[];

  it('starts with the training 訪問介護 office as a partner on the exchange; refuses the own number', async () => {
    const partners = await value(dispatch<PartnerView[]>('careplan.partners'));
    expect(partners).toEqual([
      {
        id: expect.any(Number),
        office: HOUMON.officeNumber,
        service: '11',
        name: HOUMON.officeName,
        exchangesData: true,
      },
    ]);
    partner = partners[0]!;
    expect(
      await dispatch('careplan.savePartner', {
        office: KYOTAKU.officeNumber,
        service: '11',
        name: 'x',
        exchangesData: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'CAREPLAN_SELF_SEND' } });
    expect(
      await dispatch('careplan.savePartner', { office: '1370100017', service: '11', name: 'x', exchangesData: true }),
    ).toMatchObject({ ok: false, error: { code: 'CAREPLAN_PARTNER_INVALID' } });
  });

  it('makes a sample plan that validates without errors', async () => {
    ({ files } = await value(dispatch<{ files: typeof files }>('careplan.trainingPlan')));
    expect(files.map((f) => f.name.split('_')[0])).toEqual(['UPPLAN', 'UPSIKYU', 'UPHOSOKU']);
    const report = await value(
      dispatch<{ files: { counts: { error: number; warning: number } }[] }>('careplan.validate', { files }),
    );
    expect(report.files.map((f) => f.counts)).toEqual([
      { error: 0, warning: 0, note: 0 },
      { error: 0, warning: 0, note: 0 },
      { error: 0, warning: 0, note: 0 },
    ]);
  });

  it('sends while the backend is away: queued in the outbox and 送信待ち in the ledger', async () => {
    await backend.suspend();
    const sent = await value(
      dispatch<{ channel: string; names: string[]; ledgerIds: number[] }>('careplan.send', {
        partnerId: partner.id,
        files,
      }),
    );
    expect(sent.channel).toBe('training');
    expect(sent.names).toHaveLength(3);
    const ledger = await value(dispatch<{ entries: LedgerEntryView[] }>('careplan.ledger'));
    expect(ledger.entries.map((e) => [e.direction, e.stateLabel, e.partnerName])).toEqual(
      Array.from({ length: 3 }, () => ['sent', '送信待ち', HOUMON.officeName]),
    );
    const jobs = createOutbox({ db: () => app.store().records(), clock: () => new Date() })
      .list()
      .filter((j) => j.kind === 'careplan.files');
    expect(jobs).toHaveLength(1);
    // The 送信待ち plan is already the care manager's plan of the month.
    const months = await value(dispatch<{ months: { planItems: number }[] }>('careplan.months'));
    expect(months.months).toHaveLength(1);
    expect(months.months[0]!.planItems).toBeGreaterThanOrEqual(8);
  });

  it('the 訪問介護 automaton returns 実績, which the inbox imports; the comparison shows the cancelled visit', async () => {
    // The training backend receives the queued job's files (its side of the channel).
    const job = createOutbox({ db: () => app.store().records(), clock: () => new Date() })
      .due(10)
      .find((j) => j.kind === 'careplan.files')!;
    const payload = job.payload as { files: { name: string; content: string }[] };
    for (const f of payload.files) {
      const r = acceptFile(backend.data, KYOTAKU, f.name, Buffer.from(f.content, 'base64'), new Date());
      expect(r.ok).toBe(true);
    }
    expect(inboxFor(backend.data, HOUMON.officeNumber, 0).map((f) => f.name)).toEqual(payload.files.map((f) => f.name));
    await backend.resume();
    // The first call after the outage may find the old connection gone (SESSION_UNREACHABLE); staff press again.
    let inbox: Reply<{ received: number; imported: number }> | undefined;
    await waitFor('the inbox once the backend is back', async () => {
      inbox = await dispatch<{ received: number; imported: number }>('careplan.inbox');
      return inbox.ok;
    });
    expect(inbox).toEqual({ ok: true, value: { received: 1, imported: 1 } });
    // Fetching again adds nothing: the ledger knows the file.
    expect(await value(dispatch('careplan.inbox'))).toEqual({ received: 0, imported: 0 });
    const months = await value(
      dispatch<{
        months: { insurer: string; insured: string; month: string; differences: number; actualProviders: number }[];
      }>('careplan.months'),
    );
    const m = months.months[0]!;
    expect(m).toMatchObject({ actualProviders: 1, differences: 1 });
    const view = await value(
      dispatch<CarePlanMonthView>('careplan.month', { insurer: m.insurer, insured: m.insured, month: m.month }),
    );
    expect(view.comparison.filter((c) => c.status === 'plannedOnly')).toHaveLength(1);
    expect(view.comparison.filter((c) => c.status === 'match').length).toBe(view.plan.length - 1);
    expect(view.seventh.map((r) => r.kind)).toEqual(['detail', 'grandTotal']);
    expect(view.findings).toEqual([]);
    const ledger = await value(dispatch<{ entries: LedgerEntryView[] }>('careplan.ledger'));
    expect(ledger.entries[0]).toMatchObject({
      direction: 'received',
      kind: 'UPJSK',
      stateLabel: '取込済',
      partnerOffice: HOUMON.officeNumber,
    });
  });

  it('a partner not on the exchange gets a print view, recorded as 紙で送付', async () => {
    const paper = await value(
      dispatch<PartnerView>('careplan.savePartner', {
        office: '1310300015',
        service: '17',
        name: '福祉用具 さくら',
        exchangesData: false,
      }),
    );
    const sent = await value(
      dispatch<{ channel: string; html: string; ledgerIds: number[] }>('careplan.send', { partnerId: paper.id, files }),
    );
    expect(sent.channel).toBe('paper');
    expect(sent.html).toContain('第6表 サービス利用票（兼居宅サービス計画）');
    expect(sent.html).toContain('練習モード — 実在の利用者ではありません');
    const ledger = await value(dispatch<{ entries: LedgerEntryView[] }>('careplan.ledger'));
    expect(ledger.entries.find((e) => e.id === sent.ledgerIds[0])).toMatchObject({
      stateLabel: '紙で送付',
      partnerName: '福祉用具 さくら',
    });
  });

  it('imports dropped files with a report, and refuses files with errors when sending', async () => {
    const name = 'UPJSK_202412_1310200017_11_1310100019_43_20250105180000.CSV';
    const content = fs.readFileSync(path.join(FIXTURES, name)).toString('base64');
    const r = await value(
      dispatch<{ imported: number; failed: number; report: { files: { counts: { error: number } }[] } }>(
        'careplan.import',
        { files: [{ name, content }] },
      ),
    );
    expect(r).toMatchObject({ imported: 1, failed: 0 });
    const bad = Buffer.from(files[0]!.content, 'base64')
      .toString('latin1')
      .replace(/,0900,/, ',2500,');
    expect(
      await dispatch('careplan.send', {
        partnerId: partner.id,
        files: [{ name: files[0]!.name, content: Buffer.from(bad, 'latin1').toString('base64') }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'CAREPLAN_FILES_INVALID' } });
  });

  it('exports the ledger as a formula-safe CSV for inspections, without personal data', async () => {
    expect(await value(dispatch('careplan.ledgerExport'))).toEqual({ saved: true });
    const csv = fs.readFileSync(ledgerFile, 'utf8');
    expect(csv.startsWith('\uFEFF"練習モード — 実在の利用者ではありません"\r\n"番号","方向"')).toBe(true);
    for (const label of ['送信待ち', '取込済', '紙で送付']) expect(csv).toContain(`"${label}"`);
    const persons = backend.data.data.persons.map((p) => p.insuredCard.insuredNumber);
    expect(persons.some((n) => csv.includes(n))).toBe(false);
  });

  it('shows 第1–3表 of a person after import, and 1表削除 removes them', async () => {
    const kinds = ['UP1KYO', 'UP2KYO', 'UP3KYO'];
    const files = kinds.map((k) => {
      const name = `${k}_1310100019_43_1310200017_11_20241120100000.CSV`;
      return { name, content: fs.readFileSync(path.join(FIXTURES, name)).toString('base64') };
    });
    expect(await value(dispatch('careplan.import', { files }))).toMatchObject({ imported: 3, failed: 0 });
    const person = { insurer: '131016', insured: '0000012345' };
    const plans = await value(dispatch<{ plans: PlanDocumentView[] }>('careplan.plans', person));
    expect(plans.plans.map((p) => [p.planDate, p.first?.careLevel, p.second.length, p.third.length])).toEqual([
      ['20241120', '22', 2, 2],
    ]);
    expect(plans.plans[0]!.first?.wishesAndAnalysis).toBe(
      '本人: 自宅での生活を続けたい。\r\n家族: "無理のない範囲で"支えたい。',
    );
    const del = 'DLT1KYO_1310100019_43_1310200017_11_20241121100000.CSV';
    await value(
      dispatch('careplan.import', {
        files: [{ name: del, content: fs.readFileSync(path.join(FIXTURES, del)).toString('base64') }],
      }),
    );
    expect(await value(dispatch('careplan.plans', person))).toEqual({ plans: [], basicInfos: [], preventionPlans: [] });
  });

  it('audits sends, paper and imports with codes and counts only; the chain verifies', () => {
    const rows = app
      .audit()
      .rows()
      .filter((r) => (r.detail ?? '').includes('careplan'));
    const seen = rows.map((r) => `${r.action}:${JSON.parse(r.detail!).careplan as string}`);
    for (const expected of ['send:QUEUED', 'print:PAPER', 'view:RECEIVED', 'view:IMPORTED', 'export:LEDGER'])
      expect(seen).toContain(expected);
    const persons = backend.data.data.persons.map((p) => p.insuredCard.insuredNumber);
    expect(rows.some((r) => persons.some((n) => JSON.stringify(r).includes(n)))).toBe(false);
    expect(app.audit().verify()).toMatchObject({ kind: 'ok', unsealed: 0 });
  });
});
