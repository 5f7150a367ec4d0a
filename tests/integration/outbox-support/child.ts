// A separate outbox process for the SIGKILL test: `node child.cjs queue <n>` queues n jobs offline (no network);
// `node child.cjs deliver` logs in (asks the parent for the one-time code on stdout/stdin), then runs delivery passes
// until nothing is left to send, printing one JSON line per pass. Configuration comes from KD_* variables.
import fs from 'node:fs';
import readline from 'node:readline';
import { openEncryptedDb } from '../../../native/sqlite';
import { createDeliveryClient } from '../../../electron/services/kiban';
import { createDeliveryLoop, createOutbox, createTransport } from '../../../electron/services/outbox';
import { createSession } from '../../../electron/services/session';
import { migrate, RECORDS_MIGRATIONS } from '../../../electron/services/store';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`missing ${name}`);
  return v;
};
const out = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');

async function main(): Promise<void> {
  const [command, count] = process.argv.slice(2);
  const db = openEncryptedDb(env('KD_DB'), { key: Buffer.from(env('KD_DB_KEY'), 'hex'), synchronous: 'FULL' });
  migrate(db, RECORDS_MIGRATIONS);
  const outbox = createOutbox({ db: () => db, clock: () => new Date(), retryDelayMs: () => 0 });
  if (command === 'queue') {
    for (let i = 0; i < Number(count); i++) outbox.enqueue({ kind: 'training.note', payload: { n: i } });
    out({ queued: Number(count) });
    db.close();
    return;
  }
  const session = createSession({
    baseUrl: env('KD_URL'),
    tls: {
      caPem: fs.readFileSync(env('KD_CA'), 'utf8'),
      certPem: fs.readFileSync(env('KD_CERT'), 'utf8'),
      keyPem: fs.readFileSync(env('KD_KEY'), 'utf8'),
    },
  });
  await session.login(env('KD_STAFF'), env('KD_PASSWORD'));
  out({ otp: 'wanted' });
  const lines = readline.createInterface({ input: process.stdin });
  const code = await new Promise<string>((resolve) => lines.once('line', resolve));
  lines.close();
  await session.submitOtp(code.trim());
  const client = createDeliveryClient(session);
  const loop = createDeliveryLoop({
    outbox: () => outbox,
    transport: createTransport({
      senders: {},
      deliver: async (job) => {
        await client.send({ kind: job.kind, payload: job.payload, idempotencyKey: job.idempotencyKey });
      },
      known: (keys) => client.known(keys),
    }),
    canSend: () => true,
    retryDelayMs: () => 0,
    timers: { setTimeout: () => null, clearTimeout: () => {} },
  });
  for (;;) {
    const report = await loop.kick();
    out({ pass: report });
    const c = outbox.counts();
    if (c.pending + c.sending + c.ambiguous === 0) break;
  }
  out({ done: outbox.counts() });
  await session.close();
  db.close();
}

main().catch((err: unknown) => {
  out({ error: (err as { code?: string }).code ?? 'INTERNAL' });
  process.exit(3);
});
