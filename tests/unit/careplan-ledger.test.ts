import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { fileToModel, layoutOf, parseCarePlanFile, subjectsOf, type FileKind } from '../../electron/services/careplan';
import { KaigoError } from '../../electron/services/errors';
import { createLedger, ledgerCsv, ledgerStateLabel, type LedgerRecordInput } from '../../electron/services/ledger';
import { createPartnerBook, partnerProblems } from '../../electron/services/partners';
import { migrate, RECORDS_MIGRATIONS } from '../../electron/services/store';
import { tempDir } from '../support/temp';

// Partners and the exchange ledger (UX.md rules 13–14) on a real encrypted records database with the real
// migrations; SHA-256 checked against sha256sum as an independent peer.

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan', 'canonical');
const OWN = '1310100019';
const HOUMON = { office: '1310200017', service: '11' };
const FUKUSHI = { office: '1310300015', service: '17' };

const dirs: { remove(): void }[] = [];
const dbs: SqliteDb[] = [];
afterEach(() => {
  dbs.splice(0).forEach((d) => d.close());
  dirs.splice(0).forEach((d) => d.remove());
});

function records(): { db: SqliteDb; file: string; key: Buffer } {
  const dir = tempDir('kd-ledger-');
  dirs.push(dir);
  const file = path.join(dir.path, 'records.db');
  const key = crypto.randomBytes(32);
  const db = openEncryptedDb(file, { key, synchronous: 'FULL' });
  dbs.push(db);
  migrate(db, RECORDS_MIGRATIONS);
  return { db, file, key };
}

let tick = Date.parse('2025-01-06T01:00:00Z');
const clock = () => new Date((tick += 1000));

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof KaigoError) return e.code;
    throw e;
  }
  return 'ok';
};

describe('partner address book', () => {
  it('saves, updates and lists partners; refuses the own 事業所番号 and bad numbers', () => {
    const { db } = records();
    const book = createPartnerBook({ db: () => db, clock, ownOffice: () => OWN });
    const p = book.save({ ...HOUMON, name: ' ヘルパーステーション ひまわり ', exchangesData: true });
    expect(p).toMatchObject({ ...HOUMON, name: 'ヘルパーステーション ひまわり', exchangesData: true });
    book.save({ ...HOUMON, name: 'ヘルパーステーション ひまわり', exchangesData: false });
    book.save({ ...FUKUSHI, name: '福祉用具 さくら', exchangesData: false });
    expect(book.list().map((x) => [x.office, x.exchangesData])).toEqual([
      ['1310200017', false],
      ['1310300015', false],
    ]);
    expect(code(() => book.save({ office: OWN, service: '11', name: '自分', exchangesData: true }))).toBe(
      'CAREPLAN_SELF_SEND',
    );
    expect(code(() => book.save({ office: '1310200011', service: '11', name: 'x', exchangesData: true }))).toBe(
      'CAREPLAN_PARTNER_INVALID',
    );
    expect(code(() => book.remove(999))).toBe('CAREPLAN_PARTNER_NOT_FOUND');
    book.remove(p.id);
    expect(book.find(HOUMON.office, HOUMON.service)).toBeNull();
  });

  it('names each problem in Japanese', () => {
    expect(partnerProblems({ office: '1310200011', service: '1', name: '', exchangesData: true }, OWN)).toEqual([
      { field: 'office', message: '連携先の事業所番号「1310200011」の検証番号（10桁目）が合いません（計算上は 7）。' },
      { field: 'service', message: 'サービス種類コードは2桁（例: 11 訪問介護）で入力してください。' },
      { field: 'name', message: '事業所名を80文字以内で入力してください（改行は使えません）。' },
    ]);
    expect(partnerProblems({ office: OWN, service: '11', name: 'a', exchangesData: true }, OWN)[0]?.message).toBe(
      '自事業所と同じ事業所番号は連携先にできません（送受信できません）。',
    );
  });
});

