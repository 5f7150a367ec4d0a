import fs from 'node:fs';
import path from 'node:path';
import { at, targetNames } from './problems.mjs';
import { parseYamlSubset, YamlSubsetError } from './yaml-subset.mjs';

// Checks electron-builder.yml against what issue 9 and DESIGN.md §2/§4 require of the installers. Each rule names
// the key it reads, so a broken file gives "electron-builder.yml: <key> — <why>".

const FILE = 'electron-builder.yml';
export const APP_ID = 'jp.kaigodesk.app';
export const PRODUCT_NAME = 'Kaigo Desk';
export const PRODUCT_NAME_JA = '介護デスク';
const APP_FILES = ['out/main.js', 'out/preload.js', 'out/cli.js', 'out/renderer/**'];
const DEB_NEEDS = ['pcscd', 'libpcsclite1', 'libsecret-1-0'];
// Top-level keys this project uses or may use; a typo ("nsiss") would otherwise be silently ignored by nobody here.
const KNOWN_TOP = new Set([
  'appId',
  'productName',
  'executableName',
  'copyright',
  'directories',
  'files',
  'asar',
  'asarUnpack',
  'npmRebuild',
  'buildDependenciesFromSource',
  'nodeGypRebuild',
  'extraResources',
  'extraFiles',
  'afterPack',
  'afterSign',
  'publish',
  'win',
  'nsis',
  'mac',
  'dmg',
  'linux',
  'deb',
  'appImage',
  'electronFuses',
  'electronVersion',
  'compression',
  'artifactName',
  'extraMetadata',
  'protocols',
  'fileAssociations',
  'beforeBuild',
  'afterAllArtifactBuild',
]);

function readBuilderConfig(root, add) {
  let source;
  try {
    source = fs.readFileSync(path.join(root, FILE), 'utf8');
  } catch {
    add(FILE, '(全体)', 'ファイルがありません');
    return null;
  }
  try {
    const value = parseYamlSubset(source);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      add(FILE, '(全体)', '設定はマップ（キー: 値）で書いてください');
      return null;
    }
    return value;
  } catch (err) {
    if (err instanceof YamlSubsetError) {
      add(FILE, '(全体)', `読み取れません（${err.message}）`);
      return null;
    }
    throw err;
  }
}

export function checkBuilderConfig(root, add) {
  const config = readBuilderConfig(root, add);
  if (!config) return null;
  const expect = (key, ok, message) => {
    if (!ok(at(config, key))) add(FILE, key, message);
  };
  const exists = (rel) => typeof rel === 'string' && fs.existsSync(path.join(root, rel));
  const list = (v) => (Array.isArray(v) ? v : []);

  for (const key of Object.keys(config)) {
    if (!KNOWN_TOP.has(key)) add(FILE, key, '不明な項目です（綴りを確認してください）');
  }
  expect('appId', (v) => v === APP_ID, `アプリID は ${APP_ID} です（変えると更新とデータの引き継ぎができません）`);
  expect('productName', (v) => v === PRODUCT_NAME, `製品名は「${PRODUCT_NAME}」です`);
  expect(
    'executableName',
    (v) => typeof v === 'string' && /^[A-Za-z0-9-]+$/.test(v),
    '実行ファイル名（英数字）を指定してください',
  );
  expect('asar', (v) => v === true, 'asar: true にしてください（asar 整合性の検証に必要です）');
  expect(
    'asarUnpack',
    (v) => list(v).includes('**/*.node'),
    "ネイティブモジュールを asar の外に出す '**/*.node' がありません",
  );
  expect(
    'npmRebuild',
    (v) => v === undefined || v === true,
    'ネイティブモジュールを Electron 向けに作り直すため npmRebuild: true にしてください',
  );
  expect(
    'buildDependenciesFromSource',
    (v) => v === undefined || typeof v === 'boolean',
    'true か false を指定してください',
  );
  expect(
    'files',
    (v) => APP_FILES.every((f) => list(v).includes(f)),
    `アプリ本体（${APP_FILES.join(', ')}）を含めてください`,
  );
  expect(
    'extraResources',
    (v) => list(v).some((r) => r && r.from === 'resources' && r.to === 'resources'),
    'resources/（信頼する証明書・コードマスタ・練習用データ）を from: resources, to: resources で同梱してください',
  );
  if (!fs.existsSync(path.join(root, 'resources'))) add('resources', '(フォルダ)', 'フォルダがありません');
  expect(
    'afterPack',
    (v) => v === 'build/after-pack.cjs' && exists(v),
    'Electron fuses を設定する build/after-pack.cjs を指定してください',
  );
  expect(
    'publish',
    (v) => list(v).some((p) => p && p.provider === 'generic'),
    '更新の配布先は generic（事業所内のサーバーも可）にしてください',
  );

  // Windows: NSIS, per machine, custom folder, silent-capable, the kaigo-desk.cmd shim.
  expect('win.target', (v) => targetNames(v).includes('nsis'), 'Windows の target に nsis がありません');
  expect('nsis.oneClick', (v) => v === false, 'oneClick: false にしてください（インストール先の変更に必要です）');
  expect('nsis.perMachine', (v) => v === true, 'perMachine: true にしてください（PCのすべてのユーザーに導入します）');
  expect(
    'nsis.allowToChangeInstallationDirectory',
    (v) => v === true,
    'インストール先を変更できるよう true にしてください',
  );
  expect('nsis.shortcutName', (v) => v === PRODUCT_NAME_JA, `ショートカット名は「${PRODUCT_NAME_JA}」です`);
  expect('nsis.include', (v) => exists(v), 'NSIS の追加スクリプト（build/installer.nsh）が見つかりません');
  const include = at(config, 'nsis.include');
  if (exists(include)) {
    const nsh = fs.readFileSync(path.join(root, include), 'utf8');
    if (/SetSilent\s+normal/i.test(nsh)) add(include, 'SetSilent', '/S によるサイレントインストールを無効にしています');
    if (!/!macro\s+customInstall\b/.test(nsh))
      add(include, 'customInstall', '設定ファイルを置く customInstall マクロがありません');
  }
  const shim = list(at(config, 'win.extraFiles')).find((f) => f && f.to === 'kaigo-desk.cmd');
  if (!shim) add(FILE, 'win.extraFiles', 'kaigo-desk.cmd（コマンドライン用）を同梱してください');
  else if (!exists(shim.from)) add(FILE, 'win.extraFiles', `${shim.from} が見つかりません`);

  expect('mac.target', (v) => targetNames(v).includes('dmg'), 'macOS の target に dmg がありません');
  expect('linux.target', (v) => targetNames(v).includes('AppImage'), 'Linux の target に AppImage がありません');
  expect('linux.target', (v) => targetNames(v).includes('deb'), 'Linux の target に deb がありません');
  expect(
    'deb.depends',
    (v) => DEB_NEEDS.every((d) => list(v).includes(d)),
    `deb の依存に ${DEB_NEEDS.join(', ')} を含めてください`,
  );
  return { config, shimFile: shim?.from ?? null };
}
