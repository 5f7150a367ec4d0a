import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openEncryptedDb } from '../../../native/sqlite';
import { seededRandom } from '../../../electron/training/data';
import { startTrainingServer, TRAINING_STAFF } from '../../../electron/training/server';
import { createTrainingPki } from '../../../electron/training/pki';
import { TRAINING_OFFICES } from '../../../electron/training/server';
import { tempDir, waitFor } from '../../support/temp';

// Exactly-once delivery across SIGKILL (issue 6 acceptance), shared by the CI test (a few kills) and the soak (many).
// A child queues `jobs` jobs while no service exists, then a training backend starts whose answers to /deliveries
// are held for a moment after they took effect. A child delivering is SIGKILLed as soon as the server has recorded
// a seeded number of further deliveries — so it dies between send and acknowledgement. A last child runs to the
// end. Then every job must be 'sent' and the server must count exactly one effect per key.

export interface KillLoopOptions {
  childFile: string;
  jobs: number;
  kills: number;
  seed: number;
  /** How long the server holds an answer after its effect. */
  holdMs?: number;
  log?: (line: string) => void;
}

export interface KillLoopResult {
  kills: number;
  delivered: number;
  problems: string[];
}

export async function runOutboxKillLoop(o: KillLoopOptions): Promise<KillLoopResult> {
  const random = seededRandom(o.seed).next;
  const dir = tempDir('kd-outbox-kill-');
  const key = randomBytes(32).toString('hex');
  const dbFile = path.join(dir.path, 'records.db');
  const staff = TRAINING_STAFF.find((s) => s.staffId === 'cm-renshu01')!;
  const pki = createTrainingPki(TRAINING_OFFICES);
  const office = pki.offices.find((of) => of.officeNumber === staff.officeNumber)!;
  const pem = (name: string, text: string) => {
    const p = path.join(dir.path, name);
    fs.writeFileSync(p, text, { mode: 0o600 });
    return p;
  };
  const baseEnv = {
    PATH: process.env.PATH ?? '',
    KD_DB: dbFile,
    KD_DB_KEY: key,
    KD_CA: pem('ca.pem', pki.ca.certPem),
    KD_CERT: pem('client.pem', office.certPem),
    KD_KEY: pem('client.key', office.keyPem),
    KD_STAFF: staff.staffId,
    KD_PASSWORD: staff.password,
  };
  const server = await startTrainingServer({ pki });
  const problems: string[] = [];
  let kills = 0;
  try {
    // 1. Queue while offline: the child has no service address at all.
    await runChild(o.childFile, ['queue', String(o.jobs)], baseEnv, () => null);
    server.hooks.delayPaths = ['/api/v1/deliveries'];
    server.hooks.answerDelayMs = o.holdMs ?? 150;
    const env = { ...baseEnv, KD_URL: server.url };
    const mailbox = () => server.mailbox.latestFor(staff.staffId)!.code;
    // 2. Children killed between send and acknowledgement.
    for (let k = 0; k < o.kills; k++) {
      const before = server.data.deliveries.length;
      if (before >= o.jobs) break;
      const further = 1 + Math.floor(random() * Math.min(3, o.jobs - before));
      const killed = await runChild(o.childFile, ['deliver'], env, mailbox, async (child) => {
        await waitFor('deliveries before the kill', () => server.data.deliveries.length >= before + further, 30_000, 5);
        child.kill('SIGKILL');
      });
      if (killed !== 'SIGKILL') problems.push(`child ${k} was not killed (${killed})`);
      else kills++;
      o.log?.(`kill ${k + 1}: after ${server.data.deliveries.length}/${o.jobs} deliveries`);
    }
    // 3. A last child delivers the rest, asking first about the ones left ambiguous.
    server.hooks.answerDelayMs = 0;
    const last = await runChild(o.childFile, ['deliver'], env, mailbox);
    if (last !== 0) problems.push(`last child ended with ${last}`);
    // 4. Exactly once: one effect per key, every job sent.
    const effects = server.data.idempotency.allEffects();
    if (effects.size !== o.jobs) problems.push(`server saw ${effects.size} keys for ${o.jobs} jobs`);
    for (const [k, n] of effects) if (n !== 1) problems.push(`key ${k.slice(0, 8)}… took effect ${n} times`);
    if (server.data.deliveries.length !== o.jobs) {
      problems.push(`${server.data.deliveries.length} deliveries recorded for ${o.jobs} jobs`);
    }
    const db = openEncryptedDb(dbFile, { key: Buffer.from(key, 'hex'), synchronous: 'FULL' });
    try {
      const states = db.all<{ state: string; n: number }>('SELECT state, count(*) AS n FROM outbox GROUP BY state');
      const sent = states.find((s) => s.state === 'sent')?.n ?? 0;
      if (sent !== o.jobs) problems.push(`outbox states ${JSON.stringify(states)}`);
    } finally {
      db.close();
    }
    return { kills, delivered: server.data.deliveries.length, problems };
  } finally {
    await server.close();
    dir.remove();
  }
}

type Child = ReturnType<typeof spawn>;

/** Runs the child; answers its one-time-code request; `during` may kill it. Resolves with the exit code or signal. */
function runChild(
  file: string,
  args: string[],
  env: Record<string, string>,
  otp: () => string | null,
  during?: (child: Child) => Promise<void>,
): Promise<number | string> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [file, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let buffered = '';
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    child.stdout!.on('data', (chunk) => {
      buffered += String(chunk);
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (line.includes('"otp":"wanted"')) child.stdin!.write(`${otp() ?? ''}\n`);
        if (line.includes('"error"')) stderr += line;
      }
    });
    child.stdin!.on('error', () => {}); // the child may die before reading
    during?.(child).catch(reject);
    child.on('exit', (code, signal) => {
      if (signal) return resolve(signal);
      if (code !== 0) return reject(new Error(`child ${args[0]} exited ${code}: ${stderr.slice(0, 500)}`));
      resolve(0);
    });
  });
}
