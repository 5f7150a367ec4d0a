import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app';
import { PROVISIONED_MARKER } from '../../electron/services/config';
import {
  exportP12,
  issueOfficeCertificate,
  loadOrCreateTrainingPki,
  type ClientCertOptions,
  type P12Flavour,
  type TrainingPkiFiles,
} from '../../electron/training/pki';
import { startTrainingServer, TRAINING_OFFICES, type TrainingServer } from '../../electron/training/server';
import { runBuiltCli, type CliRun } from '../support/cli';
import { envWithoutKeychain, startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir, waitFor } from '../support/temp';
import { bundleEntry } from './store-support/bundle';

// Issue 5 acceptance, provisioning end to end with the real OS keychain (gnome-keyring on a private D-Bus):
// `kaigo-desk provision` (the built CLI, a separate process) imports a legacy RC2-40 .p12 with its password from a
// file and installs the configuration; a NEW process builds the app for that user and logs in over TLS 1.3 mutual
// auth to a training server that trusts only the training CA, and gets HTTP answers (login + one-time password).
// Then every file under the user's home (data, config, keyring) and every log line is scanned for the key, the .p12
// bytes and the password. Bad inputs are each refused with their own code; the drop folder imports at first start.

const OFFICE = TRAINING_OFFICES[0]!; // 1370100016, the office of the training care manager
const PASSWORD = 'Shōmei-パス-2026!';
const DAY = 86_400_000;

let keyring: KeyringSession;
let work: { path: string; remove(): void };
let pki: TrainingPkiFiles;
let server: TrainingServer;
let child: { file: string; remove(): void };
let env: Record<string, string>;
const logs: string[] = [];

function writeFile(name: string, data: string | Buffer): string {
  const file = path.join(work.path, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  return file;
}

function officeP12(opts: ClientCertOptions = {}, flavour: P12Flavour = 'aes256', officeNumber = OFFICE.officeNumber) {
  const office = TRAINING_OFFICES.find((o) => o.officeNumber === officeNumber)!;
  const cred = issueOfficeCertificate(pki.pki.ca, office, new Date(), opts);
  const bytes = exportP12({
    privateKeyPem: cred.keyPem,
    certPem: cred.certPem,
    chainPems: [pki.pki.ca.certPem],
    password: PASSWORD,
    flavour,
  });
  return { cred, bytes };
}

function configJson(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    schemaVersion: 1,
    endpoint: server.url,
    trustAnchors: [{ pem: pki.pki.ca.certPem }],
    offices: [
      { officeNumber: OFFICE.officeNumber, serviceType: '43', name: OFFICE.officeName, billingSystemId: 'KJ0001' },
    ],
    ...extra,
  });
}

async function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  const run = await runBuiltCli(args, { ...env, ...extraEnv });
  logs.push(run.stdout, run.stderr);
  return run;
}

/** Runs the login child; answers its one-time-password prompt from the training mailbox. */
function loginInNewProcess(): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child.file], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const lines: Array<Record<string, unknown>> = [];
    let stdout = '';
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += String(d)));
    proc.stdout.on('data', (d) => {
      stdout += String(d);
      const parts = stdout.split('\n');
      stdout = parts.pop()!;
      for (const line of parts) {
        const step = JSON.parse(line) as Record<string, unknown>;
        lines.push(step);
        if (step.step === 'login') {
          void waitFor('the one-time password in the training mailbox', () =>
            server.mailbox.messagesFor('cm-renshu01').at(-1),
          ).then((m) => proc.stdin.end(m.code + '\n'));
        }
      }
    });
    proc.on('error', reject);
    proc.on('close', () => {
      logs.push(stderr);
      if (lines.every((l) => l.step !== 'login')) proc.stdin.end();
      resolve(lines);
    });
  });
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).flatMap((e) => {
    const full = path.join(e.parentPath, e.name);
    return e.isFile() ? [full] : [];
  });
}

beforeAll(async () => {
  keyring = await startKeyringSession();
  work = tempDir('kd-provision-');
  pki = loadOrCreateTrainingPki(path.join(work.path, 'training-pki'), TRAINING_OFFICES);
  server = await startTrainingServer({ pki: pki.pki });
  child = bundleEntry('tests/integration/provision-support/login-child.ts');
  // No machine-wide file: the installer brings the configuration with --config (per-user override, DESIGN.md §4).
  env = { ...keyring.env, KAIGO_CONFIG: path.join(work.path, 'etc', 'config.json') };
});

