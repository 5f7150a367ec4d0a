import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { CAREPLAN_JOB_KIND, careplanSender, fetchInbox } from '../../electron/handlers/careplan-channel';
import {
  compareMonth,
  CarePlanBook,
  fileToModel,
  parseCarePlanFile,
  samplePlanUnit,
  subjectsOf,
  writeSendUnit,
} from '../../electron/services/careplan';
import { createLedger, type Ledger } from '../../electron/services/ledger';
import { createOutbox, createTransport, deliverDue, type Outbox } from '../../electron/services/outbox';
import type { Session } from '../../electron/services/session';
import { migrate, RECORDS_MIGRATIONS } from '../../electron/services/store';
import { startTrainingServer, TRAINING_OFFICES, type TrainingServer } from '../../electron/training/server';
import { tempDir } from '../support/temp';
import { loginTrainingStaff } from '../support/training-tls';
import { trainingPki } from './training-server.support';

// The training channel end to end below the screens: a care manager's send unit goes into the real outbox of a real
// encrypted records database while the training backend is away, is delivered by the outbox's own deliverDue once it
// is back (one POST per file over TLS 1.3 mutual auth, each with its Idempotency-Key), the 訪問介護 office finds it in
// its inbox, the automaton's 実績 reaches the care manager, and a resend has no second effect.

let server: TrainingServer;
let dir: ReturnType<typeof tempDir>;
let records: SqliteDb;
let outbox: Outbox;
let ledger: Ledger;
const clock = () => new Date();
const sessions: Session[] = [];
const [KYOTAKU, HOUMON] = TRAINING_OFFICES as [(typeof TRAINING_OFFICES)[number], (typeof TRAINING_OFFICES)[number]];

async function login(staffId: string): Promise<Session> {
  return loginTrainingStaff({ server, pki: trainingPki(), staffId, opened: sessions, clock });
}

beforeAll(async () => {
  server = await startTrainingServer({ pki: trainingPki(), clock });
  dir = tempDir('kd-careplan-channel-');
  records = openEncryptedDb(path.join(dir.path, 'records.db'), { key: randomBytes(32), synchronous: 'FULL' });
  migrate(records, RECORDS_MIGRATIONS);
  outbox = createOutbox({ db: () => records, clock, retryDelayMs: () => 0 });
  ledger = createLedger({ db: () => records, clock });
});
afterAll(async () => {
  await server?.resume();
  for (const s of sessions) await s.close();
  await server?.close();
  records?.close();
  dir?.remove();
});

const observed = <T>(fn: () => Promise<T>) => fn();

