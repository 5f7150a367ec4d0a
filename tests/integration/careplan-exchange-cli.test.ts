import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileSequence, fileToModel, parseCarePlanFile } from '../../electron/services/careplan';
import { runBuiltCli } from '../support/cli';
import { envWithoutKeychain } from '../support/keyring';
import { tempDir } from '../support/temp';

// `kaigo-desk careplan export` and `careplan import` as a separate process (`node out/cli.js`; run `npm run build`
// first), on the hand-written fixtures: the model of a hand-written send unit is exported again and must come out
// byte-identical under a fresh Japan-time ファイル連番; a download folder is read in 連番 order.

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan');
const UNIT = ['UPPLAN', 'UPSIKYU', 'UPHOSOKU'].map((k) => `${k}_202412_1310100019_43_1310200017_11_20241125093000.CSV`);
const JSK = 'UPJSK_202412_1310200017_11_1310100019_43_20250105180000.CSV';

const dirs: { path: string; remove(): void }[] = [];
const temp = () => {
  const d = tempDir();
  dirs.push(d);
  return d.path;
};
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const cli = (args: string[]) => runBuiltCli(['careplan', ...args], envWithoutKeychain(temp()));

function modelOf(name: string) {
  const bytes = fs.readFileSync(path.join(FIXTURES, 'canonical', name));
  const m = fileToModel(parseCarePlanFile(name, bytes, { now: new Date('2025-01-10T00:00:00Z') }));
  if (!m.ok) throw new Error(m.reason);
  return { kind: m.value.kind, month: '202412', content: m.value.content };
}

function unitJson(to = { office: '1310200017', service: '11' }): string {
  const file = path.join(temp(), 'unit.json');
  fs.writeFileSync(
    file,
    JSON.stringify({ from: { office: '1310100019', service: '43' }, to, parts: UNIT.map(modelOf) }),
  );
  return file;
}

