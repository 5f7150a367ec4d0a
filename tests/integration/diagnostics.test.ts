import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type KaigoApp } from '../../electron/app';
import { runCli } from '../../electron/cli';
import type { CliIo } from '../../electron/cli/io';
import { personsRepository, snapshotRepository } from '../../electron/services/cache';
import type { SupportReport } from '../../electron/services/support-report';
import { generateTrainingData, type TrainingPerson } from '../../electron/training/data';
import { loadOrCreateTrainingPki } from '../../electron/training/pki';
import { startTrainingServer, TRAINING_OFFICES } from '../../electron/training/server';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir } from '../support/temp';

// Issue 9: `kaigo-desk diagnostics` on a data folder full of personal data (training persons in the cache, a paper
// 証, a note, audit rows about persons, a failed send) reports versions, health, counts and codes — and a scan of the
// JSON, the text file and the screen output finds none of the seeded names, kana, insured numbers or birth dates.

let keyring: KeyringSession;
let work: { path: string; remove(): void };
let persons: TrainingPerson[];
let env: Record<string, string>;

function withHost(app: () => Promise<KaigoApp>) {
  keyring.enterProcess();
  return app();
}

const hostEnv = () => ({
  KAIGO_CONFIG: path.join(work.path, 'etc', 'config.json'), // none: training mode
  KAIGO_DATA_DIR: path.join(work.path, 'data'),
});

/** Every form a seeded value could leak in: as stored, without separators, and the date as YYYYMMDD. */
function needles(p: TrainingPerson): string[] {
  const card = p.insuredCard;
  const values = [card.name, card.nameKana, card.insuredNumber, card.birthDate, card.address];
  const out = new Set<string>();
  for (const v of values) {
    if (!v) continue;
    out.add(v);
    out.add(v.replace(/[\s\u3000-]/g, ''));
  }
  return [...out].filter((v) => v.length >= 4);
}

beforeAll(async () => {
  keyring = await startKeyringSession();
  work = tempDir('kd-diagnostics-');
  env = hostEnv();
  persons = generateTrainingData({ seed: 7, persons: 30, today: { year: 2026, month: 11, day: 26 } }).persons.slice(
    0,
    30,
  );
  const app = await withHost(() => createApp({ host: { platform: 'linux', homeDir: keyring.home, env: hostEnv() } }));
  expect(app.runtime.mode).toBe('training');
  const cache = app.store().cache();
  const when = new Date('2026-11-20T01:00:00Z');
  personsRepository(() => cache).upsertManyFromCards(
    persons.map((p) => p.insuredCard),
    when,
  );
  snapshotRepository(cache).putSnapshots(
    persons.map((p) => ({
      personKey: p.personKey,
      kind: 'insured-card' as const,
      fetchedAt: when,
      source: 'training' as const,
      validFrom: null,
      validTo: null,
      viewingDeadline: null,
      body: p.insuredCard,
    })),
  );
  const first = persons[0]!.insuredCard;
  app.store().transaction('records', (db) => {
    const at = when.toISOString();
    db.run(
      `INSERT INTO paper_certificates (person_key, kind, entered_at, entered_by, valid_from, valid_to, body) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      persons[0]!.personKey,
      'hihokensha',
      at,
      'cm-01',
      null,
      null,
      JSON.stringify(first),
    );
    db.run(
      `INSERT INTO office_notes (person_key, staff_id, created_at, updated_at, body) VALUES (?, ?, ?, ?, ?)`,
      persons[1]!.personKey,
      'cm-01',
      at,
      at,
      `${persons[1]!.insuredCard.name} さんは火曜午後のみ`,
    );
    db.run(
      `INSERT INTO outbox (idempotency_key, kind, payload, state, attempts, created_at, updated_at, last_error_code)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      'k-1',
      'careplan',
      JSON.stringify({ person: first }),
      'failed',
      3,
      at,
      at,
      'SESSION_UNREACHABLE',
    );
  });
  for (const p of persons.slice(0, 5)) {
    app
      .audit()
      .record({ staffId: 'cm-01', action: 'view', subject: { kind: 'person', value: p.insuredCard.insuredNumber } });
  }
  app.audit().record({
    staffId: 'installer',
    action: 'config-change',
    detail: { change: 'CERT_IMPORT', source: 'CLI', outcome: 'CERT_WRONG_PASSWORD' },
  });
  await app.close();
}, 120_000);

afterAll(async () => {
  await keyring?.stop();
  work?.remove();
});

async function diagnostics(args: string[]) {
  keyring.enterProcess();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), env: { ...process.env } };
  const code = await runCli(['diagnostics', ...args], io);
  vi.unstubAllEnvs();
  return { code, ...out };
}