describe('care-plan training channel through the outbox', () => {
  it('delivers a plan queued while the backend was away; the partner returns 実績 on its own', async () => {
    const cm = await login('cm-renshu01');
    const helper = await login('front-renshu01');
    const person = server.data.data.persons[0]!;
    const from = { office: KYOTAKU.officeNumber, service: KYOTAKU.serviceType };
    const to = { office: HOUMON.officeNumber, service: HOUMON.serviceType };
    const at = new Date();
    const unit = writeSendUnit({
      from,
      to,
      at,
      parts: samplePlanUnit({
        person: {
          insurer: person.insuredCard.insurerNumber,
          insured: person.insuredCard.insuredNumber,
          name: '練習 花子',
          nameKana: 'ﾚﾝｼｭｳ ﾊﾅｺ',
          careLevel: '22',
        },
        month: '202612',
        createdOn: '20261126',
        from,
        to: { ...to, name: HOUMON.officeName },
        planStaffName: 'cm-renshu01',
      }),
    });
    if (!unit.ok) throw new Error(unit.issues[0]!.message);
    const jobKey = `careplan-test-${at.getTime()}`;
    outbox.enqueue({
      kind: CAREPLAN_JOB_KIND,
      idempotencyKey: jobKey,
      payload: { files: unit.files.map((f) => ({ name: f.name, content: Buffer.from(f.bytes).toString('base64') })) },
    });
    unit.files.forEach((f, i) => {
      const m = fileToModel(parseCarePlanFile(f.name, f.bytes, { now: at }));
      ledger.record({
        direction: 'sent',
        partner: to,
        fileName: f.name,
        kind: f.kind,
        month: '202612',
        sequence: f.name.slice(-18, -4),
        body: f.bytes,
        state: 'queued',
        outboxKey: `${jobKey}.${i}`,
        subjects: m.ok ? subjectsOf(m.value) : [],
      });
    });
    const transport = createTransport({
      senders: { [CAREPLAN_JOB_KIND]: careplanSender({ session: async () => cm, observed, ledger: () => ledger }) },
      deliver: async () => {
        throw new Error('only care-plan jobs here');
      },
      known: async () => [],
    });

    await server.suspend();
    const offline = await deliverDue(outbox, transport);
    expect(offline.delivered).toBe(0);
    expect(ledger.list({ state: 'queued' })).toHaveLength(3);

    await server.resume();
    let report = { delivered: 0 };
    for (let i = 0; i < 5 && report.delivered === 0; i++) report = await deliverDue(outbox, transport);
    expect(report.delivered).toBe(1);
    expect(
      ledger
        .list({ state: 'sent' })
        .map((e) => e.fileName)
        .sort(),
    ).toEqual(unit.files.map((f) => f.name).sort());

    // The 訪問介護 office receives exactly the three files, byte for byte.
    const received = await fetchInbox({ session: async () => helper, observed });
    expect(received.map((r) => r.name)).toEqual(unit.files.map((f) => f.name));
    received.forEach((r, i) => expect(r.bytes.equals(Buffer.from(unit.files[i]!.bytes))).toBe(true));

    // Resending the same keys (a lost answer) has no second effect.
    await careplanSender({ session: async () => cm, observed, ledger: () => ledger })(outbox.get(1)!);
    expect(await fetchInbox({ session: async () => helper, observed })).toHaveLength(3);

    // The automaton's 実績 reaches the care manager; compared with the plan, one visit is missing.
    const back = await fetchInbox({ session: async () => cm, observed });
    expect(back.map((b) => b.name.split('_')[0])).toEqual(['UPJSK']);
    expect(back[0]!.name).toMatch(/^UPJSK_202612_1370100024_11_1370100016_43_\d{14}\.CSV$/);
    const models = [...unit.files.map((f) => ({ name: f.name, bytes: f.bytes })), ...back].map((f) => {
      const m = fileToModel(parseCarePlanFile(f.name, f.bytes, { now: new Date() }));
      if (!m.ok) throw new Error(m.reason);
      return m.value;
    });
    const book = new CarePlanBook();
    book.applyAll(models);
    const rows = compareMonth(
      book.month({ insurer: person.insuredCard.insurerNumber, insured: person.insuredCard.insuredNumber }, '202612')!,
    );
    expect(rows.filter((r) => r.status === 'plannedOnly')).toHaveLength(1);
    expect(rows.filter((r) => r.status === 'match').length).toBe(rows.length - 1);
  });

  it('refuses files whose sender is not the calling office, and invalid files', async () => {
    const helper = await login('helper-renshu01');
    const sender = careplanSender({ session: async () => helper, observed, ledger: () => ledger });
    const job = outbox.enqueue({
      kind: CAREPLAN_JOB_KIND,
      idempotencyKey: 'careplan-test-mismatch',
      payload: {
        files: [
          {
            name: 'DLTPLAN_202612_1370100016_43_1370100024_11_20261126100000.CSV',
            content: Buffer.from('202407,131016,0000012345,202612\r\n').toString('base64'),
          },
        ],
      },
    });
    await expect(sender(job)).rejects.toMatchObject({
      code: 'CAREPLAN_FILES_INVALID',
      detail: 'CAREPLAN_SENDER_MISMATCH',
    });
    const bad = outbox.enqueue({
      kind: CAREPLAN_JOB_KIND,
      idempotencyKey: 'careplan-test-invalid',
      payload: {
        files: [
          {
            name: 'UPJSK_202612_1370100024_11_1370100016_43_20261126100000.CSV',
            content: Buffer.from('202407,131016\r\n').toString('base64'),
          },
        ],
      },
    });
    await expect(sender(bad)).rejects.toMatchObject({ detail: 'CAREPLAN_FILE_INVALID' });
  });
});
