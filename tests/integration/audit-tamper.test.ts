import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type KaigoApp } from '../../electron/app';
import { canonicalRow } from '../../electron/services/audit';
import { runBuiltCli } from '../support/cli';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir } from '../support/temp';

// The audit tamper tests of issue 3's acceptance list, against a real encrypted records database (native/sqlite.ts),
// the real vault in gnome-keyring, and the built CLI as a separate process (`npm run build` first).

const INSURED = ['0000012345', '0000067890', '1310000042'];

let keyring: KeyringSession;
beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
});
afterAll(async () => keyring?.stop());

interface Office {
  env: Record<string, string>;
  dataDir: string;
  open(): Promise<KaigoApp>;
  cli(...args: string[]): ReturnType<typeof runBuiltCli>;
  remove(): void;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** One office data dir (training mode: no configuration file), used in this process and by the CLI. */
function office(): Office {
  const dir = tempDir('kd-audit-');
  const env = {
    ...keyring.env,
    KAIGO_DATA_DIR: path.join(dir.path, 'data'),
    KAIGO_CONFIG: path.join(dir.path, 'none.json'),
  };
  const o: Office = {
    env,
    dataDir: path.join(dir.path, 'data', 'training'),
    open: () => createApp({ host: { platform: 'linux', env, homeDir: keyring.home }, clock: () => new Date(now) }),
    cli: (...args) => runBuiltCli(args, env),
    remove: dir.remove,
  };
  cleanups.push(dir.remove);
  return o;
}

/** The apps' clock; seed() moves it one minute per row from 2026-11-20 00:00 UTC (09:00 in Japan). */
let now = Date.UTC(2026, 10, 20, 0, 0, 0);

async function seed(o: Office, count: number): Promise<void> {
  const app = await o.open();
  try {
    for (let i = 0; i < count; i++) {
      now += 60_000;
      app.audit().record({
        staffId: 'staff01',
        action: i % 2 ? 'view' : 'print',
        subject: { kind: 'person', value: INSURED[i % INSURED.length]! },
        detail: { pages: i + 1 },
      });
    }
  } finally {
    await app.close();
  }
}

async function withApp<T>(o: Office, fn: (app: KaigoApp) => T): Promise<T> {
  const app = await o.open();
  try {
    return fn(app);
  } finally {
    await app.close();
  }
}

describe('audit verify against a real records database', () => {
  it('an untouched chain verifies, in process and through the CLI (exit 0)', async () => {
    const o = office();
    await seed(o, 10);
    expect(await withApp(o, (app) => app.audit().verify())).toEqual({ kind: 'ok', count: 10, unsealed: 0 });
    const run = await o.cli('audit', 'verify');
    expect(run.stdout).toContain('監査ログは正常です（10件）');
    expect(run.code).toBe(0);
  });

  it('detects a row edited with raw SQL', async () => {
    const o = office();
    await seed(o, 10);
    await withApp(o, (app) => app.store().records().run(`UPDATE audit_log SET action = 'export' WHERE seq = 5`));
    expect(await withApp(o, (app) => app.audit().verify())).toEqual({ kind: 'bad-row', seq: 5, reason: 'mac' });
    const run = await o.cli('audit', 'verify');
    expect(run.stderr).toContain('5番目の行が改ざんされています');
    expect(run.code).toBe(1);
  });

  it('detects edited rows with an unkeyed SHA-256 chain recomputed over them', async () => {
    const o = office();
    await seed(o, 10);
    await withApp(o, (app) => {
      const db = app.store().records();
      db.transaction(() => {
        db.run(`UPDATE audit_log SET staff_id = 'staff02' WHERE seq = 7`);
        let prev: Buffer = Buffer.alloc(32);
        for (const r of db.all<{
          seq: number;
          at: string;
          staff_id: string;
          action: string;
          subject_hash: string | null;
          detail: string | null;
        }>('SELECT seq, at, staff_id, action, subject_hash, detail FROM audit_log ORDER BY seq')) {
          const row = {
            seq: r.seq,
            time: r.at,
            staffId: r.staff_id,
            action: r.action,
            subject: r.subject_hash,
            detail: r.detail,
          };
          prev = createHash('sha256').update(prev).update(canonicalRow(row)).digest();
          db.run('UPDATE audit_log SET mac = ? WHERE seq = ?', prev, r.seq);
        }
      });
    });
    expect(await withApp(o, (app) => app.audit().verify())).toEqual({ kind: 'bad-row', seq: 1, reason: 'mac' });
    const run = await o.cli('audit', 'verify');
    expect(run.stderr).toContain('1番目の行が改ざんされています');
    expect(run.code).toBe(1);
  });

  it('detects the last three rows deleted', async () => {
    const o = office();
    await seed(o, 10);
    await withApp(o, (app) => app.store().records().run('DELETE FROM audit_log WHERE seq > 7'));
    expect(await withApp(o, (app) => app.audit().verify())).toEqual({ kind: 'tail-deleted', headSeq: 10, fileSeq: 7 });
    const run = await o.cli('audit', 'verify');
    expect(run.stderr).toContain('監査ログの末尾が削除されています（封印された記録は10件、ファイルには7件）');
    expect(run.code).toBe(1);
    // Appending afterwards does not hide it.
    await seed(o, 4);
    expect((await withApp(o, (app) => app.audit().verify())).kind).not.toBe('ok');
  });

  it('detects an older copy of the database file put back', async () => {
    const o = office();
    await seed(o, 6);
    const file = path.join(o.dataDir, 'records.db');
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0); // closed = checkpointed
    const backup = fs.readFileSync(file);
    await seed(o, 4);
    expect(await withApp(o, (app) => app.audit().verify())).toMatchObject({ kind: 'ok', count: 10 });
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    fs.writeFileSync(file, backup);
    expect(await withApp(o, (app) => app.audit().verify())).toEqual({ kind: 'older-file', headSeq: 10, fileSeq: 6 });
    const run = await o.cli('audit', 'verify');
    expect(run.stderr).toContain('古い監査ログのファイルが戻されています（封印された記録は10件、ファイルには6件）');
    expect(run.code).toBe(1);
  });

  it('detects a removed head blob', async () => {
    const o = office();
    await seed(o, 3);
    fs.rmSync(path.join(o.dataDir, 'vault', 'audit-head.sealed'));
    const run = await o.cli('audit', 'verify');
    expect(run.stderr).toContain('封印が見つかりません');
    expect(run.code).toBe(1);
  });
  it('refuses a head blob whose bytes were edited (the vault seal does not open)', async () => {
    const o = office();
    await seed(o, 3);
    const blob = path.join(o.dataDir, 'vault', 'audit-head.sealed');
    const bytes = fs.readFileSync(blob);
    bytes[bytes.length - 1]! ^= 1;
    fs.writeFileSync(blob, bytes);
    // In process: a KaigoError, and the database is left usable (no statement left open).
    const app = await o.open();
    expect(() => app.audit().verify()).toThrow(expect.objectContaining({ code: 'VAULT_BLOB_UNREADABLE' }));
    expect(app.store().records().get('SELECT count(*) AS n FROM audit_log')).toEqual({ n: 3 });
    await app.close();
    const run = await o.cli('audit', 'verify');
    expect(run.stderr).toContain('VAULT_BLOB_UNREADABLE');
    expect(run.code).toBe(1);
  });
});