describe('kaigo-desk careplan export', () => {
  it('writes the send unit as correctly named files, byte-identical to the hand-written ones', async () => {
    const out = path.join(temp(), 'upload');
    const before = fileSequence(new Date());
    const run = await cli(['export', unitJson(), '--out', out]);
    const after = fileSequence(new Date());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const written = fs.readdirSync(out).sort();
    expect(written).toHaveLength(3);
    const sequences = new Set(written.map((n) => /_(\d{14})\.CSV$/.exec(n)?.[1]));
    expect(sequences.size).toBe(1);
    const [sequence] = [...sequences] as [string];
    expect(sequence >= before && sequence <= after).toBe(true);
    for (const name of UNIT) {
      const fresh = name.replace('20241125093000', sequence);
      expect(written).toContain(fresh);
      expect(
        fs.readFileSync(path.join(out, fresh)).equals(fs.readFileSync(path.join(FIXTURES, 'canonical', name))),
      ).toBe(true);
    }
    expect(run.stdout).toContain(`作成しました（3ファイル）:\n  ${UNIT[0]!.replace('20241125093000', sequence)}（`);
  });

  it('refuses to send to the same 事業所番号 and writes nothing', async () => {
    const out = path.join(temp(), 'upload');
    const run = await cli(['export', unitJson({ office: '1310100019', service: '11' }), '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '[エラー name-same-office] 送信単位: 送信元と送信先の事業所番号が同じです（1310100019）。同じ事業所番号どうしでは送受信できません（ケアプランデータ連携の仕様）。',
    );
    expect(run.stderr).toBe('careplan export: エラーが1件あるため、ファイルを作成しませんでした。\n');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a typed office number with a wrong check digit, and bad JSON', async () => {
    const run = await cli(['export', unitJson({ office: '1310200011', service: '11' }), '--out', temp()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('送信先の事業所番号「1310200011」の検証番号（10桁目）が合いません（計算上は 7）。');
    const bad = path.join(temp(), 'bad.json');
    fs.writeFileSync(bad, '{"from": 1');
    const junk = await cli(['export', bad, '--out', temp()]);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toContain('JSON として読めません。');
  });

  it('exits 2 on usage errors', async () => {
    const run = await cli(['export', unitJson()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('使い方: kaigo-desk careplan export MODEL.json --out DIR');
  });
});

describe('kaigo-desk careplan import', () => {
  it('reads a download folder in 連番 order and shows 予定 vs 実績 per person and month', async () => {
    const dir = temp();
    for (const name of [...UNIT, JSK]) fs.copyFileSync(path.join(FIXTURES, 'canonical', name), path.join(dir, name));
    const run = await cli(['import', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`■ ${UNIT[0]}: 取込可（第6表（サービス利用票）予定、4行）`);
    expect(run.stdout).toContain(
      '131016 0000012345 2024年12月: 予定 3件・第7表 4行・実績 1事業所（予定と実績の差 1件）',
    );
    expect(run.stdout).toContain('結果: 4ファイル中 取込可 4・取込エラー 0。');
    const json = await cli(['import', dir, '--json']);
    const parsed = JSON.parse(json.stdout) as { months: { insured: string; comparison: { status: string }[] }[] };
    expect(parsed.months.find((m) => m.insured === '0000012345')?.comparison.map((c) => c.status)).toEqual([
      'plannedOnly',
      'match',
      'match',
    ]);
  });

  it('summarises 第1–3表 per plan date and the 介護予防 files per 相談日 / 計画作成日, a deletion leaving なし', async () => {
    const dir = temp();
    const names = fs
      .readdirSync(path.join(FIXTURES, 'canonical'))
      .filter((n) => /^(UP[123]KYO|UPHOSOKU_000000|UPKIHON|UPYOBO|DLTYOBO)/.test(n));
    expect(names).toHaveLength(10);
    for (const name of names) fs.copyFileSync(path.join(FIXTURES, 'canonical', name), path.join(dir, name));
    const run = await cli(['import', dir]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      '131016 0000012345 計画作成（変更）日 2024年11月20日: 第1表 あり・第2表 2行・第3表 2行',
    );
    expect(run.stdout).toContain(
      '131016 0000054321 利用者基本情報 相談日 2024年11月15日: 本体 あり・別表1 2行・別表2 1行',
    );
    // DLTYOBO carries the same 連番 as the plan here; the summary shows what the book holds after applying both.
    expect(run.stdout).toMatch(
      /131016 0000054321 介護予防サービス・支援計画書 計画作成日 2024年11月\d+日: 本体 (あり|なし)・別表 \d+行/,
    );
    const json = JSON.parse((await cli(['import', dir, '--json'])).stdout) as {
      plans: { first: boolean }[];
      basicInfos: { basic: boolean; dailyLifeRows: number }[];
      preventionPlans: unknown[];
    };
    expect(json.plans.map((p) => p.first)).toEqual([true]);
    expect(json.basicInfos).toHaveLength(1);
    expect(json.basicInfos[0]!.basic).toBe(true);
    expect(json.basicInfos[0]!.dailyLifeRows).toBeGreaterThan(0);
    expect(json.preventionPlans).toHaveLength(1);
  });

  it('exits 1 when a file has errors, still showing the others', async () => {
    const dir = temp();
    fs.copyFileSync(path.join(FIXTURES, 'canonical', JSK), path.join(dir, JSK));
    fs.copyFileSync(path.join(FIXTURES, 'invalid', 'date', UNIT[0]!), path.join(dir, UNIT[0]!));
    const run = await cli(['import', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`■ ${UNIT[0]}: 取込エラー（エラー 1件。careplan validate で詳細を確認してください）`);
    expect(run.stdout).toContain(`  [エラー date] ${UNIT[0]} 1行目 10列目「サービス利用日」 値「20241232」`);
    expect(run.stdout).toContain(`■ ${JSK}: 取込可`);
  });
});