function fixtureInput(name: string, over: Partial<LedgerRecordInput> = {}): LedgerRecordInput {
  const body = fs.readFileSync(path.join(FIXTURES, name));
  const read = parseCarePlanFile(name, body, { now: new Date('2025-01-10T00:00:00Z') });
  const m = fileToModel(read);
  if (!m.ok) throw new Error(m.reason);
  return {
    direction: 'sent',
    partner: HOUMON,
    fileName: name,
    kind: m.value.kind,
    month: m.value.month ?? null,
    sequence: m.value.sequence,
    body,
    state: 'sent',
    subjects: subjectsOf(m.value),
    ...over,
  };
}

const PLAN = 'UPPLAN_202412_1310100019_43_1310200017_11_20241125093000.CSV';
const SEVENTH = 'UPSIKYU_202412_1310100019_43_1310200017_11_20241125093000.CSV';
const DLTPLAN = 'DLTPLAN_202412_1310100019_43_1310200017_11_20241126100000.CSV';

describe('exchange ledger', () => {
  it('records a file with its SHA-256 and keeps the bytes; recording it again changes nothing', () => {
    const { db } = records();
    const ledger = createLedger({ db: () => db, clock });
    const e = ledger.record(fixtureInput(PLAN));
    const expected = execFileSync('sha256sum', [path.join(FIXTURES, PLAN)], { encoding: 'utf8' }).split(' ')[0];
    expect(e).toMatchObject({ direction: 'sent', kind: 'UPPLAN', month: '202412', sha256: expected, state: 'sent' });
    expect(Buffer.from(ledger.body(e.id)).equals(fs.readFileSync(path.join(FIXTURES, PLAN)))).toBe(true);
    expect(ledger.record(fixtureInput(PLAN)).id).toBe(e.id);
    expect(ledger.list()).toHaveLength(1);
  });

  it('a newer file for the same partner and person-month supersedes the older; a late older one is superseded', () => {
    const { db } = records();
    const ledger = createLedger({ db: () => db, clock });
    const first = ledger.record(fixtureInput(PLAN));
    const seventh = ledger.record(fixtureInput(SEVENTH));
    const newer = ledger.record(
      fixtureInput(PLAN, { fileName: PLAN.replace('20241125093000', '20241128090000'), sequence: '20241128090000' }),
    );
    expect(ledger.get(first.id)?.superseded).toBe(true);
    expect(ledger.get(seventh.id)?.superseded).toBe(false);
    expect(newer.superseded).toBe(false);
    // Arrives late with an older 連番: superseded at once, the newer stays current.
    const late = ledger.record(
      fixtureInput(PLAN, { fileName: PLAN.replace('20241125093000', '20241126080000'), sequence: '20241126080000' }),
    );
    expect(late.superseded).toBe(true);
    expect(ledger.get(newer.id)?.superseded).toBe(false);
    // The same plan sent to another partner is its own history.
    const other = ledger.record(fixtureInput(PLAN, { partner: FUKUSHI, fileName: `x-${PLAN}` }));
    expect(other.superseded).toBe(false);
    // 6表削除 (later 連番) of person 0000012345 supersedes the 第7表 too; the newer 第6表 also covers H123456789,
    // so it stays current for that person.
    ledger.record(fixtureInput(DLTPLAN, { sequence: '20241129000000' }));
    expect([ledger.get(seventh.id)?.superseded, ledger.get(newer.id)?.superseded]).toEqual([true, false]);
  });

  it('moves a queued file to sent, finds it by its outbox key, and lists by state', () => {
    const { db } = records();
    const ledger = createLedger({ db: () => db, clock });
    const e = ledger.record(fixtureInput(PLAN, { state: 'queued', outboxKey: 'careplan-abc' }));
    expect(ledger.list({ state: 'queued' }).map((x) => x.id)).toEqual([e.id]);
    expect(ledger.byOutboxKey('careplan-abc')?.id).toBe(e.id);
    expect(ledger.setState(e.id, 'sent').state).toBe('sent');
    expect(ledger.list({ state: 'queued' })).toEqual([]);
    expect(code(() => ledger.setState(999, 'sent'))).toBe('CAREPLAN_LEDGER_NOT_FOUND');
  });

  it('marks アップロード待ち files uploaded all or none; other states and unknown ids are refused', () => {
    const { db } = records();
    const ledger = createLedger({ db: () => db, clock });
    const plan = ledger.record(fixtureInput(PLAN, { state: 'awaiting-upload' }));
    const seventh = ledger.record(fixtureInput(SEVENTH, { state: 'awaiting-upload' }));
    const queued = ledger.record(fixtureInput(DLTPLAN, { state: 'queued', outboxKey: 'careplan-x.0' }));
    expect([plan.awaitingUpload, plan.state, ledgerStateLabel(plan)]).toEqual([
      true,
      'awaiting-upload',
      'アップロード待ち',
    ]);
    expect([queued.awaitingUpload, ledgerStateLabel(queued)]).toEqual([false, '送信待ち']);
    expect(code(() => ledger.markUploaded([plan.id, queued.id]))).toBe('CAREPLAN_NOT_AWAITING_UPLOAD');
    expect(code(() => ledger.markUploaded([plan.id, 999]))).toBe('CAREPLAN_LEDGER_NOT_FOUND');
    expect(ledger.get(plan.id)?.state).toBe('awaiting-upload'); // nothing changed by the refused calls
    expect(ledger.markUploaded([plan.id, seventh.id, plan.id]).map((e) => [e.id, e.state])).toEqual([
      [plan.id, 'sent'],
      [seventh.id, 'sent'],
    ]);
    expect(ledger.list({ state: 'awaiting-upload' })).toEqual([]);
    expect(code(() => ledger.markUploaded([plan.id]))).toBe('CAREPLAN_NOT_AWAITING_UPLOAD');
  });

  it('survives closing and reopening the encrypted file, which does not show the file names in clear', () => {
    const { db, file, key } = records();
    createLedger({ db: () => db, clock }).record(fixtureInput(PLAN));
    db.close();
    expect(fs.readFileSync(file).includes(Buffer.from('UPPLAN_202412'))).toBe(false);
    const again = openEncryptedDb(file, { key, synchronous: 'FULL' });
    dbs.push(again);
    migrate(again, RECORDS_MIGRATIONS);
    expect(
      createLedger({ db: () => again, clock })
        .list()
        .map((e) => e.fileName),
    ).toEqual([PLAN]);
  });

  it('exports a formula-safe CSV for inspections with states, 差替済 and Japan times', () => {
    const { db } = records();
    const ledger = createLedger({ db: () => db, clock });
    ledger.record(fixtureInput(PLAN));
    ledger.record(
      fixtureInput(PLAN, { fileName: PLAN.replace('20241125093000', '20241128090000'), sequence: '20241128090000' }),
    );
    ledger.record(fixtureInput(SEVENTH, { state: 'paper', fileName: '第6・7表（印刷）', partner: FUKUSHI }));
    const csv = ledgerCsv(
      ledger.list(),
      (office) => (office === FUKUSHI.office ? '=HYPERLINK("x")' : 'ひまわり'),
      (kind) => layoutOf(kind as FileKind).title,
      '練習モード — 実在の利用者ではありません',
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFF"練習モード — 実在の利用者ではありません"');
    expect(lines[1]).toContain('"番号","方向","相手事業所番号"');
    expect(lines[2]).toMatch(
      /^"3","送信","1310300015","17","'=HYPERLINK\(""x""\)","202412","第7表（サービス利用票別表）"/,
    );
    expect(lines[2]).toContain('"紙で送付",""');
    expect(lines[4]).toContain(`"${PLAN}","20241125093000"`);
    expect(lines[4]).toContain('"送信済","差替済","2025-01-06 10:');
  });
});
