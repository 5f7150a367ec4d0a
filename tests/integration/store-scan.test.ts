import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVault, SUBKEY_PURPOSES } from '../../electron/services/vault';
import { osKeychain } from '../../native/keychain';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir } from '../support/temp';
import { bundleEntry } from './store-support/bundle';

// Personal data and keys at rest: a separate process seeds persons into both databases and a sealed blob, with its
// own TMPDIR; then every file it could have written (data dir, temp dir, the keyring's HOME) is scanned for the
// seeded names and insured numbers in UTF-8, UTF-16LE and MS932, and for the key bytes (raw and hex).

const PERSONS = [
  { insurer: '131016', insured: '0012345678', name: '架空川 美代子', kana: 'カクウガワ ミヨコ' },
  { insurer: '271004', insured: '0098765432', name: '試験野 權之助', kana: 'シケンノ ゴンノスケ' },
];

let keyring: KeyringSession;
let child: { file: string; remove(): void };
beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
  child = bundleEntry('tests/integration/store-support/child.ts');
});
afterAll(async () => {
  child?.remove();
  await keyring?.stop();
});

function files(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function needles(): { label: string; bytes: Buffer }[] {
  const list: { label: string; bytes: Buffer }[] = [];
  for (const [i, p] of PERSONS.entries()) {
    for (const [what, text] of [
      ['name', p.name],
      ['surname', p.name.split(' ')[0]!],
      ['kana', p.kana],
      ['insured', p.insured],
      ['person-key', p.insurer + p.insured],
    ] as const) {
      list.push({ label: `${i}.${what}.utf8`, bytes: Buffer.from(text, 'utf8') });
      list.push({ label: `${i}.${what}.utf16le`, bytes: Buffer.from(text, 'utf16le') });
      list.push({ label: `${i}.${what}.ms932`, bytes: iconv.encode(text, 'cp932') });
    }
  }
  return list;
}

function scan(roots: string[], list: { label: string; bytes: Buffer }[]): string[] {
  const hits: string[] = [];
  for (const root of roots)
    for (const file of files(root)) {
      const bytes = fs.readFileSync(file);
      for (const n of list) if (bytes.includes(n.bytes)) hits.push(`${n.label} in ${path.relative(root, file)}`);
    }
  return hits;
}

describe('nothing personal or secret in plain form on disk', () => {
  it('finds no seeded name, insured number or key bytes in any written file', async () => {
    const dir = tempDir('kd-scan-');
    try {
      const dataDir = path.join(dir.path, 'data');
      const tmp = path.join(dir.path, 'tmp');
      fs.mkdirSync(tmp);
      const result = await new Promise<string>((resolve, reject) =>
        execFile(
          'node',
          [child.file, 'seed', dataDir, JSON.stringify({ persons: PERSONS }), 'keep-wal'],
          { env: { ...keyring.env, TMPDIR: tmp, SQLITE_TMPDIR: tmp } },
          (err, stdout) => (err && err.signal !== 'SIGKILL' ? reject(err) : resolve(stdout)),
        ),
      );
      expect(JSON.parse(result)).toEqual({ ok: true });

      // The data really is there (so the scan below can fail): reading it back through the store finds it.
      const vault = openVault({ dataDir, mode: 'training', keychain: osKeychain() });
      expect(JSON.parse(vault.open('seed-bundle')!.toString('utf8'))).toEqual(PERSONS);
      const written = files(dataDir).map((f) => path.relative(dataDir, f));
      expect(written).toEqual(
        expect.arrayContaining([
          'cache.db',
          'cache.db-wal',
          'records.db',
          'records.db-wal',
          'vault/seed-bundle.sealed',
        ]),
      );
      expect(fs.statSync(path.join(dataDir, 'records.db-wal')).size).toBeGreaterThan(4096);

      const keys: { label: string; bytes: Buffer }[] = [];
      const entry = osKeychain().getSecret('kaigo-desk.training', 'master-key')!;
      keys.push({ label: 'master-key', bytes: entry.subarray(9) });
      for (const purpose of SUBKEY_PURPOSES) {
        const key = vault.subkey(purpose);
        keys.push({ label: `${purpose}.raw`, bytes: key });
        keys.push({ label: `${purpose}.hex`, bytes: Buffer.from(key.toString('hex')) });
        keys.push({ label: `${purpose}.HEX`, bytes: Buffer.from(key.toString('hex').toUpperCase()) });
      }
      vault.close();

      const roots = [dataDir, tmp, keyring.home];
      expect(scan(roots, needles())).toEqual([]);
      expect(scan(roots, keys)).toEqual([]);

      // Control: the scanner does find a needle in every encoding when it is there.
      fs.writeFileSync(path.join(tmp, 'control.txt'), Buffer.concat(needles().map((n) => n.bytes)));
      expect(scan([tmp], needles())).toHaveLength(needles().length);
    } finally {
      dir.remove();
    }
  });
});