describe('kaigo-desk diagnostics', () => {
  it('writes a JSON and a text report with health, counts and codes, and no seeded personal data', async () => {
    const file = path.join(work.path, 'report.json');
    const run = await diagnostics(['--out', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = fs.readFileSync(file, 'utf8');
    const text = fs.readFileSync(path.join(work.path, 'report.txt'), 'utf8');
    const report = JSON.parse(json) as SupportReport;

    expect(report).toMatchObject({ kind: 'kaigo-desk-diagnostics', mode: 'training', configuration: { valid: true } });
    expect(report.app.node).toBe(process.versions.node);
    expect(report.readers).toMatchObject({ serviceUp: true });
    expect(report.connection).toEqual({ checked: false, reason: 'no-certificate' });
    expect(report.databases.cache).toMatchObject({ integrity: 'ok', rows: { persons: 30, snapshots: 30 } });
    expect(report.databases.records).toMatchObject({
      integrity: 'ok',
      migrationVersion: expect.any(Number),
      rows: { paper_certificates: 1, office_notes: 1, outbox: 1, audit_log: 6 },
    });
    expect(report.audit).toEqual({ result: 'ok', count: 6, unsealed: 0 });
    expect(report.lastErrors).toMatchObject({
      outbox: [{ code: 'SESSION_UNREACHABLE', count: 1 }],
      audit: [{ action: 'CONFIG-CHANGE', outcome: 'CERT_WRONG_PASSWORD' }],
    });
    expect(text).toContain('監査ログ: 改ざんなし（6件）');
    expect(text).toContain('送信: SESSION_UNREACHABLE ×1');
    expect(run.stdout).toContain('介護デスク 診断レポート');

    const haystack = [json, text, run.stdout].join('\n');
    const leaks = persons.flatMap(needles).filter((n) => haystack.includes(n));
    expect(leaks).toEqual([]);
    expect(haystack).not.toContain(keyring.home); // the OS user's home folder (user name) is shown as ~
    // The scan itself can find a leak: the seeded values are really in the data folder's databases' input.
    expect(needles(persons[0]!).length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(persons[0]!.insuredCard)).toContain(needles(persons[0]!)[0]!);
  });

  it('reports a part it cannot check by its code and still reports the rest', async () => {
    fs.rmSync(path.join(env.KAIGO_DATA_DIR!, 'training', 'vault', 'audit-head.sealed'));
    const run = await diagnostics(['--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as SupportReport;
    expect(report.audit).toEqual({ result: 'head-missing' });
    expect(report.databases.records).toMatchObject({ integrity: 'ok' });
  });

  it('refuses unknown arguments', async () => {
    const run = await diagnostics(['--verbose']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不明な引数です: --verbose');
  });

  it('on a provisioned PC, summarises the connection check: success over TLS 1.3, and a failure by its code', async () => {
    const office = TRAINING_OFFICES[0]!;
    const pki = loadOrCreateTrainingPki(path.join(work.path, 'pki'), TRAINING_OFFICES);
    const server = await startTrainingServer({ pki: pki.pki });
    const configFile = path.join(work.path, 'office-config.json');
    fs.writeFileSync(
      configFile,
      JSON.stringify({
        schemaVersion: 1,
        endpoint: server.url,
        trustAnchors: [{ pem: pki.pki.ca.certPem }],
        offices: [
          { officeNumber: office.officeNumber, serviceType: '43', name: office.officeName, billingSystemId: 'KJ01' },
        ],
      }),
    );
    const passwordFile = path.join(work.path, 'p12-password.txt');
    fs.writeFileSync(passwordFile, `${pki.p12Password}\n`);
    const p12 = pki.p12Files.find((f) => f.officeNumber === office.officeNumber)!.file;
    env = { KAIGO_CONFIG: configFile, KAIGO_DATA_DIR: path.join(work.path, 'office-data') };
    try {
      keyring.enterProcess();
      for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
      const io: CliIo = { stdout: () => {}, stderr: () => {}, env: { ...process.env } };
      expect(await runCli(['provision', '--p12', p12, '--password-file', passwordFile], io)).toBe(0);
      vi.unstubAllEnvs();

      const online = JSON.parse((await diagnostics(['--json'])).stdout) as SupportReport;
      expect(online.mode).toBe('configured');
      expect(online.connection).toMatchObject({ checked: true, ok: true, code: null, tlsVersion: 'TLSv1.3' });
      expect(online.audit).toMatchObject({ result: 'ok' });
    } finally {
      await server.close();
    }
    const offline = JSON.parse((await diagnostics(['--json'])).stdout) as SupportReport;
    expect(offline.connection).toMatchObject({ checked: true, ok: false, code: expect.stringMatching(/^SESSION_/) });
  });
});
