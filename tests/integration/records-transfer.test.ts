import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../electron/app';
import { runCli } from '../../electron/cli';
import type { CliIo } from '../../electron/cli/io';
import { loadOrCreateTrainingPki, type TrainingPkiFiles } from '../../electron/training/pki';
import { TRAINING_OFFICES } from '../../electron/training/server';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir } from '../support/temp';

// Issue 9, moving an office to a new PC: on the old PC (one keyring session) the office is provisioned and has
// records; `kaigo-desk records export` seals them with a passphrase. On the new PC (a second keyring session, so a
// different vault and audit key) the office is provisioned, then `records import` brings the rows over: every table
// is equal, and the audit chain — re-anchored under the new PC's key after its own provisioning rows — verifies. A
// wrong passphrase and a tampered file are each refused with their code and change nothing.

const OFFICE = TRAINING_OFFICES[0]!;
const PASSPHRASE = 'ひっこし用のパスフレーズ-2026';

let work: { path: string; remove(): void };
let pki: TrainingPkiFiles;
let oldPc: KeyringSession;
let newPc: KeyringSession;
let files: { config: string; passphrase: string; wrongPassphrase: string; p12: string; password: string; out: string };

/** The real command line, in this process, for the PC whose keyring and data folder are given. */
async function cli(pc: KeyringSession, dataDir: string, args: string[]) {
  pc.enterProcess();
  vi.stubEnv('KAIGO_CONFIG', files.config);
  vi.stubEnv('KAIGO_DATA_DIR', dataDir);
  vi.stubEnv('KAIGO_USER_CONFIG', path.join(dataDir, 'user-config.json'));
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), env: { ...process.env } };
  const code = await runCli(args, io);
  vi.unstubAllEnvs();
  return { code, ...out };
}

/** An app on that PC's data folder (in this process). */
async function openApp(pc: KeyringSession, dataDir: string) {
  pc.enterProcess();
  return createApp({
    host: {
      platform: 'linux',
      homeDir: pc.home,
      env: { KAIGO_CONFIG: files.config, KAIGO_DATA_DIR: dataDir, KAIGO_USER_CONFIG: path.join(dataDir, 'u.json') },
    },
  });
}

type Dump = Record<string, unknown[]>;

/** Every records table, row by row (audit rows without their MACs, which are keyed per PC). */
async function dumpRecords(pc: KeyringSession, dataDir: string): Promise<{ tables: Dump; audit: unknown[] }> {
  const app = await openApp(pc, dataDir);
  try {
    const db = app.store().records();
    const names = db
      .all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .map((r) => r.name)
      .filter((n) => n !== 'audit_log');
    const tables: Dump = {};
    for (const name of names) tables[name] = db.all(`SELECT * FROM "${name}" ORDER BY rowid`);
    const audit = app
      .audit()
      .rows()
      .map(({ time, staffId, action, subject, detail }) => ({ time, staffId, action, subject, detail }));
    return { tables, audit };
  } finally {
    await app.close();
  }
}

const OLD = () => path.join(work.path, 'old-pc');
const NEW = () => path.join(work.path, 'new-pc');

/** `provision` with the training office's .p12, as the installer runs it on each PC. */
const provision = (pc: KeyringSession, dataDir: string) =>
  cli(pc, dataDir, ['provision', '--p12', files.p12, '--password-file', files.password]);
/** `records export` on the old PC. */
const exportRecords = (out: string, passphraseFile = files.passphrase) =>
  cli(oldPc, OLD(), ['records', 'export', '--out', out, '--passphrase-file', passphraseFile]);
/** `records import` on the new PC. */
const importRecords = (input: string, passphraseFile = files.passphrase) =>
  cli(newPc, NEW(), ['records', 'import', '--in', input, '--passphrase-file', passphraseFile]);