describe('audit export', () => {
  it('writes a CSV for Excel with Japan time and records the export', async () => {
    const o = office();
    now = Date.UTC(2026, 10, 20, 0, 0, 0);
    await seed(o, 5);
    const out = path.join(o.dataDir, '..', 'audit.csv');
    const run = await o.cli('audit', 'export', '--out', out, '--from', '2026-11-20', '--to', '2026-11-20');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('5件を出力しました');
    expect(run.code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('"練習モード — 実在の利用者ではありません"');
    expect(lines[1]).toContain('"日時（日本時間）"');
    // The first row was recorded at 00:01 UTC = 09:01 JST.
    expect(lines[2]).toMatch(/^"1","2026-11-20 09:01:00","staff01","印刷","print","person:[0-9a-f]{64}","pages=1"$/);
    expect(lines).toHaveLength(2 + 5 + 1);
    // The export itself is audited, and the chain still verifies.
    expect(await withApp(o, (app) => app.audit().rows().at(-1))).toMatchObject({
      seq: 6,
      action: 'export',
      staffId: 'cli',
    });
    expect((await o.cli('audit', 'verify')).code).toBe(0);
  });

  it('a date range outside the rows exports only the header; bad dates are usage errors', async () => {
    const o = office();
    await seed(o, 2);
    const out = path.join(o.dataDir, '..', 'empty.csv');
    expect((await o.cli('audit', 'export', '--out', out, '--from', '2026-11-21')).stdout).toContain(
      '0件を出力しました',
    );
    const bad = await o.cli('audit', 'export', '--out', out, '--from', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM-DD');
  });

  it('exits 4 with the keychain message when there is no keychain, writing nothing', async () => {
    const dir = tempDir('kd-audit-nokc-');
    cleanups.push(dir.remove);
    const env: Record<string, string> = {
      ...keyring.env,
      KAIGO_DATA_DIR: path.join(dir.path, 'data'),
      KAIGO_CONFIG: path.join(dir.path, 'none.json'),
    };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const run = await runBuiltCli(['audit', 'verify'], env);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('KEYCHAIN_UNAVAILABLE');
    expect(fs.existsSync(path.join(dir.path, 'data'))).toBe(false);
  });
});

describe('no personal data in clear', () => {
  it('neither the data dir nor the export holds a seeded insured number, in UTF-8, UTF-16LE or MS932', async () => {
    const o = office();
    await seed(o, 9);
    const out = path.join(o.dataDir, '..', 'export.csv');
    expect((await o.cli('audit', 'export', '--out', out)).code).toBe(0);
    const files: string[] = [out];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(o.dataDir);
    expect(files.some((f) => f.endsWith('records.db'))).toBe(true);
    const needles = INSURED.flatMap((v) => [
      Buffer.from(v, 'utf8'),
      Buffer.from(v, 'utf16le'),
      iconv.encode(v, 'cp932'),
    ]);
    const holdsSeeded = (bytes: Buffer) => needles.some((n) => bytes.includes(n));
    // The scan itself can fail: a seeded value in any of the three encodings is found.
    expect(holdsSeeded(iconv.encode(`番号 ${INSURED[1]}`, 'utf16le'))).toBe(true);
    expect(holdsSeeded(iconv.encode(`番号 ${INSURED[2]}`, 'cp932'))).toBe(true);
    for (const f of files)
      expect(holdsSeeded(fs.readFileSync(f)), `${path.basename(f)} holds a seeded value`).toBe(false);
  });
});
