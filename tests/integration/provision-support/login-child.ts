// A new process for the provisioning test: builds the app exactly as Electron would for this OS user (config and
// data from the environment), logs in with the certificate provisioned by `kaigo-desk provision`, reads the one-time
// code from stdin, and prints one JSON line per step. Logs go to stderr so the test can scan them.
import { createInterface } from 'node:readline';
import { createApp } from '../../../electron/app';
import { KaigoError } from '../../../electron/services/errors';
import { stderrLogger } from '../../../electron/services/log';

const out = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');

async function main(): Promise<void> {
  const app = await createApp({ log: stderrLogger() });
  try {
    const login = await app.handlers['session.login']({ staffId: 'cm-renshu01', password: 'Renshu-CM-2026!' });
    out({ step: 'login', mode: app.runtime.mode, phase: login.phase });
    const lines = createInterface({ input: process.stdin });
    const code = (await lines[Symbol.asyncIterator]().next()).value as string;
    lines.close();
    const done = await app.handlers['session.submitOtp']({ code: code.trim() });
    const audit = app
      .audit()
      .rows()
      .filter((r) => r.action === 'config-change')
      .map((r) => ({ staffId: r.staffId, detail: r.detail }));
    out({ step: 'otp', phase: done.phase, staff: done.staff, audit });
  } catch (err) {
    out({ step: 'error', code: err instanceof KaigoError ? err.code : 'INTERNAL' });
    process.exitCode = 3;
  } finally {
    await app.close();
  }
}

void main();
