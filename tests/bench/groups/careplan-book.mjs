// Care-plan book group: what the cached book (electron/handlers/careplan/book-cache.ts) saves on the plan screens and
// the outage lists. A real encrypted records database holds a ledger of synthetic send units (第6表 + 第7表 + 補足 per
// person); figures: a cold build from every file, a warm view (nothing new), and a view after one new file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTsSource } from '../load-ts.mjs';

const PERSONS = 300;
const RUNS = 9;
const FROM = { office: '1310100019', service: '43' };
const TO = { office: '1310200017', service: '11', name: '練習訪問介護' };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timed = (fn) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

export async function run({ root, log }) {
  const m = loadTsSource(
    root,
    'careplan-book-bench',
    `export { createBookCache } from './electron/handlers/careplan/book-cache';
     export { createLedger } from './electron/services/ledger';
     export { migrate, RECORDS_MIGRATIONS } from './electron/services/store';
     export { openEncryptedDb } from './native/sqlite';
     export { fileToModel, parseCarePlanFile, samplePlanUnit, subjectsOf, writeSendUnit } from './electron/services/careplan';`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-bench-book-'));
  const db = m.openEncryptedDb(path.join(dir, 'records.db'), { key: crypto.randomBytes(32), synchronous: 'FULL' });
  try {
    m.migrate(db, m.RECORDS_MIGRATIONS);
    const clock = () => new Date('2026-11-26T01:00:00Z');
    const ledger = m.createLedger({ db: () => db, clock });
    let at = Date.parse('2026-11-20T00:00:00Z');
    const sendUnit = (p) => {
      const parts = m.samplePlanUnit({
        person: {
          insurer: '131016',
          insured: String(1_000_000_000 + p).slice(-10),
          name: '練習 花子',
          nameKana: 'ﾚﾝｼｭｳ',
          careLevel: '22',
        },
        month: '202612',
        createdOn: '20261120',
        from: FROM,
        to: TO,
        planStaffName: 'cm-bench',
      });
      const unit = m.writeSendUnit({ from: FROM, to: TO, at: new Date((at += 1000)), parts });
      if (!unit.ok) throw new Error(`bench unit did not write: ${unit.issues[0]?.rule}`);
      for (const f of unit.files) {
        const model = m.fileToModel(m.parseCarePlanFile(f.name, f.bytes, { now: clock() }));
        if (!model.ok) throw new Error(model.reason);
        ledger.record({
          direction: 'sent',
          partner: TO,
          fileName: f.name,
          kind: f.kind,
          month: model.value.month ?? null,
          sequence: model.value.sequence,
          body: f.bytes,
          state: 'sent',
          subjects: m.subjectsOf(model.value),
        });
      }
    };
    for (let p = 0; p < PERSONS; p++) sendUnit(p);
    const files = ledger.head().count;
    log(`ledger: ${files} files for ${PERSONS} persons`);

    const cold = [];
    const warm = [];
    const oneNew = [];
    for (let r = 0; r < RUNS; r++) {
      const cache = m.createBookCache({ ledger: () => ledger, scope: () => ({ db, office: FROM.office }), clock });
      cold.push(timed(() => cache.book()));
      warm.push(timed(() => cache.book()));
      sendUnit(PERSONS + r);
      oneNew.push(timed(() => cache.book()));
    }
    const figures = {
      bookFiles: files,
      bookColdBuildMs: Number(median(cold).toFixed(2)),
      bookWarmViewMs: Number(median(warm).toFixed(3)),
      bookOneNewUnitMs: Number(median(oneNew).toFixed(2)),
    };
    log(JSON.stringify(figures));
    return figures;
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