afterAll(async () => {
  child?.remove();
  await server?.close();
  work?.remove();
  await keyring?.stop();
});

const dataDir = () => path.join(keyring.home, '.config', 'KaigoDesk');
const userConfig = () => path.join(dataDir(), 'config.json');

describe('kaigo-desk provision refuses bad inputs, each with its own code, and writes nothing', () => {
  it.each<[string, string, () => Buffer | string]>([
    ['wrong password', 'CERT_WRONG_PASSWORD', () => exportP12({ ...pemOf(officeP12().cred), password: 'other' })],
    ['truncated', 'CERT_FILE_DAMAGED', () => officeP12().bytes.subarray(0, 900)],
    ['not PKCS#12', 'CERT_FILE_NOT_PKCS12', () => '-----BEGIN CERTIFICATE-----\nnot a p12\n'],
    [
      'expired',
      'CERT_EXPIRED',
      () => officeP12({ notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - DAY) }).bytes,
    ],
    ['not yet valid', 'CERT_NOT_YET_VALID', () => officeP12({ notBefore: new Date(Date.now() + 2 * DAY) }).bytes],
    ['no clientAuth', 'CERT_NO_CLIENT_AUTH', () => officeP12({ extendedKeyUsage: ['serverAuth'] }).bytes],
    ['1024-bit key', 'CERT_WEAK_KEY', () => officeP12({ keyBits: 1024 }).bytes],
    ['another office', 'CERT_OFFICE_MISMATCH', () => officeP12({}, 'aes256', TRAINING_OFFICES[1]!.officeNumber).bytes],
    ['50 MB file', 'CERT_FILE_TOO_LARGE', () => 'SPARSE-50MB'],
  ])('%s → %s', async (name, code, content) => {
    const file = path.join(work.path, 'bad', `${name.replace(/\W+/g, '-')}.p12`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const data = content();
    if (data === 'SPARSE-50MB') {
      fs.writeFileSync(file, '');
      fs.truncateSync(file, 50 * 1024 * 1024);
    } else fs.writeFileSync(file, data);
    const pw = writeFile('bad/password.txt', PASSWORD + '\n');
    const cfg = writeFile('bad/config.json', configJson());
    const run = await cli(['provision', '--p12', file, '--password-file', pw, '--config', cfg]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`（${code}）`);
    expect(run.stdout).toBe('');
    expect(fs.existsSync(userConfig())).toBe(false);
    expect(fs.existsSync(path.join(dataDir(), PROVISIONED_MARKER))).toBe(false);
  });

  it('refuses a password on the command line, a missing password file and an invalid configuration', async () => {
    const p12 = writeFile('ok/office.p12', officeP12().bytes);
    const cfg = writeFile('ok/config.json', configJson());
    const onArgv = await cli(['provision', '--p12', p12, '--password', PASSWORD, '--config', cfg]);
    expect(onArgv.code).toBe(2);
    expect(onArgv.stderr).toContain('--password-file');
    const noPw = await cli([
      'provision',
      '--p12',
      p12,
      '--password-file',
      path.join(work.path, 'nope'),
      '--config',
      cfg,
    ]);
    expect(noPw.code).toBe(1);
    expect(noPw.stderr).toContain('CERT_PASSWORD_FILE_UNREADABLE');
    const badCfg = writeFile('ok/bad-config.json', configJson({ endpoint: 'http://plain.example' }));
    const pw = writeFile('ok/password', PASSWORD);
    const invalid = await cli(['provision', '--p12', p12, '--password-file', pw, '--config', badCfg]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('CONFIG_INVALID');
    expect(invalid.stderr).toContain('endpoint');
    const noConfig = await cli(['provision', '--p12', p12, '--password-file', pw]);
    expect(noConfig.code).toBe(1);
    expect(noConfig.stderr).toContain('PROVISION_NO_CONFIG');
    expect(fs.existsSync(userConfig())).toBe(false);
  });
});

describe('kaigo-desk provision without a keychain', () => {
  it('exits 4 with KEYCHAIN_UNAVAILABLE and leaves no configuration, marker or vault behind', async () => {
    const home = path.join(work.path, 'no-keychain-home');
    fs.mkdirSync(home);
    const p12 = writeFile('nk/office.p12', officeP12().bytes);
    const pw = writeFile('nk/office.password', PASSWORD);
    const cfg = writeFile('nk/config.json', configJson());
    const run = await runBuiltCli(['provision', '--p12', p12, '--password-file', pw, '--config', cfg], {
      ...envWithoutKeychain(home),
      KAIGO_CONFIG: path.join(work.path, 'etc', 'config.json'),
    });
    logs.push(run.stdout, run.stderr);
    expect(run.stderr).toContain('KEYCHAIN_UNAVAILABLE');
    expect(run.code).toBe(4);
    expect(filesUnder(home)).toEqual([]);
  });
});

function pemOf(cred: { keyPem: string; certPem: string }) {
  return { privateKeyPem: cred.keyPem, certPem: cred.certPem, chainPems: [pki.pki.ca.certPem] };
}

describe('provision → new process logs in → nothing secret left behind', () => {
  let good: ReturnType<typeof officeP12>;

  it('provisions a legacy RC2-40 .p12 with its password file and the configuration', async () => {
    good = officeP12({}, 'legacy');
    const p12 = writeFile('good/office.p12', good.bytes);
    const pw = writeFile('good/office.password', PASSWORD + '\r\n');
    const cfg = writeFile('good/config.json', configJson());
    const run = await cli(['provision', '--p12', p12, '--password-file', pw, '--config', cfg]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`事業所番号: ${OFFICE.officeNumber}`);
    expect(run.stdout).toMatch(/有効期限: \d{4}-\d{2}-\d{2}（令和\d+年\d+月\d+日）まで、残り36[45]日/);
    expect(fs.existsSync(userConfig())).toBe(true);
    expect(fs.existsSync(path.join(dataDir(), PROVISIONED_MARKER))).toBe(true);
    // The password file is the installer's: left where it was (DESIGN.md §4 does not ask us to delete it).
    expect(fs.existsSync(pw)).toBe(true);
  });

  it('a new process uses the provisioned certificate: TLS 1.3 mutual auth, login and one-time password answered', async () => {
    const steps = await loginInNewProcess();
    expect(steps[0]).toEqual({ step: 'login', mode: 'configured', phase: 'otp-pending' });
    expect(steps[1]).toMatchObject({ step: 'otp', phase: 'logged-in', staff: { officeNumber: OFFICE.officeNumber } });
    // The provisioning was audited by the CLI process (as the installer; codes only, no secrets).
    expect(steps[1]!.audit).toEqual([
      { staffId: 'installer', detail: JSON.stringify({ change: 'CERT_IMPORT', outcome: 'OK', source: 'CLI' }) },
    ]);
    // The CLI status of yet another process agrees: configured, never training.
    const status = await cli(['status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ mode: 'configured', keychain: 'available' });
  });

  it('no file under the home (data, config, keyring) nor any log holds the key, the .p12 or the password', () => {
    const keyDer = (type: 'pkcs1' | 'pkcs8') =>
      crypto.createPrivateKey(good.cred.keyPem).export({ type, format: 'der' });
    const pemLines = (der: Buffer) => der.toString('base64').match(/.{64}/g)!.slice(2, 4);
    const needles: Array<[string, Buffer]> = [
      ['password', Buffer.from(PASSWORD, 'utf8')],
      ['p12 raw', good.bytes.subarray(200, 264)],
      ['p12 base64', Buffer.from(good.bytes.toString('base64').slice(400, 464))],
      ['key pkcs1 raw', keyDer('pkcs1').subarray(300, 364)],
      ['key pkcs8 raw', keyDer('pkcs8').subarray(300, 364)],
      ...pemLines(keyDer('pkcs1')).map((l): [string, Buffer] => ['key pkcs1 PEM line', Buffer.from(l)]),
      ...pemLines(keyDer('pkcs8')).map((l): [string, Buffer] => ['key pkcs8 PEM line', Buffer.from(l)]),
      ...good.cred.keyPem
        .split('\n')
        .slice(2, 4)
        .map((l): [string, Buffer] => ['key PEM line', Buffer.from(l)]),
    ];
    // Control: each needle is found where it really is (the inputs), so a miss below means it is absent.
    const inputs = [
      good.bytes,
      Buffer.from(good.bytes.toString('base64')),
      Buffer.from(PASSWORD),
      keyDer('pkcs1'),
      keyDer('pkcs8'),
      Buffer.from(crypto.createPrivateKey(good.cred.keyPem).export({ type: 'pkcs1', format: 'pem' })),
      Buffer.from(crypto.createPrivateKey(good.cred.keyPem).export({ type: 'pkcs8', format: 'pem' })),
      Buffer.from(good.cred.keyPem),
    ];
    for (const [what, needle] of needles)
      expect(
        inputs.some((b) => b.includes(needle)),
        what,
      ).toBe(true);

    const files = [...filesUnder(keyring.home), ...filesUnder(path.join(work.path, 'etc'))];
    expect(files.some((f) => f.endsWith('.sealed'))).toBe(true); // the scan does cover the vault
    const texts = [...files.map((f) => fs.readFileSync(f)), ...logs.map((l) => Buffer.from(l))];
    expect(logs.join('').length).toBeGreaterThan(0);
    for (const [what, needle] of needles) {
      expect(needle.length, what).toBeGreaterThanOrEqual(16);
      const hits = texts.filter((t) => t.includes(needle));
      expect(hits, `${what} found`).toHaveLength(0);
    }
  });
});

describe('provision with a machine-wide configuration already in place', () => {
  it('needs no --config and installs no per-user file', async () => {
    const machine = writeFile('machine-etc/config.json', configJson());
    const data = path.join(work.path, 'machine-user');
    const p12 = writeFile('machine/office.pfx', officeP12({}, '3des').bytes);
    const pw = writeFile('machine/office.password', PASSWORD + '\n');
    const run = await cli(['provision', '--p12', p12, '--password-file', pw], {
      KAIGO_CONFIG: machine,
      KAIGO_DATA_DIR: data,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`設定ファイル: ${machine}`);
    expect(fs.existsSync(path.join(data, 'config.json'))).toBe(false);
    expect(fs.existsSync(path.join(data, PROVISIONED_MARKER))).toBe(true);
    expect(fs.readdirSync(path.join(data, 'vault'))).toContain(`client-certificate-${OFFICE.officeNumber}.sealed`);
  });
});

describe('provision on a PC serving two offices (居宅 + 訪問介護 併設)', () => {
  it('runs once per office; each certificate goes under its own office', async () => {
    const houmon = TRAINING_OFFICES[1]!;
    const machine = writeFile(
      'two-offices-etc/config.json',
      configJson({
        offices: [
          { officeNumber: OFFICE.officeNumber, serviceType: '43', name: OFFICE.officeName, billingSystemId: 'KJ0001' },
          { officeNumber: houmon.officeNumber, serviceType: '11', name: houmon.officeName, billingSystemId: 'KJ0002' },
        ],
      }),
    );
    const data = path.join(work.path, 'two-offices-user');
    const pw = writeFile('two-offices/office.password', PASSWORD + '\n');
    const env2 = { KAIGO_CONFIG: machine, KAIGO_DATA_DIR: data };
    for (const office of [OFFICE, houmon]) {
      const p12 = writeFile(
        `two-offices/${office.officeNumber}.p12`,
        officeP12({}, 'aes256', office.officeNumber).bytes,
      );
      const run = await cli(['provision', '--p12', p12, '--password-file', pw], env2);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(office.officeNumber);
    }
    expect(
      fs
        .readdirSync(path.join(data, 'vault'))
        .filter((n) => n.startsWith('client-certificate'))
        .sort(),
    ).toEqual([`client-certificate-${OFFICE.officeNumber}.sealed`, `client-certificate-${houmon.officeNumber}.sealed`]);
  });
});

describe('drop folder at first start', () => {
  it('imports the .p12 and its password file on first use, audits it, keeps the password file', async () => {
    const drop = path.join(work.path, 'drop');
    const { bytes } = officeP12();
    writeFile('drop/kaigo-office.p12', bytes);
    const pwFile = writeFile('drop/kaigo-office.password', PASSWORD + '\n');
    fs.chmodSync(pwFile, 0o640); // the installer and this PC's users only (README 証明書の導入)
    const machine = writeFile('drop-etc/config.json', configJson({ certificateDropFolder: drop }));
    keyring.enterProcess();
    const dataDir2 = path.join(work.path, 'drop-user');
    const app = await createApp({
      host: { platform: 'linux', homeDir: work.path, env: { KAIGO_CONFIG: machine, KAIGO_DATA_DIR: dataDir2 } },
    });
    try {
      expect(app.runtime.mode).toBe('configured');
      const login = await app.handlers['session.login']({ staffId: 'cm-renshu01', password: 'Renshu-CM-2026!' });
      expect(login.phase).toBe('otp-pending');
      const status = await app.handlers['certificate.status']({});
      expect(status.installed?.officeNumber).toBe(OFFICE.officeNumber);
      const rows = app.audit().rows();
      const row = rows.find((r) => r.action === 'config-change');
      expect(JSON.parse(row!.detail!)).toEqual({ change: 'CERT_IMPORT', source: 'DROP_FOLDER', outcome: 'OK' });
      expect(row!.staffId).toBe('installer');
      expect(row!.subject).toMatch(/^certificate:[0-9a-f]{64}$/);
      expect(fs.existsSync(pwFile)).toBe(true);
      expect(fs.existsSync(path.join(dataDir2, PROVISIONED_MARKER))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('refuses a password file others can read (CERT_DROP_PASSWORD_FILE_EXPOSED, audited), leaving it alone', async () => {
    const drop = path.join(work.path, 'drop3');
    writeFile('drop3/office.p12', officeP12().bytes);
    const pwFile = writeFile('drop3/office.password', PASSWORD + '\n');
    fs.chmodSync(pwFile, 0o644);
    const machine = writeFile('drop3-etc/config.json', configJson({ certificateDropFolder: drop }));
    keyring.enterProcess();
    const dataDir3 = path.join(work.path, 'drop3-user');
    const app = await createApp({
      host: { platform: 'linux', homeDir: work.path, env: { KAIGO_CONFIG: machine, KAIGO_DATA_DIR: dataDir3 } },
    });
    try {
      await expect(
        app.handlers['session.login']({ staffId: 'cm-renshu01', password: 'Renshu-CM-2026!' }),
      ).rejects.toMatchObject({ code: 'CERT_NOT_INSTALLED' });
      const row = app
        .audit()
        .rows()
        .find((r) => r.action === 'config-change');
      expect(JSON.parse(row!.detail!)).toMatchObject({
        source: 'DROP_FOLDER',
        outcome: 'CERT_DROP_PASSWORD_FILE_EXPOSED',
      });
      expect(fs.statSync(pwFile).mode & 0o777).toBe(0o644);
      expect(fs.existsSync(path.join(dataDir3, PROVISIONED_MARKER))).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('refuses two .p12 files with CERT_DROP_FOLDER_AMBIGUOUS (audited) and stays without a certificate', async () => {
    const drop = path.join(work.path, 'drop2');
    writeFile('drop2/a.p12', officeP12().bytes);
    writeFile('drop2/b.p12', officeP12().bytes);
    writeFile('drop2/a.password', PASSWORD);
    const machine = writeFile('drop2-etc/config.json', configJson({ certificateDropFolder: drop }));
    keyring.enterProcess();
    const app = await createApp({
      host: {
        platform: 'linux',
        homeDir: work.path,
        env: { KAIGO_CONFIG: machine, KAIGO_DATA_DIR: path.join(work.path, 'drop2-user') },
      },
    });
    try {
      await expect(
        app.handlers['session.login']({ staffId: 'cm-renshu01', password: 'Renshu-CM-2026!' }),
      ).rejects.toMatchObject({ code: 'CERT_NOT_INSTALLED' });
      const row = app
        .audit()
        .rows()
        .find((r) => r.action === 'config-change');
      expect(JSON.parse(row!.detail!)).toMatchObject({ source: 'DROP_FOLDER', outcome: 'CERT_DROP_FOLDER_AMBIGUOUS' });
    } finally {
      await app.close();
    }
  });
});
