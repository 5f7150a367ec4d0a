import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { careplanExportCommand } from '../../electron/cli/commands/careplan-export';
import {
  applyReplacements,
  fileToModel,
  parseCarePlanFile,
  replacementCandidates,
  type ServiceUseTable,
  type UnitPart,
} from '../../electron/services/careplan';
import { tempDir } from '../support/temp';

// Characters to replace before export (issue 8 §2): found in the model, suggested, replaced only as chosen, and the
// choice printed in the export report. The hand-written 第6表 fixture names a planner 「髙﨑 "ケア", 一郎（主任①）」:
// all are MS932 but machine-dependent (IBM extension / NEC special), so they are warnings with suggestions.

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan', 'canonical');
const PLAN = 'UPPLAN_202412_1310100019_43_1310200017_11_20241125093000.CSV';
const NOW = new Date('2025-01-10T00:00:00Z');

function planParts(staffName?: string): UnitPart[] {
  const read = parseCarePlanFile(PLAN, fs.readFileSync(path.join(FIXTURES, PLAN)), { now: NOW });
  const m = fileToModel(read);
  if (!m.ok || m.value.kind !== 'UPPLAN') throw new Error('fixture did not model');
  const content = m.value.content as ServiceUseTable[];
  if (staffName !== undefined) content[0]!.planStaffName = staffName;
  return [{ kind: 'UPPLAN', month: '202412', content }];
}

const temps: { remove(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

function exportWith(parts: UnitPart[], extra: string[]) {
  const dir = tempDir('kd-cp-replace-');
  temps.push(dir);
  const input = path.join(dir.path, 'unit.json');
  fs.writeFileSync(
    input,
    JSON.stringify({
      from: { office: '1310100019', service: '43' },
      to: { office: '1310200017', service: '11' },
      parts,
    }),
  );
  const out = path.join(dir.path, 'out');
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), env: {} };
  return careplanExportCommand([input, '--out', out, ...extra], io, () => NOW).then((code) => ({
    code,
    stdout,
    stderr,
    files: fs.existsSync(out) ? fs.readdirSync(out).map((f) => fs.readFileSync(path.join(out, f))) : [],
  }));
}

describe('finding characters to replace', () => {
  it('lists machine-dependent characters with suggestions and counts, in order of appearance', () => {
    const found = replacementCandidates(planParts());
    expect(found.map((c) => [c.char, c.codePoint, c.required, c.suggestion])).toEqual([
      ['№', 'U+2116', false, 'No.'], // NEC special, in the fixture's other free texts
      ['ⅰ', 'U+2170', false, 'i'], // IBM extension
      ['髙', 'U+9AD9', false, '高'],
      ['﨑', 'U+FA11', false, '崎'],
      ['①', 'U+2460', false, '(1)'],
    ]);
    expect(found.every((c) => c.count === 1)).toBe(true);
  });

  it('characters MS932 cannot write are required, with or without a known suggestion', () => {
    const found = replacementCandidates(planParts('吉田〜𠮷 ☃'));
    const required = found.filter((c) => c.required).map((c) => [c.char, c.suggestion]);
    expect(required).toEqual([
      ['〜', '～'],
      ['𠮷', '吉'],
      ['☃', null],
    ]);
  });

  it('replaces only the chosen characters, everywhere, and counts them', () => {
    const r = applyReplacements(planParts('髙橋 髙子'), new Map([['髙', '高']]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Two in the planner's name, one in the other row's own name (髙﨑 …).
    expect(r.applied).toEqual([{ char: '髙', replacement: '高', count: 3 }]);
    const content = r.parts[0]!.content as ServiceUseTable[];
    expect(content[0]!.planStaffName).toBe('高橋 高子');
    // 﨑 and ① were not chosen: they stay (in the row that overrides the planner's name).
    expect(JSON.stringify(r.parts)).toContain('﨑');
  });

  it('refuses a replacement that cannot be written either', () => {
    const r = applyReplacements(planParts(), new Map([['髙', '𠮷']]));
    expect(r).toEqual({ ok: false, problem: expect.stringContaining('U+20BB7') as unknown as string });
  });
});

describe('kaigo-desk careplan export with replacements', () => {
  it('refuses to write while a character MS932 cannot write is left, naming it with the suggestion', async () => {
    const r = await exportWith(planParts('吉田〜花子'), []);
    expect(r.code).toBe(1);
    expect(r.files).toEqual([]);
    expect(r.stdout).toContain('「〜」（U+301C）1箇所: Shift-JIS（MS932）で書けません。提案:「～」（--replace 〜=～）');
    expect(r.stderr).toContain('書けない文字が1種類あるため、ファイルを作成しませんでした');
  });

  it('writes with the chosen replacement and records the choice and the remaining warnings in the report', async () => {
    const r = await exportWith(planParts('吉田〜花子'), ['--replace', '〜=～']);
    expect(r.code).toBe(0);
    expect(r.files).toHaveLength(1);
    expect(r.stdout).toContain('[置き換え（選択どおり）] 「〜」→「～」 1箇所');
    // The machine-dependent characters of the other row were not chosen: written as they are, with a warning.
    expect(r.stdout).toContain('「髙」（U+9AD9）1箇所: 機種依存文字です');
    expect(r.files[0]!.includes(Buffer.from([0x81, 0x60]))).toBe(true); // ～ (FULLWIDTH TILDE) in MS932
  });

  it('--accept-suggested takes every suggestion; the written file no longer holds the machine-dependent bytes', async () => {
    const r = await exportWith(planParts(), ['--accept-suggested']);
    expect(r.code).toBe(0);
    for (const line of ['「髙」→「高」', '「﨑」→「崎」', '「①」→「(1)」']) expect(r.stdout).toContain(line);
    expect(r.stdout).not.toContain('機種依存文字です');
    const bytes = r.files[0]!;
    expect(bytes.includes(Buffer.from([0x87, 0x40]))).toBe(false); // ① (NEC special)
    expect(bytes.includes(Buffer.from([0xfb, 0xfc]))).toBe(false); // 髙 (IBM extension)
    expect(bytes.includes(Buffer.from([0x8d, 0x82]))).toBe(true); // 高
  });

  it('a malformed --replace is a usage error', async () => {
    const r = await exportWith(planParts(), ['--replace', '髙高']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--replace は「文字=置換後」で1文字ずつ指定してください（髙高）。');
  });
});
