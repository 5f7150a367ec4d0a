import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';
import { tempDir } from '../support/temp';

// `npm run dist:check` (build/dist-check.mjs) on the real files and on broken temp copies: every problem is printed
// as "file: key — message" and the exit code is 1.

const EXAMPLE = 'resources/config/kaigo-desk.example.json';
let copies: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const c of copies) c.remove();
  copies = [];
});

function distCheck(args: string[] = []) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'build', 'dist-check.mjs'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of what dist:check reads, edited by `edit` (file relative to the copy → new text). */
function brokenCopy(edits: Record<string, (text: string) => string>): string {
  const dir = tempDir('kd-dist-check-');
  copies.push(dir);
  fs.cpSync(path.join(ROOT, 'electron-builder.yml'), path.join(dir.path, 'electron-builder.yml'));
  fs.cpSync(path.join(ROOT, 'build'), path.join(dir.path, 'build'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'resources'), path.join(dir.path, 'resources'), { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const full = path.join(dir.path, file);
    const mode = fs.statSync(full).mode;
    fs.writeFileSync(full, edit(fs.readFileSync(full, 'utf8')), { mode });
  }
  return dir.path;
}

const replaceOnce = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`fixture edit: "${from}" not found`);
  return text.replace(from, to);
};

const editJson = (fn: (value: Record<string, unknown>) => void) => (text: string) => {
  const value = JSON.parse(text) as Record<string, unknown>;
  fn(value);
  return JSON.stringify(value, null, 2);
};

describe('npm run dist:check', () => {
  it('passes on the project as committed', () => {
    const r = distCheck();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dist:check: OK');
  });

  it('passes on an unedited copy (so the failures below come from the edits)', () => {
    expect(distCheck(['--root', brokenCopy({})]).code).toBe(0);
  });

  it('fails on a builder config that installs per user only, naming file and key', () => {
    const root = brokenCopy({ 'electron-builder.yml': replaceOnce('perMachine: true', 'perMachine: false') });
    const r = distCheck(['--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'electron-builder.yml: nsis.perMachine — perMachine: true にしてください（PCのすべてのユーザーに導入します）',
    );
    expect(r.stderr).toContain('dist:check: 1件の問題があります');
  });

  it('fails on a builder config without the deb target, without the shim, with a misspelt key', () => {
    const root = brokenCopy({
      'electron-builder.yml': (t) =>
        replaceOnce(
          'target: [AppImage, deb]',
          'target: [AppImage]',
        )(t)
          .replace('    - from: build/shims/kaigo-desk.cmd\n      to: kaigo-desk.cmd\n', '    - from: x\n      to: y\n')
          .replace('dmg:\n', 'dmgg:\n'),
    });
    const lines = distCheck(['--root', root]).stderr.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '  electron-builder.yml: linux.target — Linux の target に deb がありません',
        '  electron-builder.yml: win.extraFiles — kaigo-desk.cmd（コマンドライン用）を同梱してください',
        '  electron-builder.yml: dmgg — 不明な項目です（綴りを確認してください）',
      ]),
    );
  });

  it('refuses YAML outside the subset it can read, with the line', () => {
    const root = brokenCopy({ 'electron-builder.yml': replaceOnce('appId: jp.kaigodesk.app', 'appId: &id jp.x') });
    const r = distCheck(['--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /electron-builder\.yml: \(全体\) — 読み取れません（\d+行目: このYAMLの書き方には対応していません: &id jp\.x）/,
    );
  });

  it('fails on a broken example configuration with the real schema’s message', () => {
    const root = brokenCopy({
      [EXAMPLE]: editJson((c) => {
        (c.offices as Array<Record<string, unknown>>)[0]!.officeNumber = '1310100018';
        c.updates = { url: 'http://updates.example.jp/', channel: 'Beta!' };
      }),
    });
    const r = distCheck(['--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${EXAMPLE}: offices.0.officeNumber — 事業所番号の検証番号（10桁目）が一致しません`);
    expect(r.stderr).toContain(`${EXAMPLE}: updates.url — 更新の配布先（updates.url）は https:// で始まるURLです`);
    expect(r.stderr).toContain(
      `${EXAMPLE}: updates.channel — 更新チャネル（updates.channel）は英小文字で始まる英小文字・数字です`,
    );
  });

  it('fails on an example configuration that is not JSON', () => {
    const root = brokenCopy({ [EXAMPLE]: (t) => t.replace(/\}\s*$/, '') });
    expect(distCheck(['--root', root]).stderr).toContain(
      `${EXAMPLE}: (全体) — JSONとして読み取れません（括弧・カンマ・引用符を確認してください）`,
    );
  });

  it('fails on release fuses that allow running as Node or a test flavour that loosens more than e2e needs', () => {
    const root = brokenCopy({
      'build/fuses.json': editJson((f) => {
        (f.release as Record<string, boolean>).RunAsNode = true;
        (f.test as Record<string, boolean>).RunAsNode = true;
        (f.test as Record<string, boolean>).OnlyLoadAppFromAsar = false;
      }),
    });
    const r = distCheck(['--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'build/fuses.json: release.RunAsNode — Node として起動できないよう false にしてください',
    );
    expect(r.stderr).toContain(
      'build/fuses.json: test.OnlyLoadAppFromAsar — テスト用でもリリースと同じ値にしてください（e2e に必要な項目だけ変えられます）',
    );
  });

  it('fails on a shim that does not pass its arguments to --cli or has LF line ends', () => {
    const root = brokenCopy({
      'build/shims/kaigo-desk.cmd': (t) => t.replace('--cli %*', '--cli').replace(/\r\n/g, '\n'),
    });
    const r = distCheck(['--root', root]);
    expect(r.stderr).toContain('build/shims/kaigo-desk.cmd: --cli — 引数をそのまま渡す「--cli %*」がありません');
    expect(r.stderr).toContain(
      'build/shims/kaigo-desk.cmd: (改行) — Windows のバッチファイルは CRLF 改行にしてください',
    );
  });

  it('also validates an office’s own configuration file with --config', () => {
    const dir = tempDir('kd-dist-config-');
    copies.push(dir);
    const file = path.join(dir.path, 'office.json');
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1 }));
    const r = distCheck(['--config', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}: endpoint — 必須の項目がありません`);
  });
});
