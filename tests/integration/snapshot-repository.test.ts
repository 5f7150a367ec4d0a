import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { osKeychain } from '../../native/keychain';
import { snapshotRepository, type SnapshotInput } from '../../electron/services/cache';
import { KaigoError } from '../../electron/services/errors';
import { openStore, type Store } from '../../electron/services/store';
import { openVault, type Vault } from '../../electron/services/vault';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { tempDir } from '../support/temp';

// The snapshot repository over a real encrypted cache database (services/store, native/sqlite.ts), keyed from the
// vault in gnome-keyring.

const NAME = '介護 太郎';
const KANA = 'カイゴ タロウ';
const INSURED = '0000054321';
const PERSON = `131016${INSURED}`;

let keyring: KeyringSession;
beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
});
afterAll(async () => keyring?.stop());

let opened: { vault: Vault; store: Store; remove(): void; dataDir: string } | null = null;
afterEach(() => {
  opened?.store.close();
  opened?.vault.close();
  opened?.remove();
  opened = null;
});

function open(dataDir?: string) {
  const dir = dataDir ? null : tempDir('kd-snap-');
  const dd = dataDir ?? path.join(dir!.path, 'data');
  const vault = openVault({ dataDir: dd, mode: 'training', keychain: osKeychain() });
  const store = openStore({ dataDir: dd, vault });
  opened = { vault, store, dataDir: dd, remove: () => dir?.remove() };
  return { repo: snapshotRepository(store.cache()), store, vault, dataDir: dd };
}

function card(careLevel: '22' | '23', fetchedAt: string): SnapshotInput<'insured-card'> {
  return {
    personKey: PERSON,
    kind: 'insured-card',
    fetchedAt: new Date(fetchedAt),
    source: 'training',
    validFrom: '2026-04-01',
    validTo: '2027-03-31',
    viewingDeadline: '2027-04-30',
    body: {
      insuredNumber: INSURED,
      insurerNumber: '131016',
      name: NAME,
      nameKana: KANA,
      careLevel,
      benefitLimit: { period: { from: '2026-04-01', to: '2027-03-31' }, units: careLevel === '22' ? 19705 : 27048 },
    },
  };
}

const ratio = (code: '10' | '20', fetchedAt: string): SnapshotInput<'burden-ratio'> => ({
  personKey: PERSON,
  kind: 'burden-ratio',
  fetchedAt: new Date(fetchedAt),
  source: 'api',
  validFrom: '2026-08-01',
  validTo: '2027-07-31',
  viewingDeadline: null,
  body: {
    insuredNumber: INSURED,
    insurerNumber: '131016',
    ratio: code,
    period: { from: '2026-08-01', to: '2027-07-31' },
  },
});