beforeAll(async () => {
  work = tempDir('kd-records-');
  pki = loadOrCreateTrainingPki(path.join(work.path, 'pki'), TRAINING_OFFICES);
  const write = (name: string, data: string) => {
    const file = path.join(work.path, name);
    fs.writeFileSync(file, data);
    return file;
  };
  files = {
    config: write(
      'config.json',
      JSON.stringify({
        schemaVersion: 1,
        endpoint: 'https://kaigo-web.example.jp/',
        trustAnchors: [{ pem: pki.pki.ca.certPem }],
        offices: [
          { officeNumber: OFFICE.officeNumber, serviceType: '43', name: OFFICE.officeName, billingSystemId: 'KJ01' },
        ],
      }),
    ),
    passphrase: write('passphrase.txt', `${PASSPHRASE}\n`),
    wrongPassphrase: write('wrong.txt', 'ひっこし用のパスフレーズ-2025\n'),
    p12: pki.p12Files.find((f) => f.officeNumber === OFFICE.officeNumber)!.file,
    password: write('p12-password.txt', `${pki.p12Password}\n`),
    out: path.join(work.path, 'move', 'records.kdrx'),
  };
  fs.mkdirSync(path.dirname(files.out));
  oldPc = await startKeyringSession();
  newPc = await startKeyringSession();
}, 120_000);

afterAll(async () => {
  await newPc?.stop();
  await oldPc?.stop();
  work?.remove();
});

