import fs from 'node:fs';
import path from 'node:path';

// Electron fuses (build/fuses.json), applied by build/after-pack.cjs. The release flavour is what offices install; the
// test flavour is what `npm run test:electron` drives and may differ only where Playwright needs it.

const FILE = 'build/fuses.json';
export const FUSE_NAMES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
];
const RELEASE_REQUIRED = {
  RunAsNode: [false, 'Node として起動できないよう false にしてください'],
  EnableCookieEncryption: [true, 'Cookie を暗号化するため true にしてください'],
  EnableNodeOptionsEnvironmentVariable: [false, 'NODE_OPTIONS を無視するため false にしてください'],
  EnableNodeCliInspectArguments: [false, 'デバッガ接続を禁止するため false にしてください'],
  EnableEmbeddedAsarIntegrityValidation: [true, 'asar の整合性を検証するため true にしてください'],
  OnlyLoadAppFromAsar: [true, 'asar 以外からアプリを読み込まないよう true にしてください'],
  GrantFileProtocolExtraPrivileges: [false, 'file:// に余分な権限を与えないよう false にしてください'],
};
// Playwright's _electron.launch attaches through the inspector arguments; nothing else may be loosened for tests.
const TEST_MAY_DIFFER = { EnableNodeCliInspectArguments: true };

export function checkFuses(root, add) {
  let fuses;
  try {
    fuses = JSON.parse(fs.readFileSync(path.join(root, FILE), 'utf8'));
  } catch (err) {
    add(FILE, '(全体)', err.code === 'ENOENT' ? 'ファイルがありません' : 'JSONとして読み取れません');
    return;
  }
  for (const flavour of ['release', 'test']) {
    const set = fuses?.[flavour];
    if (!set || typeof set !== 'object') {
      add(FILE, flavour, '設定がありません');
      continue;
    }
    for (const name of FUSE_NAMES) {
      if (typeof set[name] !== 'boolean') add(FILE, `${flavour}.${name}`, 'true か false を指定してください');
    }
    for (const name of Object.keys(set)) {
      if (!FUSE_NAMES.includes(name)) add(FILE, `${flavour}.${name}`, '不明な fuse です');
    }
  }
  const release = fuses?.release ?? {};
  const test = fuses?.test ?? {};
  for (const [name, [value, why]] of Object.entries(RELEASE_REQUIRED)) {
    if (typeof release[name] === 'boolean' && release[name] !== value) add(FILE, `release.${name}`, why);
  }
  for (const name of FUSE_NAMES) {
    if (typeof test[name] !== 'boolean' || typeof release[name] !== 'boolean' || test[name] === release[name]) continue;
    if (TEST_MAY_DIFFER[name] !== test[name])
      add(FILE, `test.${name}`, 'テスト用でもリリースと同じ値にしてください（e2e に必要な項目だけ変えられます）');
  }
  const hook = path.join(root, 'build', 'after-pack.cjs');
  if (!fs.existsSync(hook) || !fs.readFileSync(hook, 'utf8').includes('fuses.json')) {
    add('build/after-pack.cjs', '(ファイル)', 'fuses.json を適用する afterPack フックがありません');
  }
}
