import fs from 'node:fs';
import path from 'node:path';

// The command-line shims (DESIGN.md §2): the installed app has no Node, so `kaigo-desk …` runs the app's executable
// with `--cli …`, which main.ts hands to the command line before any window exists.

export function checkShims(root, builder, add) {
  const executable = builder?.config?.executableName;
  const cmdFile = builder?.shimFile ?? 'build/shims/kaigo-desk.cmd';
  const cmdPath = path.join(root, cmdFile);
  if (fs.existsSync(cmdPath)) {
    const text = fs.readFileSync(cmdPath, 'utf8');
    if (/[^\r]\n/.test(text) || !text.includes('\r\n'))
      add(cmdFile, '(改行)', 'Windows のバッチファイルは CRLF 改行にしてください');
    if (!/--cli %\*/.test(text)) add(cmdFile, '--cli', '引数をそのまま渡す「--cli %*」がありません');
    if (typeof executable === 'string' && !text.includes(`"%~dp0${executable}.exe"`)) {
      add(
        cmdFile,
        'executableName',
        `同じフォルダの ${executable}.exe を呼んでいません（electron-builder.yml と一致させてください）`,
      );
    }
    if (!/exit \/b %ERRORLEVEL%/i.test(text))
      add(cmdFile, 'exit', '終了コードを返す「exit /b %ERRORLEVEL%」がありません');
  }
  const sh = 'build/shims/kaigo-desk';
  const shPath = path.join(root, sh);
  if (!fs.existsSync(shPath)) {
    add(sh, '(ファイル)', 'macOS / Linux 用のシムがありません');
    return;
  }
  const text = fs.readFileSync(shPath, 'utf8');
  if (!text.startsWith('#!/bin/sh\n')) add(sh, '#!', '1行目は #!/bin/sh にしてください');
  if (!text.includes('--cli "$@"')) add(sh, '--cli', '引数をそのまま渡す「--cli "$@"」がありません');
  if (typeof executable === 'string' && !text.includes(`/${executable}"`))
    add(sh, 'executableName', `${executable} を呼んでいません`);
  if (process.platform !== 'win32' && (fs.statSync(shPath).mode & 0o111) === 0)
    add(sh, '(実行権限)', '実行権限がありません');
}
