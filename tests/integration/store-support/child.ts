// A separate process for vault/store tests: `node child.cjs <command> <dataDir> [args…]`. Each command prints one
// JSON line (or one line per committed id for `write`). Errors print {"error": code} and exit 3.
import { osKeychain } from '../../../native/keychain';
import { KaigoError } from '../../../electron/services/errors';
import { openStore } from '../../../electron/services/store';
import { openVault, type VaultMode } from '../../../electron/services/vault';

const [command, dataDir, ...args] = process.argv.slice(2);
const mode = (process.env.KD_VAULT_MODE as VaultMode | undefined) ?? 'training';

function out(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

function main(): void {
  if (!command || !dataDir) throw new Error('usage: child <command> <dataDir> [args]');
  const vault = openVault({ dataDir, mode, keychain: osKeychain() });
  switch (command) {
    case 'seal': {
      vault.seal(args[0]!, Buffer.from(args[1]!, 'hex'));
      out({ ok: true });
      break;
    }
    case 'open': {
      const bytes = vault.open(args[0]!);
      out({ hex: bytes ? bytes.toString('hex') : null });
      break;
    }
    case 'subkey': {
      out({ hex: vault.subkey('audit-mac').toString('hex') });
      break;
    }
    case 'seed': {
      // args[0]: JSON {persons: [{insurer, insured, name, kana}], note}
      const seed = JSON.parse(args[0]!) as {
        persons: { insurer: string; insured: string; name: string; kana: string }[];
      };
      const store = openStore({ dataDir, vault });
      const now = new Date().toISOString();
      store.transaction('cache', (db) => {
        for (const p of seed.persons) {
          const key = p.insurer + p.insured;
          db.run(
            `INSERT INTO persons (person_key, insurer_number, insured_number, name, name_kana, kana_key, birth_date,
               sex, updated_at) VALUES (?, ?, ?, ?, ?, ?, '1940-01-02', '2', ?)`,
            key,
            p.insurer,
            p.insured,
            p.name,
            p.kana,
            p.kana,
            now,
          );
          db.run(
            `INSERT INTO snapshots (person_key, kind, fetched_at, source, body) VALUES (?, 'certificate', ?, 'api', ?)`,
            key,
            now,
            JSON.stringify({ 被保険者番号: p.insured, 氏名: p.name, フリガナ: p.kana }),
          );
        }
      });
      store.transaction('records', (db) => {
        for (const p of seed.persons) {
          const key = p.insurer + p.insured;
          db.run(
            `INSERT INTO office_notes (person_key, staff_id, created_at, updated_at, body) VALUES (?, 's1', ?, ?, ?)`,
            key,
            now,
            now,
            `${p.name}様 連絡メモ`,
          );
          db.run(
            `INSERT INTO paper_certificates (person_key, kind, entered_at, entered_by, body)
               VALUES (?, 'insurance', ?, 's1', ?)`,
            key,
            now,
            JSON.stringify({ 被保険者番号: p.insured, 氏名: p.name }),
          );
          db.run(
            `INSERT INTO outbox (idempotency_key, kind, payload, state, created_at, updated_at)
               VALUES (?, 'careplan', ?, 'pending', ?, ?)`,
            `seed-${key}`,
            JSON.stringify({ insured: p.insured, name: p.name }),
            now,
            now,
          );
        }
      });
      vault.seal('seed-bundle', Buffer.from(JSON.stringify(seed.persons), 'utf8'));
      out({ ok: true });
      // Killed with the store open, so its WAL files stay on disk for the scan (a clean exit checkpoints them).
      if (args[1] === 'keep-wal') process.kill(process.pid, 'SIGKILL');
      store.close();
      break;
    }
    case 'write': {
      // Writes forever from id args[0]; prints each id only after it is committed in both databases and the
      // counter blob is sealed, so the parent knows exactly what must survive a SIGKILL.
      const store = openStore({ dataDir, vault });
      const records = store.records();
      const cache = store.cache();
      const now = new Date().toISOString();
      for (let id = Number(args[0]); ; id++) {
        records.transaction(() => {
          records.run(
            `INSERT INTO outbox (id, idempotency_key, kind, payload, state, created_at, updated_at)
               VALUES (?, ?, 'test', '{}', 'pending', ?, ?)`,
            id,
            `crash-${id}`,
            now,
            now,
          );
          records.run(`INSERT INTO audit_log (seq, at, action, mac) VALUES (?, ?, 'view', zeroblob(32))`, id, now);
        });
        cache.transaction(() => {
          cache.run(
            `INSERT INTO snapshots (id, person_key, kind, fetched_at, source, body) VALUES (?, 'p', 'k', ?, 'test', ?)`,
            id,
            now,
            'x'.repeat(200 + (id % 500)),
          );
        });
        vault.seal('crash-counter', Buffer.from(String(id)));
        process.stdout.write(`${id}\n`);
      }
    }
    case 'verify': {
      const store = openStore({ dataDir, vault });
      const ids = (db: 'records' | 'cache', sql: string) => (store[db]().all(sql) as { id: number }[]).map((r) => r.id);
      out({
        integrity: { records: store.records().integrityCheck(), cache: store.cache().integrityCheck() },
        records: ids('records', 'SELECT id FROM outbox ORDER BY id'),
        audit: ids('records', 'SELECT seq AS id FROM audit_log ORDER BY seq'),
        cache: ids('cache', 'SELECT id FROM snapshots ORDER BY id'),
        counter: Number(vault.open('crash-counter')?.toString() ?? '0'),
      });
      store.close();
      break;
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
  vault.close();
}

try {
  main();
} catch (err) {
  out({ error: err instanceof KaigoError ? err.code : String(err) });
  process.exit(3);
}
