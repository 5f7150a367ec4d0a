// A separate process for the audit crash test: `node child.cjs write|verify`. The data dir and keychain come from the
// environment (KAIGO_DATA_DIR, KAIGO_CONFIG, the D-Bus session), as for the CLI. `write` records forever and prints
// each seq only after record() returned (row committed, head sealed); `verify` prints one JSON line.
import { createApp } from '../../../electron/app';
import { KaigoError } from '../../../electron/services/errors';

async function main(): Promise<void> {
  const command = process.argv[2];
  const app = await createApp();
  const audit = app.audit();
  if (command === 'write') {
    for (let i = 0; ; i++) {
      const seq = audit.record({
        staffId: 'crash01',
        action: i % 3 ? 'view' : 'print',
        subject: { kind: 'person', value: `00000${10000 + (i % 50)}` },
        detail: { pages: i % 100 },
      });
      process.stdout.write(`${seq}\n`);
    }
  }
  if (command !== 'verify') throw new Error(`unknown command ${command}`);
  const result = audit.verify();
  const integrity = app.store().records().integrityCheck();
  await app.close();
  process.stdout.write(JSON.stringify({ result, integrity }) + '\n');
}

main().catch((err: unknown) => {
  process.stdout.write(JSON.stringify({ error: err instanceof KaigoError ? err.code : String(err) }) + '\n');
  process.exit(3);
});
