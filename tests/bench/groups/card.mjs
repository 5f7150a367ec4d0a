// Card group: APDUs and bytes per identity check, the client's own overhead per check (excluding transport and
// card crypto), a full check through pcscd + vpcd, and OpenSC's APDU count for reading the same certificate.
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadTsSource } from '../load-ts.mjs';

const ENTRY = `
import crypto from 'node:crypto';
import { runCardCheck } from './electron/services/card';
import { connectVpcd, createTrainingCa, issueUserAuthCard, VirtualMyNumberCard } from './electron/training/virtual-card';
import { openPcsc } from './native/pcsc';
import { startPcscd } from './tests/support/pcscd';
import { waitFor } from './tests/support/temp';
export { runCardCheck, connectVpcd, createTrainingCa, issueUserAuthCard, VirtualMyNumberCard, openPcsc, startPcscd, waitFor, crypto };
`;

const exec = promisify(execFile);

function loadSources(root) {
  return loadTsSource(root, 'card-bench', ENTRY);
}

/** A channel over the in-process virtual card that measures the card's own time (transport = 0 here). */
function measuredChannel(card) {
  const stats = { cardNs: 0n, bytes: 0, apdus: 0 };
  return {
    stats,
    channel: {
      transmit: async (command) => {
        const t = process.hrtime.bigint();
        const response = card.transmit(command);
        stats.cardNs += process.hrtime.bigint() - t;
        stats.bytes += command.length + response.length;
        stats.apdus += 1;
        return response;
      },
    },
  };
}

export async function run({ root, log }) {
  const m = await loadSources(root);
  const ca = m.createTrainingCa();
  const material = m.issueUserAuthCard(ca);
  const figures = {};

  // One check of each mode for the counts.
  for (const mode of ['pin', 'visual']) {
    const card = new m.VirtualMyNumberCard({ material });
    const { channel, stats } = measuredChannel(card);
    await m.runCardCheck(channel, { mode, readPin: async () => '1234' });
    figures[`${mode}.apdus`] = stats.apdus;
    figures[`${mode}.bytes`] = stats.bytes;
  }

  // Client overhead: wall time of a PIN-mode check minus the time spent inside the card (incl. its RSA signing).
  const N = 200;
  const card = new m.VirtualMyNumberCard({ material });
  let clientNs = 0n;
  for (let i = 0; i < N + 20; i++) {
    const { channel, stats } = measuredChannel(card);
    const t = process.hrtime.bigint();
    await m.runCardCheck(channel, { mode: 'pin', readPin: async () => '1234' });
    if (i >= 20) clientNs += process.hrtime.bigint() - t - stats.cardNs; // first 20 are warm-up
  }
  figures.clientOverheadMs = Number((Number(clientNs / BigInt(N)) / 1e6).toFixed(3));
  log(`client overhead ${figures.clientOverheadMs} ms per PIN-mode check (${N} checks)`);

  // Through the real stack: pcscd + vpcd + the CLI, and OpenSC reading the certificate.
  let pcscd = null;
  try {
    pcscd = await m.startPcscd();
  } catch (err) {
    log(`pcscd not started (${err.message.split('\n')[0]}): skipping the real-stack figures`);
  }
  if (pcscd) {
    const pcsc = m.openPcsc();
    const plug = async () => {
      const vcard = new m.VirtualMyNumberCard({ material });
      const bridge = m.connectVpcd({ card: vcard });
      await bridge.inserted;
      await bridge.powered;
      await m.waitFor('card present', () => pcsc.cardPresent('Virtual PCD 00 00'));
      return { vcard, bridge };
    };
    try {
      let { vcard, bridge } = await plug();
      const cli = path.join(root, 'out', 'cli.js');
      const times = [];
      for (let i = 0; i < 5; i++) {
        const child = execFile(process.execPath, [cli, 'card', 'check']);
        child.stdin.end('1234\n');
        const stdout = await new Promise((resolve) => {
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.on('close', () => resolve(out));
        });
        times.push(JSON.parse(stdout.trim().split('\n').pop()).elapsedMs);
      }
      times.sort((a, b) => a - b);
      figures.pinViaPcscdMedianMs = times[2];
      log(`PIN-mode check through pcscd + vpcd: median ${times[2]} ms (CLI elapsedMs, 5 runs)`);
      await bridge.remove();
      await m.waitFor('reader empty', () => !pcsc.cardPresent('Virtual PCD 00 00'));
      ({ vcard, bridge } = await plug());
      const before = vcard.log.length;
      await exec('pkcs15-tool', ['--reader', 'Virtual PCD 00 00', '--read-certificate', '01', '--output', os.devNull]);
      figures['opensc.readCertApdus'] = vcard.log.length - before;
      log(`OpenSC pkcs15-tool --read-certificate 01: ${figures['opensc.readCertApdus']} APDUs`);
      await bridge.remove();
    } finally {
      pcsc.close();
      await pcscd.stop();
    }
  }
  return figures;
}
