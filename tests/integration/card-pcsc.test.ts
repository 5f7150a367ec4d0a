import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPcsc, type Pcsc } from '../../native/pcsc';
import { apdu, openCardSession, runCardCheck, watchReaders, type ReaderWatchEvent } from '../../electron/services/card';
import {
  connectVpcd,
  createTrainingCa,
  issueUserAuthCard,
  VirtualMyNumberCard,
  type IssuedCard,
  type VirtualCardOptions,
  type VpcdBridge,
} from '../../electron/training/virtual-card';
import { runBuiltCli, type CliRun } from '../support/cli';
import { OUT } from '../support/paths';
import { startPcscd, VPCD_READERS, type PcscdHandle } from '../support/pcscd';
import { startKeyringSession } from '../support/keyring';
import { tempDir, waitFor } from '../support/temp';

// The identity check through the real stack: `kaigo-desk card check` (a separate process, as at the counter) →
// pcscd → vsmartcard's vpcd → our virtual card, whose bridge runs in this test process so the test sees every APDU
// the card received and can pull the card between two APDUs.

const READER = 'Virtual PCD 00 00';
const PIN = '7395'; // distinctive, so a leak into any output would be found
const run = promisify(execFile);

let pcscd: PcscdHandle | null = null;
let pcsc: Pcsc;
let material: IssuedCard;
let bridge: VpcdBridge | null = null;
const dir = tempDir('kd-card-');

beforeAll(async () => {
  pcscd = await startPcscd();
  pcsc = openPcsc();
  const ca = createTrainingCa();
  material = issueUserAuthCard(ca);
});

afterAll(async () => {
  await bridge?.remove();
  pcsc?.close();
  await pcscd?.stop();
  dir.remove();
  dataDir.remove();
});

afterEach(async () => {
  await bridge?.remove();
  bridge = null;
  if (pcscd) await waitFor('reader empty', () => !pcsc.cardPresent(READER));
});

async function insert(
  options: Partial<VirtualCardOptions> = {},
  beforeApdu?: (index: number) => 'answer' | 'remove',
  slot = 0,
): Promise<VirtualMyNumberCard> {
  const reader = VPCD_READERS[slot] as string;
  const card = new VirtualMyNumberCard({ material, authPin: PIN, ...options });
  // vpcd sometimes misses a card plugged in right after one was pulled mid-command (pcscd keeps the slot empty
  // although vpcd took the ATR): pull and plug again, as staff would.
  for (let attempt = 1; ; attempt++) {
    bridge = connectVpcd({ card, beforeApdu, port: 35963 + slot });
    await bridge.inserted;
    await bridge.powered;
    try {
      await waitFor('card present', () => pcsc.cardPresent(reader), 1500);
      return card;
    } catch (err) {
      await bridge.remove();
      if (attempt === 3) throw err;
    }
  }
}