describe('snapshot repository', () => {
  it('stores snapshots, returns the latest and the history newest first, and diffs them', () => {
    const { repo } = open();
    expect(repo.latest(PERSON, 'insured-card')).toBeNull();
    const first = repo.putSnapshot(card('22', '2026-10-01T01:00:00Z'));
    const second = repo.putSnapshot(card('23', '2026-11-20T01:00:00Z'));
    repo.putSnapshot(ratio('10', '2026-11-20T01:00:00Z'));
    const latest = repo.latest(PERSON, 'insured-card')!;
    expect(latest).toMatchObject({ id: second, source: 'training', fetchedAt: '2026-11-20T01:00:00.000Z' });
    expect(latest.body.careLevel).toBe('23');
    expect(latest.body.serviceTypeLimits).toEqual([]); // schema defaults are stored
    const history = repo.history(PERSON, 'insured-card');
    expect(history.map((s) => s.id)).toEqual([second, first]);
    expect(repo.diff(history[1]!, history[0]!).map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      '要介護状態区分等: 要介護2 → 要介護3',
      '区分支給限度基準額: 19,705単位 → 27,048単位',
    ]);
    expect(repo.latest('131016' + '0000000000', 'insured-card')).toBeNull();
  });

  it('orders by fetch time, not insertion (a late-arriving older fetch does not win)', () => {
    const { repo } = open();
    repo.putSnapshot(ratio('20', '2026-11-20T01:00:00Z'));
    repo.putSnapshot(ratio('10', '2026-09-01T01:00:00Z'));
    expect(repo.latest(PERSON, 'burden-ratio')!.body.ratio).toBe('20');
  });

  it('batch insert is one transaction: one invalid snapshot stores none', () => {
    const { repo } = open();
    const bad = { ...ratio('10', '2026-11-20T01:00:00Z'), body: { ratio: '40' } };
    expect(() => repo.putSnapshots([ratio('10', '2026-11-19T01:00:00Z'), bad])).toThrow(KaigoError);
    expect(repo.history(PERSON, 'burden-ratio')).toEqual([]);
    const ids = repo.putSnapshots([ratio('10', '2026-11-19T01:00:00Z'), ratio('20', '2026-11-20T01:00:00Z')]);
    expect(ids).toHaveLength(2);
    expect(repo.history(PERSON, 'burden-ratio')).toHaveLength(2);
  });

  it('refuses invalid input with SNAPSHOT_INVALID naming only the field', () => {
    const { repo } = open();
    const attempt = (input: unknown) => {
      try {
        repo.putSnapshot(input as SnapshotInput);
      } catch (err) {
        return err instanceof KaigoError ? `${err.code} ${err.detail}` : 'other';
      }
      return 'stored';
    };
    expect(attempt({ ...card('22', '2026-11-20T01:00:00Z'), kind: 'my-number' })).toBe('SNAPSHOT_INVALID field kind');
    expect(attempt({ ...card('22', '2026-11-20T01:00:00Z'), fetchedAt: new Date('x') })).toBe(
      'SNAPSHOT_INVALID field fetchedAt',
    );
    expect(attempt({ ...card('22', '2026-11-20T01:00:00Z'), viewingDeadline: '2027/04/30' })).toBe(
      'SNAPSHOT_INVALID field viewingDeadline',
    );
    const badBody = card('22', '2026-11-20T01:00:00Z');
    (badBody.body as Record<string, unknown>).careLevel = '99';
    expect(attempt(badBody)).toBe('SNAPSHOT_INVALID field body');
  });

  it('gives the newest snapshot of each kind for the person view', () => {
    const { repo } = open();
    repo.putSnapshots([card('22', '2026-10-01T01:00:00Z'), card('23', '2026-11-01T01:00:00Z')]);
    repo.putSnapshot(ratio('20', '2026-11-02T01:00:00Z'));
    const view = repo.latestByKind(PERSON);
    expect(Object.keys(view).sort()).toEqual(['burden-ratio', 'insured-card']);
    expect(view['insured-card']?.body.careLevel).toBe('23');
    expect(view['burden-ratio']?.body.ratio).toBe('20');
  });

  it('purges snapshots past their viewing deadline and counts them', () => {
    const { repo } = open();
    const expiring = { ...card('22', '2026-10-01T01:00:00Z'), viewingDeadline: '2026-11-19' };
    const lastDay = { ...card('22', '2026-10-02T01:00:00Z'), viewingDeadline: '2026-11-20' };
    const noDeadline = ratio('10', '2026-10-01T01:00:00Z');
    repo.putSnapshots([expiring, lastDay, noDeadline]);
    expect(repo.purgeExpired('2026-11-20')).toBe(1);
    expect(repo.history(PERSON, 'insured-card').map((s) => s.viewingDeadline)).toEqual(['2026-11-20']);
    expect(repo.history(PERSON, 'burden-ratio')).toHaveLength(1);
    expect(repo.purgeExpired('2026-11-20')).toBe(0);
  });

  it('the latest query uses the snapshots_latest index', () => {
    const { store } = open();
    const plan = store
      .cache()
      .all<{ detail: string }>(
        `EXPLAIN QUERY PLAN SELECT id FROM snapshots WHERE person_key = ? AND kind = ? ORDER BY fetched_at DESC, id DESC LIMIT 1`,
        PERSON,
        'insured-card',
      )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toContain('snapshots_latest');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('survives reopening, and the files hold no seeded name or insured number in clear', () => {
    const dir = tempDir('kd-snap-');
    const dataDir = path.join(dir.path, 'data');
    try {
      const first = open(dataDir);
      first.repo.putSnapshot(card('22', '2026-11-20T01:00:00Z'));
      first.store.close();
      first.vault.close();
      const again = open(dataDir);
      expect(again.repo.latest(PERSON, 'insured-card')!.body.name).toBe(NAME);
      again.store.close(); // checkpoints the WAL into cache.db
      scanForSeeded(dataDir);
    } finally {
      dir.remove();
    }
  });
});

function scanForSeeded(dataDir: string): void {
  const needles = [NAME, KANA, INSURED].flatMap((v) => [
    Buffer.from(v, 'utf8'),
    Buffer.from(v, 'utf16le'),
    iconv.encode(v, 'cp932'),
  ]);
  const files = fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  expect(files.map((e) => e.name)).toContain('cache.db');
  // The scan itself can fail: the plain JSON of a body would be found.
  expect(needles.some((n) => Buffer.from(JSON.stringify({ name: NAME }), 'utf8').includes(n))).toBe(true);
  for (const e of files) {
    const bytes = fs.readFileSync(path.join(e.parentPath, e.name));
    for (const n of needles) expect(bytes.includes(n), `${e.name} holds a seeded value`).toBe(false);
  }
}
