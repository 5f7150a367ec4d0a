import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../support/cli';
import { envWithoutKeychain } from '../support/keyring';
import { tempDir } from '../support/temp';

// `kaigo-desk careplan validate` as a separate process (`node out/cli.js`; run `npm run build` first), on the
// hand-written fixtures. It needs no keychain: every run here has none.

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan');
const PLAN = 'UPPLAN_202412_1310100019_43_1310200017_11_20241125093000.CSV';

async function validate(args: string[]) {
  const dir = tempDir();
  try {
    return await runBuiltCli(['careplan', 'validate', ...args], envWithoutKeychain(dir.path));
  } finally {
    dir.remove();
  }
}

describe('kaigo-desk careplan validate', () => {
  it('exits 0 on a folder of valid files and reports each file', async () => {
    const run = await validate([path.join(FIXTURES, 'canonical')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`■ ${PLAN}（第6表（サービス利用票）予定、4行）: エラー 0件・警告 0件・注記 0件`);
    expect(run.stdout).toContain('結果: 18ファイル エラーなし（警告 0件）。');
  });

  it('exits 0 with warnings only (an incomplete send unit)', async () => {
    const run = await validate([path.join(FIXTURES, 'canonical', PLAN)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `  [警告 send-unit] ${PLAN}: 同じ送信単位（連番 20241125093000）の第7表（UPSIKYU）・利用者補足情報（UPHOSOKU）が見当たりません。`,
    );
  });

  it('exits 1 with the exact finding (file, row, column, value, rule) on an invalid file', async () => {
    const run = await validate([path.join(FIXTURES, 'invalid', 'date', PLAN)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `  [エラー date] ${PLAN} 1行目 10列目「サービス利用日」 値「20241232」: 日付（YYYYMMDD）として正しくありません。`,
    );
  });

  it('prints JSON with --json', async () => {
    const run = await validate([path.join(FIXTURES, 'invalid', 'encoding', PLAN), '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.errors).toBeGreaterThan(0);
    expect(report.files[0]).toMatchObject({ file: PLAN, kind: 'UPPLAN' });
    expect(report.files[0].issues[0]).toMatchObject({ severity: 'error', rule: 'encoding', row: 1, byteOffset: 61 });
  });

  it('never prints a stack trace for junk input, and reports a missing file as an error', async () => {
    const dir = tempDir();
    try {
      const junk = path.join(dir.path, PLAN);
      fs.writeFileSync(junk, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
      const run = await runBuiltCli(
        ['careplan', 'validate', junk, path.join(dir.path, 'missing.CSV')],
        envWithoutKeychain(dir.path),
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toMatch(/\n\s+at |Error:/);
      expect(run.stdout).toContain('missing.CSV: ファイルを読めません');
    } finally {
      dir.remove();
    }
  });

  it('answers usage mistakes with exit code 2', async () => {
    expect((await validate([])).code).toBe(2);
    expect((await validate(['--frobnicate', PLAN])).code).toBe(2);
    const run = await runBuiltCli(['careplan'], process.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('careplan validate');
  });
});