describe('records export on the old PC, import on a new PC', () => {
  let before: { tables: Dump; audit: unknown[] };

  it('exports the provisioned old PC’s records sealed with a passphrase', async () => {
    expect((await provision(oldPc, OLD())).code).toBe(0);
    const app = await openApp(oldPc, OLD());
    app.store().transaction('records', (db) => {
      const now = '2026-11-20T01:00:00.000Z';
      db.run(
        `INSERT INTO outbox (idempotency_key, kind, payload, state, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        'key-1',
        'careplan',
        '{"file":"UPPLAN.CSV"}',
        'pending',
        0,
        now,
        now,
      );
      db.run(
        `INSERT INTO paper_certificates (person_key, kind, entered_at, entered_by, valid_from, valid_to, body) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        'p-1',
        'hihokensha',
        now,
        'cm-01',
        '2026-04-01',
        null,
        '{"insuredNumber":"0000123456","name":"試験 花子"}',
      );
      db.run(
        `INSERT INTO office_notes (person_key, staff_id, created_at, updated_at, body) VALUES (?, ?, ?, ?, ?)`,
        'p-1',
        'cm-01',
        now,
        now,
        '火曜は午後のみ在宅',
      );
      db.run(`INSERT INTO check_timings (at, phase, ms) VALUES (?, ?, ?)`, now, 'card', 412.5);
    });
    app.audit().record({ staffId: 'cm-01', action: 'view', subject: { kind: 'person', value: '0000123456' } });
    app.audit().record({ staffId: 'cm-01', action: 'print', detail: { pages: 2, form: 'ELIGIBILITY' } });
    await app.close();

    const run = await exportRecords(files.out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('outbox: 1件');
    expect(run.stdout).toContain('paper_certificates: 1件');
    expect(run.stdout).not.toContain('試験');
    const bytes = fs.readFileSync(files.out);
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('KDRX');
    for (const secret of ['試験 花子', '0000123456', '火曜', 'UPPLAN']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false); // sealed, not merely encoded
    }
    if (process.platform !== 'win32') expect(fs.statSync(files.out).mode & 0o777).toBe(0o600);
    before = await dumpRecords(oldPc, OLD());
    expect(before.audit.at(-1)).toMatchObject({ action: 'export', staffId: 'installer' });
  });

  it('refuses to overwrite a file, a passphrase on the command line and a short passphrase', async () => {
    const again = await exportRecords(files.out);
    expect(again.code).toBe(2);
    const inline = await cli(oldPc, OLD(), ['records', 'export', '--out', 'x', '--passphrase', 'p']);
    expect(inline.code).toBe(2);
    expect(inline.stderr).toContain('コマンドラインでは受け付けません');
    const short = path.join(work.path, 'short.txt');
    fs.writeFileSync(short, 'short\n');
    const weak = await exportRecords(`${files.out}.2`, short);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/^エラー（RECORDS_PASSPHRASE_WEAK）/);
  });

  it('on the new PC: refuses a wrong passphrase and a tampered file with their codes, importing nothing', async () => {
    expect((await provision(newPc, NEW())).code).toBe(0);
    const fresh = await dumpRecords(newPc, NEW());

    const wrong = await importRecords(files.out, files.wrongPassphrase);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^エラー（RECORDS_PASSPHRASE_WRONG）/);

    const tampered = path.join(work.path, 'tampered.kdrx');
    const bytes = fs.readFileSync(files.out);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x01;
    fs.writeFileSync(tampered, bytes);
    const bad = await importRecords(tampered);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^エラー（RECORDS_FILE_TAMPERED）/);

    const notOurs = path.join(work.path, 'not-ours.kdrx');
    fs.writeFileSync(notOurs, 'hello');
    const foreign = await importRecords(notOurs);
    expect(foreign.stderr).toMatch(/^エラー（RECORDS_FILE_FORMAT）/);

    expect(await dumpRecords(newPc, NEW())).toEqual(fresh);
  });

  it('imports after provisioning: rows equal, the audit chain re-anchored under the new key verifies', async () => {
    const fresh = await dumpRecords(newPc, NEW());
    expect(fresh.audit.length).toBeGreaterThan(0); // provisioning audited the certificate import
    const run = await importRecords(files.out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('記録を取り込みました。');

    const after = await dumpRecords(newPc, NEW());
    expect(after.tables).toEqual(before.tables);
    // This PC's own rows first, then the old PC's history unchanged, then one row recording the import.
    expect(after.audit.slice(0, fresh.audit.length)).toEqual(fresh.audit);
    expect(after.audit.slice(fresh.audit.length, -1)).toEqual(before.audit);
    expect(after.audit.at(-1)).toMatchObject({ action: 'config-change', staffId: 'installer' });
    expect(JSON.parse((after.audit.at(-1) as { detail: string }).detail)).toEqual({
      auditRows: before.audit.length,
      change: 'RECORDS_IMPORT',
    });

    const verify = await cli(newPc, NEW(), ['audit', 'verify']);
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    // Appending after the import keeps the chain verifying.
    const app = await openApp(newPc, NEW());
    app.audit().record({ staffId: 'cm-01', action: 'view' });
    expect(app.audit().verify()).toMatchObject({ kind: 'ok', count: after.audit.length + 1, unsealed: 0 });
    await app.close();
  });

  it('refuses a second import into a PC that already has records', async () => {
    const run = await importRecords(files.out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^エラー（RECORDS_TARGET_NOT_EMPTY）/);
  });

  it('refuses to export a chain that does not verify (the sealed head was removed)', async () => {
    fs.rmSync(path.join(OLD(), 'vault', 'audit-head.sealed'));
    const out = path.join(work.path, 'move', 'broken.kdrx');
    const run = await exportRecords(out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^エラー（AUDIT_CHAIN_BROKEN）/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('is not available in training mode', async () => {
    newPc.enterProcess();
    vi.stubEnv('KAIGO_CONFIG', path.join(work.path, 'none.json'));
    vi.stubEnv('KAIGO_DATA_DIR', path.join(work.path, 'training-pc'));
    const out = { stdout: '', stderr: '' };
    const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), env: { ...process.env } };
    const code = await runCli(['records', 'import', '--in', files.out, '--passphrase-file', files.passphrase], io);
    vi.unstubAllEnvs();
    expect(code).toBe(1);
    expect(out.stderr).toMatch(/^エラー（RECORDS_NEEDS_CONFIG）/);
  });
});
