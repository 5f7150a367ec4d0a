import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingServer } from '../../electron/training/server';
import { openTrainingE2eWorld, type TrainingE2eWorld } from '../support/training-e2e';

// Training mode, logged in: fetch eligibility online for persons whose identity the office has confirmed (the card
// check registers the office on the backend; staged here until the card path lands), see each state, then find the
// person again in the offline-capable 利用者 search and the 期限管理 list.
let world: TrainingE2eWorld;
let backend: TrainingServer;
let page: Page;

beforeAll(async () => {
  world = await openTrainingE2eWorld();
  ({ page, backend } = world);
});
afterAll(async () => world?.close());

const shot = (name: string) => world.shot(`eligibility-${name}`);

async function fetchOnline(index: number) {
  const person = backend.data.data.persons[index]!;
  backend.data.registerService(person.personKey, '1370100016', 'pin', new Date());
  await page.getByLabel('保険者番号（6桁）').fill(person.insurer.number);
  await page.getByLabel('被保険者番号（10桁）').fill(person.insuredCard.insuredNumber);
  await page.keyboard.press('Enter');
  return person;
}

describe('eligibility in training mode', () => {
  // Issue 6 acceptance starts where an installer starts: provision the office certificate (設定 → 証明書, the same
  // import path as a real .p12), then the login below uses it for the TLS 1.3 mutual-auth session.
  it('provisions the training office certificate through 設定 → 証明書', async () => {
    await page.keyboard.press('Alt+7');
    const importTraining = page.getByRole('button', { name: '練習用証明書を取り込む' });
    await expect.poll(() => importTraining.count(), { timeout: 10_000 }).toBe(1);
    await importTraining.focus();
    await page.keyboard.press('Enter');
    const installed = page.getByLabel('取り込み済みの証明書');
    await expect.poll(() => installed.count(), { timeout: 10_000 }).toBe(1);
    expect(await installed.locator('[data-field=officeNumber]').textContent()).toBe('1370100016');
    await shot('0-provisioned');
    await page.keyboard.press('Alt+1');
  });

  it('logs in as the training care manager', async () => {
    await page.getByLabel('ユーザーID').fill('cm-renshu01');
    await page.getByLabel('パスワード').fill('Renshu-CM-2026!');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('training-otp').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page
      .getByLabel('ワンタイムパスワード（6桁）')
      .fill((await page.getByTestId('training-otp').first().textContent())!);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('ログイン中の職員').count()).toBe(1);
  });

  it('shows 有効 with the 証 items, each with 最終確認 and source', async () => {
    await page.keyboard.press('Alt+1');
    const person = await fetchOnline(0);
    const state = page.getByLabel('資格の状態');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('valid');
    expect(await state.textContent()).toContain('有効');
    expect(await page.locator('#person-name').textContent()).toContain(person.insuredCard.name!);
    expect(await page.getByLabel('介護保険被保険者証').textContent()).toMatch(
      /最終確認: \d{4}-\d{2}-\d{2} \d{2}:\d{2}（オンライン（練習））/,
    );
    await shot('1-valid');
  });

  it.each([
    [1, 'pending-data', '反映待ち'],
    [2, 'invalid', '資格無効'],
    [3, 'insurer-not-live', '未接続'],
    [4, 'applying', '申請中'],
  ])('shows person %i as %s with its next action', async (index, state, label) => {
    await fetchOnline(index);
    const badge = page.getByLabel('資格の状態');
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 10_000 }).toBe(state);
    expect(await badge.textContent()).toContain(label);
  });

  it('refuses a person whose card this office never checked, with the code', async () => {
    const person = backend.data.data.persons[30]!;
    await page.getByLabel('保険者番号（6桁）').fill(person.insurer.number);
    await page.getByLabel('被保険者番号（10桁）').fill(person.insuredCard.insuredNumber);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('KIBAN_NOT_SERVED');
  });

  it('finds the fetched person again by kana in 利用者, with ● explained where the name has one', async () => {
    const person = await fetchOnline(5); // the showcase person with an unmappable character
    await expect.poll(() => page.getByLabel('資格の状態').count(), { timeout: 10_000 }).toBe(1);
    await page.keyboard.press('Alt+2');
    const kana = person.insuredCard.nameKana!.split(' ')[0]!;
    await page.getByRole('searchbox').fill(kana.slice(0, 2));
    const link = page.getByRole('button', { name: person.insuredCard.name! });
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
    await link.click();
    await expect.poll(() => page.getByRole('note').filter({ hasText: '●' }).count()).toBe(1);
    await shot('2-persons');
  });

  it('lists deadlines by urgency', async () => {
    await page.keyboard.press('Alt+1');
    await fetchOnline(7); // certification ending within days
    await expect.poll(() => page.getByLabel('資格の状態').count(), { timeout: 10_000 }).toBe(1);
    await page.keyboard.press('Alt+4');
    const table = page.getByRole('table', { name: '期限の一覧' });
    await expect.poll(() => table.count(), { timeout: 10_000 }).toBe(1);
    expect(await table.textContent()).toContain(backend.data.data.persons[7]!.insuredCard.name!);
    await shot('3-deadlines');
  });
});
