import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openPcsc } from '../../native/pcsc';
import { tempDir, waitFor } from './temp';

// A real pcscd with vsmartcard's vpcd driver for tests (CARD.md §5): foreground, APDU logging (`-a` logs PINs: tests
// only), started and stopped by pid. One pcscd per mount namespace: the integration project runs files serially and
// this helper refuses to start a second one.

export const VPCD_READERS = ['Virtual PCD 00 00', 'Virtual PCD 00 01'] as const;
const PID_FILE = '/run/pcscd/pcscd.pid';
const RUN_DIR = '/run/pcscd';

export interface PcscdHandle {
  readonly pid: number;
  /** pcscd's own log (APDUs and PINs included — never scan it as a product log). */
  readonly logPath: string;
  stop(): Promise<void>;
}

let running: PcscdHandle | null = null;

function processName(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Removes pcscd's pid and socket files when no pcscd owns them; refuses when another pcscd is alive. */
function clearStaleRunFiles(): void {
  if (!fs.existsSync(PID_FILE)) return;
  const pid = Number.parseInt(fs.readFileSync(PID_FILE, 'utf8').trim(), 10);
  if (Number.isInteger(pid) && pid > 0 && processName(pid) === 'pcscd')
    throw new Error(`another pcscd (pid ${pid}) already runs in this namespace; stop it first`);
  for (const f of ['pcscd.pid', 'pcscd.comm', 'pcscd.pub']) fs.rmSync(path.join(RUN_DIR, f), { force: true });
}

function readersListed(): boolean {
  const pcsc = openPcsc();
  try {
    const readers = pcsc.listReaders();
    return VPCD_READERS.every((r) => readers.includes(r));
  } finally {
    pcsc.close();
  }
}

export async function startPcscd(): Promise<PcscdHandle> {
  if (running) throw new Error('pcscd already started by this test process (one per namespace, CARD.md §5)');
  clearStaleRunFiles();
  const logDir = tempDir('kd-pcscd-');
  const logPath = path.join(logDir.path, 'pcscd.log');
  const log = fs.openSync(logPath, 'w');
  const child: ChildProcess = spawn('pcscd', ['-f', '-a', '-d'], { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  const pid = child.pid;
  if (pid === undefined) throw new Error('pcscd did not start');
  const handle: PcscdHandle = {
    pid,
    logPath,
    stop: async () => {
      if (!exitedEarly) {
        process.kill(pid, 'SIGTERM');
        await exited;
      }
      if (running === handle) running = null;
      logDir.remove(); // it holds APDUs with PINs (training PINs, still: leave nothing behind)
    },
  };
  running = handle;
  try {
    const died = exited.then(() => {
      throw new Error('pcscd exited during start');
    });
    died.catch(() => undefined); // it also settles at the normal stop, long after the race
    await Promise.race([waitFor('vpcd readers listed by pcscd', readersListed), died]);
  } catch (err) {
    const tail = fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8').slice(-2000) : '';
    await handle.stop();
    throw new Error(`${(err as Error).message}\n${tail}`);
  }
  return handle;
}
