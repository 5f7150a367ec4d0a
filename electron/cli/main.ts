import { runCli } from './index';

// Entry of out/cli.js (`node out/cli.js …`).
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
