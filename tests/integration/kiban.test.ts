import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncryptedDb, type SqliteDb } from '../../native/sqlite';
import { searchPersons, snapshotRepository } from '../../electron/services/cache';
import { createKibanClient } from '../../electron/services/kiban';
import type { Session } from '../../electron/services/session';
import { CACHE_MIGRATIONS, migrate } from '../../electron/services/store';
import { startTrainingServer, type TrainingServer } from '../../electron/training/server';
import { tempDir } from '../support/temp';
import { loginTrainingStaff } from '../support/training-tls';
import { rejectionCode } from '../support/error-codes';
import { trainingPki } from './training-server.support';

// The kiban client against the training backend over real TLS 1.3 mutual auth, writing into a real encrypted
// cache: data endpoints, viewing rules (DOMAIN.md §2.1), refusals mapped to codes, the cache left unchanged on
// refusal.

let server: TrainingServer;
let dir: ReturnType<typeof tempDir>;
let cache: SqliteDb;
let now = Date.parse('2026-11-26T01:00:00Z');
const clock = () => new Date(now);
const sessions: Session[] = [];

async function login(staffId: string): Promise<Session> {
  return loginTrainingStaff({ server, pki: trainingPki(), staffId, opened: sessions, clock });
}

const codeOf = rejectionCode;

beforeAll(async () => {
  server = await startTrainingServer({ pki: trainingPki(), clock });
  dir = tempDir('kd-kiban-');
  cache = openEncryptedDb(path.join(dir.path, 'cache.db'), { key: randomBytes(32), synchronous: 'NORMAL' });
  migrate(cache, CACHE_MIGRATIONS);
});
afterAll(async () => {
  for (const s of sessions) await s.close();
  await server?.close();
  cache?.close();
  dir?.remove();
});

const pick = (f: (p: TrainingServer['data']['data']['persons'][number]) => boolean) =>
  server.data.data.persons.find(f)!;

describe('kiban client ⇄ training backend', () => {
  it('refuses an office that did not check the card, and stores nothing', async () => {
    const cm = createKibanClient({ session: await login('cm-renshu01'), cache: () => cache, source: 'training' });
    const person = pick((p) => p.insurer.live && !p.flags.notYetReflected && !p.flags.qualificationLost);
    expect(await codeOf(cm.fetchEligibility(person.personKey))).toBe('KIBAN_NOT_SERVED');
    expect(snapshotRepository(cache).latest(person.personKey, 'insured-card')).toBeNull();
  });

  it('fetches the 証 items after a card check and caches them in one transaction', async () => {
    const cm = createKibanClient({ session: await login('cm-renshu01'), cache: () => cache, source: 'training' });
    const person = pick((p) => p.insurer.live && !p.flags.notYetReflected && !p.flags.qualificationLost);
    server.data.registerService(person.personKey, '1370100016', 'pin', clock());
    const answer = await cm.fetchEligibility(person.personKey);
    expect(answer.status).toBe('found');
    const cached = snapshotRepository(cache).latest(person.personKey, 'insured-card')!;
    expect(cached.body).toEqual(person.insuredCard);
    expect(cached.source).toBe('training');
    expect(cached.viewingDeadline).toBe(answer.viewingDeadline);
    expect(snapshotRepository(cache).latest(person.personKey, 'burden-ratio')!.body.ratio).toBe(
      person.burdenRatio.ratio,
    );
    expect(searchPersons(cache, person.insuredCard.insuredNumber).rows.map((r) => r.personKey)).toEqual([
      person.personKey,
    ]);
    expect(await cm.fetchServed()).toContainEqual({
      personKey: person.personKey,
      viewingDeadline: answer.viewingDeadline,
    });
    const allowances = await cm.fetchAllowances(person.personKey);
    expect(allowances.homeModification.remainingYen).toBe(200_000 - person.allowances.homeModification.usedYen);
  });

  it('answers not-yet-reflected, lost qualification and not-live insurers as states, not errors', async () => {
    const cm = createKibanClient({ session: await login('cm-renshu01'), cache: () => cache, source: 'training' });
    for (const [flag, status] of [
      [(p: (typeof server.data.data.persons)[number]) => p.flags.notYetReflected, 'not-found'],
      [(p: (typeof server.data.data.persons)[number]) => p.flags.qualificationLost, 'invalid'],
      [(p: (typeof server.data.data.persons)[number]) => !p.insurer.live, 'insurer-not-live'],
    ] as const) {
      const person = pick(flag);
      server.data.registerService(person.personKey, '1370100016', 'pin', clock());
      expect((await cm.fetchEligibility(person.personKey)).status).toBe(status);
    }
  });

  it('shows 認定調査票 only to the care manager of the 居宅 office making the plan', async () => {
    const person = pick(
      (p) => p.insurer.live && !p.flags.notYetReflected && !p.flags.qualificationLost && p.personKey.endsWith('3'),
    );
    server.data.registerService(person.personKey, '1370100016', 'pin', clock());
    server.data.registerService(person.personKey, '1370100024', 'pin', clock());
    const cm = createKibanClient({ session: await login('cm-renshu01'), cache: () => cache, source: 'training' });
    expect((await cm.fetchCertificationDocuments(person.personKey)).summary).toContain('練習用');
    const admin = createKibanClient({ session: await login('admin-renshu01'), cache: () => cache, source: 'training' });
    expect(await codeOf(admin.fetchCertificationDocuments(person.personKey))).toBe('KIBAN_FORBIDDEN_FOR_JOB');
    const helper = createKibanClient({
      session: await login('helper-renshu01'),
      cache: () => cache,
      source: 'training',
    });
    expect(await codeOf(helper.fetchCertificationDocuments(person.personKey))).toBe('KIBAN_FORBIDDEN_FOR_JOB');
    expect((await helper.fetchEligibility(person.personKey)).status).toBe('found');
  });

  it('refuses after consent is withdrawn and past the viewing deadline, leaving the cache as it was', async () => {
    const cm = createKibanClient({ session: await login('cm-renshu01'), cache: () => cache, source: 'training' });
    const [a, b] = server.data.data.persons
      .filter((p) => p.insurer.live && !p.flags.notYetReflected && !p.flags.qualificationLost)
      .slice(10, 12);
    server.data.registerService(a!.personKey, '1370100016', 'pin', clock());
    server.data.registerService(b!.personKey, '1370100016', 'pin', clock());
    await cm.fetchEligibility(a!.personKey);
    const before = snapshotRepository(cache).history(a!.personKey, 'insured-card').length;
    await cm.setConsent(a!.personKey, 'withdrawn');
    expect(await codeOf(cm.fetchEligibility(a!.personKey))).toBe('KIBAN_CONSENT_WITHDRAWN');
    expect(snapshotRepository(cache).history(a!.personKey, 'insured-card')).toHaveLength(before);
    expect((await cm.fetchServed()).map((p) => p.personKey)).not.toContain(a!.personKey);

    now += 181 * 86_400_000;
    const later = createKibanClient({ session: await login('cm-renshu01'), cache: () => cache, source: 'training' });
    expect(await codeOf(later.fetchEligibility(b!.personKey))).toBe('KIBAN_VIEWING_EXPIRED');
  });
});
