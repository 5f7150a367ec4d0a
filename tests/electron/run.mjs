#!/usr/bin/env node
// `npm run test:electron` (issue 9): runs the e2e spec files (tests/e2e, the same files the Chromium harness runs)
// against the real Electron app through Playwright's _electron.launch (tests/support/electron-driver.ts).
// Without an Electron binary — the build machines install the electron package with ELECTRON_SKIP_BINARY_DOWNLOAD=1
// (MACHINE.md "Installing") — it prints one notice and exits 0.
//   KAIGO_ELECTRON_APP=<packaged test-flavour executable>  drive the packaged app instead of out/main.js
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { electronBinary, PROJECT } from '../../build/electron-binary.mjs';

const packaged = process.env.KAIGO_ELECTRON_APP;
const binary = packaged ? (fs.existsSync(packaged) ? packaged : null) : electronBinary();
if (!binary) {
  process.stdout.write(
    (packaged
      ? `test:electron: スキップ — KAIGO_ELECTRON_APP のアプリがありません: ${packaged}`
      : 'test:electron: スキップ — このマシンには Electron の実行ファイルがありません（node_modules/electron/dist。' +
        'electron パッケージは ELECTRON_SKIP_BINARY_DOWNLOAD=1 で入っています）。' +
        'Electron をダウンロードできるマシンで `npm ci && npm run test:electron` を実行してください' +
        '（パッケージ版: `KAIGO_BUILD_FLAVOUR=test npm run dist -- --dir` の後、' +
        'KAIGO_ELECTRON_APP=<out/dist の実行ファイル> npm run test:electron）。') + '\n',
  );
  process.exit(0);
}

const run = (command, args, env = process.env) => {
  const r = spawnSync(command, args, { cwd: PROJECT, stdio: 'inherit', env, shell: process.platform === 'win32' });
  return r.status ?? 1;
};
if (!packaged && run('npm', ['run', 'build']) !== 0) process.exit(1);
const env = {
  ...process.env,
  KAIGO_E2E_DRIVER: 'electron',
  ...(packaged ? {} : { KAIGO_ELECTRON: binary }),
};
process.exit(run('npx', ['vitest', 'run', '--project', 'e2e', ...process.argv.slice(2)], env));