/** No keychain (no D-Bus) and a throw-away data dir unless a test passes its own environment. */
const isolatedEnv = () => {
  const env: Record<string, string | undefined> = {
    ...process.env,
    KAIGO_DATA_DIR: dataDir.path,
    KAIGO_CONFIG: '/nonexistent',
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  return env;
};
const dataDir = tempDir('kd-card-data-');

async function check(
  args: string[] = [],
  pin = PIN,
  env = isolatedEnv(),
): Promise<CliRun & { json: Record<string, unknown> }> {
  const result = await runBuiltCli(['card', 'check', ...args], env, `${pin}\n`);
  const last = result.stdout.trim().split('\n').pop() || '{}';
  return { ...result, json: JSON.parse(last) as Record<string, unknown> };
}

const verifies = (card: VirtualMyNumberCard) =>
  card.log.filter((e) => e.command[1] === 0x20 && e.command.length > 4).length;

function expectNoSecrets(result: CliRun): void {
  const serial = new crypto.X509Certificate(material.certificate).serialNumber;
  const text = result.stdout.replace(/"elapsedMs":\d+/, '') + result.stderr;
  expect(text).not.toContain(PIN);
  expect(text.toUpperCase()).not.toContain(serial.toUpperCase());
}

describe('card check through pcscd + vpcd', () => {
  it('PIN mode: 16 APDUs, one VERIFY, one SIGN, no 券面事項入力補助AP, signature verified', async () => {
    const card = await insert();
    const result = await check();
    expect(result.code).toBe(0);
    expect(result.json).toMatchObject({
      ok: true,
      mode: 'pin',
      reader: READER,
      triesLeft: 3,
      keyBits: 2048,
      certificateBytes: material.certificate.length,
      signatureVerified: true,
      apdus: 16,
    });
    expect(card.log).toHaveLength(16);
    expect(verifies(card)).toBe(1);
    expect(card.log.filter((e) => e.command[1] === 0x2a)).toHaveLength(1);
    expect(card.log.some((e) => apdu.isForbiddenSelect(e.command))).toBe(false);
    expectNoSecrets(result);
  });

  it('PIN mode in process: the signature verifies with node crypto against the certificate read', async () => {
    await insert();
    const session = await openCardSession(pcsc, READER);
    const nonce = crypto.randomBytes(32);
    try {
      const result = await runCardCheck(session.channel, { mode: 'pin', readPin: async () => PIN, nonce });
      expect(result.certificate.equals(material.certificate)).toBe(true);
      const key = new crypto.X509Certificate(result.certificate).publicKey;
      expect(crypto.verify('sha256', nonce, key, result.signature!)).toBe(true);
      // …and with openssl as an independent verifier.
      const pub = path.join(dir.path, 'client-pub.pem');
      const sig = path.join(dir.path, 'client-sig');
      const msg = path.join(dir.path, 'client-nonce');
      fs.writeFileSync(pub, key.export({ type: 'spki', format: 'pem' }));
      fs.writeFileSync(sig, result.signature!);
      fs.writeFileSync(msg, nonce);
      const { stdout } = await run('openssl', ['dgst', '-sha256', '-verify', pub, '-signature', sig, msg]);
      expect(stdout).toContain('Verified OK');
    } finally {
      // The bridge lives in this process: a reset disconnect would wait on it synchronously. Leave the card and pull
      // it (removal clears the security status just as a reset does).
      session.end(false);
    }
  });

  it('visual mode: 11 APDUs, no VERIFY, no SIGN', async () => {
    const card = await insert();
    const result = await check(['--visual']);
    expect(result.code).toBe(0);
    expect(result.json).toMatchObject({ ok: true, mode: 'visual', apdus: 11, signatureVerified: null });
    expect(card.log.some((e) => e.command[1] === 0x20 || e.command[1] === 0x2a)).toBe(false);
  });

  it('wrong PINs count down, the last try needs confirmation, the lock is reported without another VERIFY', async () => {
    const card = await insert();
    let result = await check([], '0000');
    expect(result.code).toBe(1);
    expect(result.json).toMatchObject({ code: 'CARD_PIN_WRONG', triesLeft: 2 });
    expect(result.stderr).toContain('残り 2 回');
    // Below 3 tries the PIN goes to the card only when the operator confirms the exact count.
    result = await check([], '0000');
    expect(result.code).toBe(3);
    expect(result.json).toMatchObject({ code: 'CARD_LAST_TRY_UNCONFIRMED', triesLeft: 2 });
    expect(verifies(card)).toBe(1);
    result = await check(['--confirm-tries-left', '2'], '0000');
    expect(result.json).toMatchObject({ code: 'CARD_PIN_WRONG', triesLeft: 1 });
    result = await check(['--confirm-tries-left', '2'], '0000');
    expect(result.code).toBe(3);
    expect(result.json).toMatchObject({ code: 'CARD_LAST_TRY_UNCONFIRMED', triesLeft: 1 });
    expect(verifies(card)).toBe(2);
    result = await check(['--confirm-tries-left', '1'], '0000');
    expect(result.json).toMatchObject({ code: 'CARD_PIN_LOCKED', triesLeft: 0 });
    expect(verifies(card)).toBe(3);
    result = await check(['--confirm-tries-left', '1']);
    expect(result.code).toBe(1);
    expect(result.json).toMatchObject({ code: 'CARD_PIN_LOCKED', apdus: 13 });
    expect(verifies(card)).toBe(3);
    expect(card.authTriesLeft).toBe(0);
  }, 60_000);

  it('--pin-file must be readable by its owner only; --reason is recorded in visual mode', async () => {
    const card = await insert();
    const pinFile = path.join(dir.path, 'pin');
    fs.writeFileSync(pinFile, `${PIN}\n`, { mode: 0o644 });
    fs.chmodSync(pinFile, 0o644);
    const open = await check(['--pin-file', pinFile], '');
    expect(open.code).toBe(2);
    expect(card.log).toHaveLength(0);
    fs.chmodSync(pinFile, 0o600);
    expect((await check(['--pin-file', pinFile], '')).json).toMatchObject({ ok: true, mode: 'pin', apdus: 16 });
    const visual = await check(['--visual', '--reason', '顔認証カード']);
    expect(visual.json).toMatchObject({ ok: true, mode: 'visual', reason: '顔認証カード' });
    expect((await check(['--reason', 'その他'])).code).toBe(2);
  });

  it('a PIN-less card never gets a VERIFY and passes in visual mode', async () => {
    const card = await insert({ authPin: null });
    const pinMode = await check();
    expect(pinMode.code).toBe(1);
    expect(pinMode.json).toMatchObject({ code: 'CARD_PIN_UNAVAILABLE' });
    expect(pinMode.stderr).not.toContain('このカードは使えません');
    expect((await check(['--visual'])).json).toMatchObject({ ok: true, mode: 'visual' });
    expect(verifies(card)).toBe(0);
  });

  it('a card that is not a My Number card and an empty reader are named failures', async () => {
    await insert({ label: 'JPKIAPICCTOKEN' });
    expect((await check(['--visual'])).json).toMatchObject({ code: 'CARD_NOT_MYNUMBER' });
    await bridge!.remove();
    bridge = null;
    await waitFor('reader empty', () => !pcsc.cardPresent(READER));
    const empty = await check(['--reader', READER]);
    expect(empty.json).toMatchObject({ code: 'CARD_NO_CARD' });
    expect((await check(['--reader', 'No Such Reader'])).json).toMatchObject({ code: 'CARD_NO_READER' });
  });

  it('the card pulled before each APDU of the flow gives a clear error and never costs a PIN try', async () => {
    for (let at = 0; at < 16; at++) {
      // Alternate the two vpcd readers: a slot just emptied mid-command needs a moment before vpcd sees a new card.
      const slot = at % 2;
      const reader = VPCD_READERS[slot] as string;
      const card = await insert({}, (index) => (index === at ? 'remove' : 'answer'), slot);
      const result = await check(['--reader', reader]);
      expect(result.code, `removed at APDU ${at}`).toBe(1);
      // At 0 the card can already be gone when the CLI connects; later it leaves mid-command.
      expect(result.json.code, `removed at APDU ${at}`).toEqual(
        at === 0 ? expect.stringMatching(/^CARD_(REMOVED|NO_CARD)$/) : 'CARD_REMOVED',
      );
      expect(card.authTriesLeft).toBe(3);
      expect(card.log).toHaveLength(at);
      await waitFor('reader empty', () => !pcsc.cardPresent(reader));
      bridge = null;
    }
  }, 120_000);

  it('OpenSC reads the same certificate and signs with the card after PIN entry (interop)', async () => {
    await insert();
    const certPath = path.join(dir.path, 'cert.pem');
    await run('pkcs15-tool', ['--reader', READER, '--read-certificate', '01', '--output', certPath]);
    const der = new crypto.X509Certificate(fs.readFileSync(certPath)).raw;
    expect(der.equals(material.certificate)).toBe(true);
    const msg = path.join(dir.path, 'msg');
    const sig = path.join(dir.path, 'sig');
    fs.writeFileSync(msg, 'kaigo-desk interop');
    await run('pkcs11-tool', [
      ...['--module', '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so', '--slot-index', '0'],
      ...['--login', '--pin', PIN, '--sign', '--id', '01', '-m', 'SHA256-RSA-PKCS', '-i', msg, '-o', sig],
    ]);
    const pub = path.join(dir.path, 'pub.pem');
    fs.writeFileSync(
      pub,
      new crypto.X509Certificate(material.certificate).publicKey.export({ type: 'spki', format: 'pem' }),
    );
    const { stdout } = await run('openssl', ['dgst', '-sha256', '-verify', pub, '-signature', sig, msg]);
    expect(stdout).toContain('Verified OK');
  });

  it('`kaigo-desk card virtual` plugs a PIN-less card into slot 1 until SIGTERM, then removes it', async () => {
    const child = spawn(process.execPath, [path.join(OUT, 'cli.js'), 'card', 'virtual', '--pinless', '--slot', '1'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.on('data', (d) => (out += String(d)));
      const line = await waitFor('ready line', () => out.split('\n')[0]?.endsWith('}') && out.split('\n')[0]);
      expect(JSON.parse(String(line))).toEqual({ reader: VPCD_READERS[1], card: 'pinless' });
      child.stdin.end(); // end of stdin does not stop it
      await waitFor('card present', () => pcsc.cardPresent(VPCD_READERS[1]));
      expect((await check()).json).toMatchObject({ code: 'CARD_PIN_UNAVAILABLE' });
      expect((await check(['--visual'])).json).toMatchObject({ ok: true, mode: 'visual', apdus: 11 });
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    await waitFor('reader empty', () => !pcsc.cardPresent(VPCD_READERS[1]));
  });

  it('`card virtual --state FILE` keeps a lock across restarts; without it each start is fresh', async () => {
    const stateFile = path.join(dir.path, 'one-try-left.json');
    const start = async (args: string[]) => {
      const child = spawn(process.execPath, [path.join(OUT, 'cli.js'), 'card', 'virtual', ...args]);
      let out = '';
      child.stdout.on('data', (d) => (out += String(d)));
      await waitFor('ready line', () => out.includes('}\n'));
      await waitFor('card present', () => pcsc.cardPresent(READER));
      return async () => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
        await waitFor('reader empty', () => !pcsc.cardPresent(READER));
      };
    };
    let stop = await start(['--card', 'one-try-left', '--state', stateFile]);
    expect((await check(['--confirm-tries-left', '1'], '0000')).json).toMatchObject({ code: 'CARD_PIN_LOCKED' });
    await stop();
    stop = await start(['--state', stateFile]);
    expect((await check(['--confirm-tries-left', '1'])).json).toMatchObject({ code: 'CARD_PIN_LOCKED', apdus: 13 });
    await stop();
    stop = await start(['--card', 'one-try-left']);
    expect(await check()).toMatchObject({ code: 3 });
    await stop();
  });

  it('two readers at once: staff pick one by name', async () => {
    const first = await insert({}, undefined, 0);
    const firstBridge = bridge;
    try {
      const second = await insert({ authPin: null }, undefined, 1);
      const result = await check(['--visual', '--reader', VPCD_READERS[1]]);
      expect(result.json).toMatchObject({ ok: true, reader: VPCD_READERS[1] });
      expect(second.log).toHaveLength(11);
      expect(first.log).toHaveLength(0);
      await bridge?.remove();
    } finally {
      bridge = firstBridge;
    }
  });

  it('records a successful check in the audit log when a keychain is available, serial only as a keyed hash', async () => {
    await insert();
    const keyring = await startKeyringSession();
    const dir = tempDir('kd-card-audit-');
    try {
      const env = { ...keyring.env, KAIGO_DATA_DIR: dir.path, KAIGO_CONFIG: '/nonexistent' };
      expect((await check([], PIN, env)).json).toMatchObject({ ok: true, mode: 'pin' });
      const out = path.join(dir.path, 'audit.csv');
      expect((await runBuiltCli(['audit', 'export', '--out', out], env)).code).toBe(0);
      const csv = fs.readFileSync(out, 'utf8');
      expect(csv).toContain('card-check');
      const serial = new crypto.X509Certificate(material.certificate).serialNumber;
      expect(csv.toUpperCase()).not.toContain(serial.toUpperCase());
      expect((await runBuiltCli(['audit', 'verify'], env)).code).toBe(0);
    } finally {
      dir.remove();
      await keyring.stop();
    }
  });

  it('pcscd stopped → CARD_SERVICE_DOWN; restarted → the same adapter lists the readers again', async () => {
    const events: ReaderWatchEvent[] = [];
    const watch = watchReaders({ pcsc, onEvent: (e) => events.push(e) });
    watch.pollNow();
    await pcscd!.stop();
    pcscd = null;
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.json).toMatchObject({ code: 'CARD_SERVICE_DOWN' });
    expect(() => pcsc.listReaders()).toThrow(expect.objectContaining({ kind: 'service-down' }));
    watch.pollNow();
    pcscd = await startPcscd();
    // The adapter dropped its broken context and makes a new one on the next call (CARD.md §5).
    expect(await waitFor('readers back', () => pcsc.listReaders().includes(READER))).toBe(true);
    watch.pollNow();
    // A card left on a reader by the previous test may show up as card events; this test is about the service.
    const serviceEvents = events.map((e) => e.type).filter((t) => t !== 'cardInserted' && t !== 'cardRemoved');
    expect(serviceEvents).toEqual(['readersChanged', 'serviceDown', 'serviceUp', 'readersChanged']);
  });
});
