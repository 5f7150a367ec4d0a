import { auditCommand, auditHelp } from './commands/audit';
import { cardCommand, cardHelp } from './commands/card';
import { careplanCommand, careplanHelp } from './commands/careplan';
import { diagnosticsCommand, diagnosticsHelp } from './commands/diagnostics';
import { provisionCommand, provisionHelp } from './commands/provision';
import { recordsCommand, recordsHelp } from './commands/records';
import { statusCommand, statusHelp } from './commands/status';
import { trainingCommand, trainingHelp } from './commands/training';
import { EXIT, processIo, type CliIo } from './io';

// The `kaigo-desk` command line. Electron-free: runs as `node out/cli.js` in development and CI, and through
// `KaigoDesk --cli …` in the installed app (main.ts hands over before any window exists).

type Command = (args: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: Command; help: string }> = {
  status: { run: statusCommand, help: statusHelp },
  careplan: { run: careplanCommand, help: careplanHelp },
  audit: { run: auditCommand, help: auditHelp },
  card: { run: cardCommand, help: cardHelp },
  training: { run: trainingCommand, help: trainingHelp },
  provision: { run: provisionCommand, help: provisionHelp },
  records: { run: recordsCommand, help: recordsHelp },
  diagnostics: { run: diagnosticsCommand, help: diagnosticsHelp },
};

function usage(): string {
  return ['使い方: kaigo-desk <コマンド> [引数]', '', ...Object.values(commands).map((c) => `  ${c.help}`), ''].join(
    '\n',
  );
}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? EXIT.OK : EXIT.USAGE;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`不明なコマンドです: ${name}\n\n${usage()}`);
    return EXIT.USAGE;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    // Exception text may quote inputs; print only its kind.
    io.stderr(
      `エラー（INTERNAL）: 予期しないエラーが発生しました（${err instanceof Error ? err.name : 'unknown'}）。\n`,
    );
    return EXIT.FAILED;
  }
}
