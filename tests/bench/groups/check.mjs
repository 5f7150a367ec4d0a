// Check group (DESIGN.md §7: card placed → eligibility ready ≤ 300 ms, training mode, excluding PIN typing). The app
// is built from source (electron/app.ts, the same composition root as Electron and the e2e harness) on a temp host in
// 練習モード, with the real OS keychain on a private D-Bus. Each run: a training card is placed on the simulated
// reader, then the counter's calls run as the screen makes them — card.begin (detect card, read tries, nonce) and
// card.submitPin with the PIN at once (no typing time) — up to the eligibility result. Dispatched through the IPC
// dispatcher so input validation and error mapping are part of the figure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTsSource } from '../load-ts.mjs';

const RUNS = 30;
const WARMUP = 3;
const trusted = { url: 'app://kaigo/index.html', isMainFrame: true };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const round = (x) => Math.round(x * 10) / 10;

export async function run({ root, log }) {
  const m = loadTsSource(
    root,
    'check-bench',
    "export { createApp } from './electron/app'; export { startKeyringSession } from './tests/support/keyring';",
  );
  const keyring = await m.startKeyringSession();
  keyring.enterProcess();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-bench-check-'));
  const app = await m.createApp({
    host: {
      platform: 'linux',
      homeDir: dir,
      env: { KAIGO_CONFIG: path.join(dir, 'etc', 'config.json'), KAIGO_DATA_DIR: path.join(dir, 'data') },
    },
  });
  const call = async (name, payload = {}) => {
    const r = await app.dispatch(name, trusted, payload);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value;
  };
  try {
    if (app.runtime.mode !== 'training') throw new Error('not in training mode');
    await call('session.login', { staffId: 'cm-renshu01', password: 'Renshu-CM-2026!' });
    const backend = await app.trainingBackend();
    await call('session.submitOtp', { code: backend.mailbox.latestFor('cm-renshu01').code });

    const times = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      await call('training.placeCard', { card: 'normal', personIndex: i });
      const t0 = performance.now();
      await call('card.begin');
      const detail = await call('card.submitPin', { pin: '1234' });
      const dt = performance.now() - t0;
      if (!detail?.eligibility) throw new Error('no eligibility result');
      if (i >= WARMUP) times.push(dt);
    }
    const figures = { endToEndMs: round(median(times)), endToEndP95Ms: round(p95(times)), runs: RUNS };
    log(
      `card placed → eligibility ready: median ${figures.endToEndMs} ms, p95 ${figures.endToEndP95Ms} ms (${RUNS} runs)`,
    );
    return figures;
  } finally {
    await app.close();
    await keyring.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
