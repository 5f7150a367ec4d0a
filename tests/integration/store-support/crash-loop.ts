import { spawn, execFile } from 'node:child_process';
import { seededRandom } from '../../../electron/training/data';

// The crash loop shared by the CI test (tests/integration/crash-store.test.ts, a few kills) and the soak
// (tests/bench/soak/store-crash.mjs, many): a writer process (child.ts `write`) is SIGKILLed at seeded random points;
// after each kill a fresh process opens both databases and reports what is there. The writer prints an id only after
// it is committed in records and cache and the counter blob is sealed, so every printed id must survive.

export interface CrashLoopOptions {
  /** The bundled child.ts. */
  childFile: string;
  dataDir: string;
  /** Environment with the keychain session. */
  env: Record<string, string>;
  kills: number;
  seed: number;
  log?: (line: string) => void;
}

export interface CrashLoopResult {
  kills: number;
  committed: number;
  /** Human-readable problems; empty when every check held. */
  problems: string[];
}

interface Verified {
  integrity: { records: string[]; cache: string[] };
  records: number[];
  audit: number[];
  cache: number[];
  counter: number;
  error?: string;
}

/** The project's seeded PRNG (mulberry32), so a failing run can be replayed. */
const prng = (seed: number): (() => number) => seededRandom(seed).next;

function writeUntilKilled(o: CrashLoopOptions, from: number, afterIds: number, extraMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [o.childFile, 'write', o.dataDir, String(from)], {
      env: o.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ids: number[] = [];
    let buffered = '';
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.on('data', (chunk) => {
      buffered += String(chunk);
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const id = Number(line);
        if (Number.isInteger(id)) ids.push(id);
        else stderr += line;
      }
      if (!armed && ids.length >= afterIds) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(ids);
      else reject(new Error(`writer exited on its own (code ${code}): ${stderr.slice(0, 500)}`));
    });
  });
}

function verify(o: CrashLoopOptions): Promise<Verified> {
  return new Promise((resolve, reject) =>
    execFile('node', [o.childFile, 'verify', o.dataDir], { env: o.env, maxBuffer: 64 << 20 }, (err, stdout) => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()!) as Verified);
      } catch {
        reject(err ?? new Error('verify printed nothing'));
      }
    }),
  );
}

export async function runCrashLoop(o: CrashLoopOptions): Promise<CrashLoopResult> {
  const random = prng(o.seed);
  const committed: number[] = [];
  const problems: string[] = [];
  let next = 1;
  for (let round = 1; round <= o.kills && problems.length === 0; round++) {
    const afterIds = 1 + Math.floor(random() * 40);
    const extraMs = Math.floor(random() * 12);
    const ids = await writeUntilKilled(o, next, afterIds, extraMs);
    committed.push(...ids);
    const v = await verify(o);
    if (v.error) {
      problems.push(`round ${round}: databases did not open: ${v.error}`);
      break;
    }
    if (v.integrity.records.join() !== 'ok') problems.push(`round ${round}: records integrity ${v.integrity.records}`);
    if (v.integrity.cache.join() !== 'ok') problems.push(`round ${round}: cache integrity ${v.integrity.cache}`);
    const sets = { records: new Set(v.records), audit: new Set(v.audit), cache: new Set(v.cache) };
    for (const [name, set] of Object.entries(sets)) {
      const lost = committed.filter((id) => !set.has(id));
      if (lost.length > 0) problems.push(`round ${round}: ${name} lost committed ids ${lost.slice(0, 10).join(',')}`);
    }
    const last = committed.at(-1) ?? 0;
    if (v.counter < last) problems.push(`round ${round}: sealed counter ${v.counter} behind committed ${last}`);
    next = Math.max(0, ...v.records, ...v.cache) + 1;
    o.log?.(`round ${round}: killed after ${ids.length} ids (+${extraMs} ms), ${committed.length} committed in all`);
  }
  return { kills: o.kills, committed: committed.length, problems };
}
