import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testHost } from '../support/app';
import { openE2eWorld, type E2eWorld } from '../support/e2e';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { loginAsTrainingCareManager } from '../support/training-login';

// Working through an outage (issue 7's first slice): fetch online, stop the app, restart it with the service
// unreachable, unlock offline with ID + password, then search and open the person from the encrypted cache, with
// 「最終確認」 and the offline banner. One keychain and one data folder across both runs, as on a real PC.
let keyring: KeyringSession;
const host = testHost();
let world: E2eWorld | null = null;
let personName = '';

beforeAll(async () => {
  keyring = await startKeyringSession();
  keyring.enterProcess();
});
afterAll(async () => {
  await world?.close();
  host.remove();
  await keyring?.stop();
});

const place = async (page: E2eWorld['page'], card: string) => {
  await page.getByLabel('練習用カード').selectOption(card);
  await page.getByRole('button', { name: 'リーダーに置く' }).click();
};

describe('offline after an outage', () => {
  it('first run: logs in online and checks a card, which caches the person', async () => {
    world = await openE2eWorld({ app: () => createTestApp({}, host) });
    const { page, app } = world;
    await loginAsTrainingCareManager(page);
    await place(page, 'normal');
    await page.getByRole('button', { name: 'カードを読み取る（暗証番号で確認）' }).click();
    for (const digit of '1234') await page.getByRole('button', { name: `数字 ${digit}` }).click();
    await page.getByRole('button', { name: '決定' }).click();
    await expect
      .poll(() => page.getByLabel('資格の状態').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('valid');
    personName = (await app.trainingBackend())!.data.data.persons[0]!.insuredCard.name!;
    await world.close();
    world = null;
  });

  it('second run with the service down: online login fails, a wrong offline password is refused', async () => {
    world = await openE2eWorld({ app: () => createTestApp({}, host) });
    const { page, app } = world;
    await (await app.trainingBackend())!.close(); // the service goes away
    await page.getByLabel('ユーザーID').fill('cm-renshu01');
    await page.getByLabel('パスワード').fill('Renshu-CM-2026!');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('SESSION_UNREACHABLE');
    await expect.poll(() => page.locator('[data-connectivity]').getAttribute('data-connectivity')).toBe('offline');
    await page.getByLabel('パスワード').fill('wrong-password');
    await page.getByRole('button', { name: /オフラインで開く/ }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('SESSION_OFFLINE_REFUSED');
  });

  it('unlocks offline read-only, then search and the person with 最終確認 work from the cache', async () => {
    const { page, app } = world!;
    await page.getByLabel('パスワード').fill('Renshu-CM-2026!');
    await page.getByRole('button', { name: /オフラインで開く/ }).click();
    await expect.poll(() => page.getByLabel('ログイン中の職員').textContent()).toContain('オフライン・閲覧のみ');
    await page.keyboard.press('Alt+2');
    await page.getByRole('searchbox').fill(personName.split(' ')[0]!);
    const link = page.getByRole('button', { name: personName });
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
    await link.click();
    await expect.poll(() => page.getByLabel('資格の状態').getAttribute('data-state')).toBe('valid');
    expect(await page.getByLabel('介護保険被保険者証').textContent()).toMatch(
      /最終確認: \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    );
    await world!.shot('offline-person');
    // The deadlines tracker reads the same cache offline.
    await page.keyboard.press('Alt+4');
    const tracker = page.getByRole('table', { name: '期限の一覧' }).or(page.getByText('急ぎの期限はありません。'));
    await expect.poll(() => tracker.count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    const outcomes = app
      .audit()
      .rows()
      .filter((r) => r.action === 'offline-unlock')
      .map((r) => JSON.parse(r.detail!).outcome);
    expect(outcomes).toEqual(['REFUSED', 'UNLOCKED']);
  });
});
