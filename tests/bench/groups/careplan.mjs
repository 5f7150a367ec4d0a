// Care-plan CSV group (DESIGN.md §7 target: parse + validate ≥ 30 MB/s of MS932 input; round trip byte-identical).
// Loads electron/services/careplan (tests/bench/load-ts.mjs), generates a large valid UPPLAN file in memory
// (synthetic persons only), and measures parse+validate throughput as the median of several runs.
import { loadTs } from '../load-ts.mjs';

const KYOTAKU = '1310100019';
const HOUMON = '1310200017';
const NAME = `UPPLAN_202412_${KYOTAKU}_43_${HOUMON}_11_20241125093000.CSV`;
const RUNS = 3;

/** Rows of a month of 第6表 for `persons` synthetic persons (about 20 visits each, mixed free text). */
function planRows(persons) {
  const rows = [];
  for (let p = 0; p < persons; p++) {
    const insured = String(1_000_000_000 + p).slice(-10);
    for (let d = 1; d <= 20; d++) {
      const day = String(d).padStart(2, '0');
      rows.push([
        '202407',
        '131016',
        insured,
        '20241125',
        '202412',
        KYOTAKU,
        `介護\u3000太郎${p % 100}`,
        String(200 + (d % 7) * 50),
        '',
        `202412${day}`,
        '',
        '0900',
        '1000',
        '1',
        d % 3 === 0 ? '116275' : '111211',
        '',
        '',
        '',
        '',
        HOUMON,
        d % 2 ? 'ﾍﾙﾊﾟｰｽﾃｰｼｮﾝ ひまわり' : '訪問介護 "さくら", 本店',
        '',
        '0',
        KYOTAKU,
        '',
      ]);
    }
  }
  return rows;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run({ root, log }) {
  const mod = loadTs(root, 'electron/services/careplan/index.ts');
  // ~32 MB: rows are about 160 bytes.
  const persons = 10_000;
  const encoded = mod.encodeCarePlanFile(NAME, 'UPPLAN', planRows(persons));
  if (!encoded.ok) throw new Error(`bench rows did not encode: ${encoded.issues[0]?.rule}`);
  const bytes = encoded.bytes;
  const mb = bytes.length / 1e6;
  log(`UPPLAN ${mb.toFixed(1)} MB, ${persons * 20} rows`);

  const times = [];
  const cpuTimes = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    last = undefined; // do not hold the previous run's rows while measuring
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    last = mod.parseCarePlanFile(NAME, bytes);
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  if (last.counts.error !== 0) throw new Error(`bench file has ${last.counts.error} errors`);
  const ms = median(times);

  // The exact path (decoder + text tokenizer) that files with findings take: the stream reader, in one write.
  const exactTimes = [];
  for (let i = 0; i < RUNS; i++) {
    last = undefined;
    const t0 = performance.now();
    const reader = new mod.CarePlanStreamReader(NAME);
    reader.write(bytes);
    last = reader.end();
    exactTimes.push(performance.now() - t0);
  }
  if (last.counts.error !== 0) throw new Error(`bench file has ${last.counts.error} errors on the exact path`);

  const again = mod.encodeCarePlanFile(
    NAME,
    'UPPLAN',
    last.rows.map((r) => r.fields),
  );
  const identical = again.ok && Buffer.from(again.bytes).equals(Buffer.from(bytes));
  last = undefined;

  // A month of 第6表 for 1,000 persons (issue 8): parse + validate time.
  const month = mod.encodeCarePlanFile(NAME, 'UPPLAN', planRows(1000));
  const monthTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    mod.parseCarePlanFile(NAME, month.bytes);
    monthTimes.push(performance.now() - t0);
  }
  // The same month through the model (issue 8 §3): rows → typed plans, applied to a book, 予定 vs 実績 per person;
  // and written back as a send unit (model → CSV → read back by the validator).
  const modelTimes = [];
  const unitTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const m = mod.fileToModel(mod.parseCarePlanFile(NAME, month.bytes));
    if (!m.ok) throw new Error(m.reason);
    const book = new mod.CarePlanBook();
    book.applyAll([m.value]);
    let compared = 0;
    for (const s of book.allMonths()) compared += mod.compareMonth(s).length;
    modelTimes.push(performance.now() - t0);
    if (compared === 0) throw new Error('nothing compared');
    const t1 = performance.now();
    const unit = mod.writeSendUnit({
      from: { office: KYOTAKU, service: '43' },
      to: { office: HOUMON, service: '11' },
      at: new Date('2024-11-25T00:30:00Z'),
      parts: [{ kind: 'UPPLAN', month: '202412', content: m.value.content }],
    });
    unitTimes.push(performance.now() - t1);
    if (!unit.ok) throw new Error(`send unit: ${unit.issues[0]?.rule}`);
  }
  log(
    `parse+validate median ${ms.toFixed(0)} ms → ${(mb / (ms / 1000)).toFixed(1)} MB/s; round trip identical: ${identical}`,
  );
  return {
    parseValidateMBps: Number((mb / (ms / 1000)).toFixed(1)),
    // The same per CPU second: less sensitive to other processes on a busy machine.
    parseValidateMBpsCpu: Number((mb / (median(cpuTimes) / 1000)).toFixed(1)),
    // Files with findings (e.g. one undecodable byte) are read on the exact path instead of the whole-file one.
    parseValidateExactMBps: Number((mb / (median(exactTimes) / 1000)).toFixed(1)),
    inputMB: Number(mb.toFixed(1)),
    roundTripIdentical: identical,
    month1000PersonsMs: Number(median(monthTimes).toFixed(1)),
    month1000PersonsModelMs: Number(median(modelTimes).toFixed(1)),
    sendUnit1000PersonsMs: Number(median(unitTimes).toFixed(1)),
  };
}
