import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { OUT } from './paths';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`node out/cli.js …`) as a separate process, as installers and CI do. */
export function runBuiltCli(args: string[], env: Record<string, string | undefined>, input?: string): Promise<CliRun> {
  const cli = path.join(OUT, 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('out/cli.js is missing: run `npm run build` first');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
