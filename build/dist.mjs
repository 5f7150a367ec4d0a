#!/usr/bin/env node
// `npm run dist [-- electron-builder arguments]`: builds the installers (NSIS / dmg / AppImage + deb) with
// electron-builder, after dist:check and the app build. KAIGO_BUILD_FLAVOUR=test builds the flavour that
// `npm run test:electron` drives. Needs what the build machines cannot download (MACHINE.md "Installing"): the Electron
// binary, electron-builder and @electron/fuses. They are not dependencies of this project on purpose; on a normal
// machine: `npm install --no-save electron-builder@^26 @electron/fuses@^1 && npm install electron` then `npm run dist`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary, hasPackage, PROJECT } from './electron-binary.mjs';

const missing = [
  ...(electronBinary() ? [] : ['Electron の実行ファイル（npm install electron で取得）']),
  ...['electron-builder', '@electron/fuses'].filter((name) => !hasPackage(name)),
];
if (missing.length > 0) {
  process.stderr.write(
    [
      'dist: インストーラーを作れません。このマシンには次がありません:',
      ...missing.map((m) => `  - ${m}`),
      'Electron をダウンロードできるマシンで次を実行してください:',
      '  npm ci && npm install --no-save electron-builder@^26 @electron/fuses@^1',
      '  npm run dist            # このOS向け（Windows: NSIS、macOS: dmg、Linux: AppImage + deb）',
      '  KAIGO_BUILD_FLAVOUR=test npm run dist   # npm run test:electron 用',
      '設定だけの検証は npm run dist:check（ダウンロード不要）でできます。',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: PROJECT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run(process.execPath, [path.join(PROJECT, 'build', 'dist-check.mjs')]);
run('npm', ['run', 'build']);
run('npx', ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
