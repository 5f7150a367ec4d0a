import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import type { TrainingServer } from '../../electron/training/server';
import { createTestApp } from '../support/app';
import { openE2eWorld, type E2eWorld } from '../support/e2e';
import { waitFor } from '../support/temp';
import { loginAsTrainingCareManager } from '../support/training-login';

// Issue 6, the paper path and the person tabs in 練習モード: (a) 資格確認 → 「紙の証で確認」 → a wrong field is named with
// its code → corrected → saved 「紙で確認」 → 利用者 shows it with （紙）; (b) after a card check the tabs show 申請進捗
// and 住宅改修・福祉用具 from the training backend, and a 訪問介護 front-desk login sees the 認定調査票 tab refused with
// its reason; (c) the one-page print summary with its footer (who, when) and the training band, under print media.
let world: E2eWorld;
let app: KaigoApp;
let backend: TrainingServer;
let page: Page;

const CARE_OFFICE = '1370100016';
const HOME_HELP_OFFICE = '1370100024';
/** A person with an application in progress (found in the second (b) test, printed in (c)). */
let applying = -1;

beforeAll(async () => {
  world = await openE2eWorld({ app: () => createTestApp(), keychain: true });
  ({ app, page } = world);
  backend = (await app.trainingBackend())!;
});
afterAll(async () => world?.close());

const shot = (name: string) => world.shot(`paper-tabs-${name}`);
const state = () => page.getByLabel('資格の状態');
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

async function fetchOnline(index: number, office = CARE_OFFICE) {
  const person = backend.data.data.persons[index]!;
  backend.data.registerService(person.personKey, office, 'pin', new Date());
  await page.getByLabel('保険者番号（6桁）').fill(person.insurer.number);
  await page.getByLabel('被保険者番号（10桁）').fill(person.insuredCard.insuredNumber);
  await page.getByRole('button', { name: 'オンラインで照会' }).click();
  await expect.poll(() => state().count(), { timeout: 10_000 }).toBeGreaterThan(0);
  return person;
}

async function login(staffId: string, password: string) {
  await page.getByLabel('ユーザーID').fill(staffId);
  await page.getByLabel('パスワード').fill(password);
  await page.keyboard.press('Enter');
  // The mailbox also lists earlier codes for other staff: take this staff member's newest.
  const code = page
    .locator('li', { hasText: `${staffId} 宛` })
    .getByTestId('training-otp')
    .first();
  await waitFor('the training mailbox code', async () => /^\d{6}$/.test((await code.textContent()) ?? ''), 10_000);
  await page.getByLabel('ワンタイムパスワード（6桁）').fill((await code.textContent())!);
  await page.keyboard.press('Enter');
  await waitFor('the logged-in header', async () => (await page.getByLabel('ログイン中の職員').count()) === 1, 10_000);
}

describe('paper entry, person tabs and the print summary (training)', () => {
  it('(a) enters a paper 被保険者証: a wrong field is named with its code, the corrected one is saved as 紙', async () => {
    await loginAsTrainingCareManager(page);
    const person = await fetchOnline(10);
    const paper = page.getByRole('region', { name: '紙の証で確認' }).first();
    await paper.getByRole('button', { name: '紙の証で確認' }).click();
    const form = page.getByRole('form', { name: '紙の証の入力' });
    const field = (label: string) => form.getByLabel(label, { exact: true });
    await field('保険者番号（必須）').fill(person.insurer.number);
    await field('被保険者番号（必須）').fill('12345'); // wrong: not 10 digits
    await field('氏名（必須）').fill(person.insuredCard.name!);
    await field('生年月日（必須）').fill('昭和15年3月2日');
    await form.getByLabel('要介護状態区分等').selectOption('23');
    await form.getByLabel('認定の有効期間（開始）').fill('R8.4.1');
    await form.getByLabel('認定の有効期間（終了）').fill('2027-03-31');
    expect(await form.textContent()).toContain('昭和15年3月2日（1940-03-02）');
    await form.getByLabel('認定の有効期間（終了）').press('Enter');
    const problem = form.getByRole('alert');
    await expect.poll(() => problem.textContent(), { timeout: 10_000 }).toContain('PAPER_FIELD_INSURED_NUMBER');
    expect(await problem.count()).toBe(1);
    // The focus moved to the field to fix; the other fields kept what was typed.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('insuredNumber');
    expect(await field('氏名（必須）').inputValue()).toBe(person.insuredCard.name);
    await shot('1-wrong-field');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(person.insuredCard.insuredNumber);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => paper.getByRole('status').first().textContent(), { timeout: 10_000 })
      .toContain('保存しました');
    const saved = paper.getByLabel('介護保険被保険者証（紙）');
    await expect.poll(() => saved.count()).toBeGreaterThan(0);
    expect(await saved.first().textContent()).toMatch(/要介護3.*最終確認: \d{4}-\d{2}-\d{2} \d{2}:\d{2}（紙）/);
    await shot('2-saved');

    await page.keyboard.press('Alt+2');
    await page.getByRole('searchbox').fill(person.insuredCard.insuredNumber);
    const link = page.getByRole('button', { name: person.insuredCard.name! });
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
    await link.click();
    const onPaper = page.getByLabel('介護保険被保険者証（紙）');
    await expect.poll(() => onPaper.count(), { timeout: 10_000 }).toBe(1);
    expect(await onPaper.textContent()).toMatch(/要介護3.*最終確認: .*（紙）/);
    // persons.get merges the paper records: per kind the most recent confirmation is shown (here the paper card, which
    // replaces the older online one), and the other kinds keep their own source (UX.md rules 6 and 10).
    expect(await page.getByLabel('介護保険被保険者証', { exact: true }).count()).toBe(0);
    expect(await page.getByLabel('負担割合証', { exact: true }).textContent()).toContain('（オンライン（練習））');
    await shot('3-persons-paper');
  });

  it('(b) after a card check, shows 申請進捗 and 住宅改修・福祉用具 with 最終確認', async () => {
    await page.keyboard.press('Alt+1');
    await page.getByLabel('練習用カード').selectOption('normal');
    await page.getByRole('button', { name: 'リーダーに置く' }).click();
    await page.getByRole('button', { name: 'カードを読み取る（暗証番号で確認）' }).click();
    for (const digit of '1234') await page.getByRole('button', { name: `数字 ${digit}` }).click();
    await page.getByRole('button', { name: '決定' }).click();
    await expect.poll(() => state().getAttribute('data-state'), { timeout: 10_000 }).toBe('valid');
    const person = backend.data.data.persons[0]!;

    await page.getByRole('tab', { name: '申請進捗' }).click();
    const progressPanel = page.getByRole('tabpanel', { name: '申請進捗' });
    await expect.poll(() => progressPanel.textContent(), { timeout: 10_000 }).toContain('最終確認');
    if (person.progress === null)
      expect(await progressPanel.textContent()).toContain('進行中の要介護認定の申請はありません');

    // Keyboard: → moves to the next tab and shows its panel.
    await page.getByRole('tab', { name: '申請進捗' }).press('ArrowRight');
    const allowancesPanel = page.getByRole('tabpanel', { name: '住宅改修・福祉用具' });
    await expect.poll(() => allowancesPanel.textContent(), { timeout: 10_000 }).toContain('最終確認');
    const { homeModification, welfareEquipment } = person.allowances;
    const text = (await allowancesPanel.textContent())!;
    expect(text).toContain(yen(homeModification.capYen - homeModification.usedYen));
    expect(text).toContain(yen(welfareEquipment.capYen - welfareEquipment.usedYen));
    expect(text).toContain(`${welfareEquipment.fiscalYear}年度`);
    await page.getByRole('tab', { name: '認定調査票・主治医意見書' }).click();
    const documents = page.getByRole('tabpanel', { name: '認定調査票・主治医意見書' });
    await expect.poll(() => documents.textContent(), { timeout: 10_000 }).toContain('練習用の認定調査票');
    await shot('4-tabs');
  });

  it('(b) highlights the current step of an application in progress', async () => {
    applying = backend.data.data.persons.findIndex((p, i) => i > 10 && p.progress && p.progress.stages.length > 1);
    const person = await fetchOnline(applying);
    await page.getByRole('tab', { name: '申請進捗' }).click();
    const current = page.getByRole('tabpanel', { name: '申請進捗' }).locator('[aria-current="step"]');
    await expect.poll(() => current.count(), { timeout: 10_000 }).toBe(1);
    expect(await current.textContent()).toContain(person.progress!.stages.at(-1)!.stage);
    await shot('5-progress');
    // 認定・進捗 shows the person last opened, with the same timeline.
    await page.keyboard.press('Alt+3');
    const route = page.getByRole('region', { name: '申請進捗' });
    await expect.poll(() => route.locator('[aria-current="step"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await route.locator('[aria-current="step"]').textContent()).toContain(person.progress!.stages.at(-1)!.stage);
    expect(await page.getByRole('region', { name: '要介護認定' }).textContent()).toContain('申請日');
    await shot('5b-certification-route');
    await page.keyboard.press('Alt+1');
  });

  it('(c) prints a one-page summary with who printed it, when, and the training band', async () => {
    await fetchOnline(applying);
    await page.evaluate(() => {
      (window as unknown as { printCalls: number }).printCalls = 0;
      window.print = () => void (window as unknown as { printCalls: number }).printCalls++;
    });
    await page.getByRole('button', { name: '要約を印刷' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls), { timeout: 10_000 })
      .toBe(1);
    const summary = page.getByTestId('print-summary');
    expect(await summary.isVisible()).toBe(false); // not on screen
    await page.emulateMedia({ media: 'print' });
    expect(await summary.isVisible()).toBe(true);
    expect(await page.getByRole('tablist', { name: '利用者の情報' }).isVisible()).toBe(false);
    const text = (await summary.textContent())!;
    expect(text).toContain('練習モード');
    expect(text).toMatch(
      /印刷: cm-renshu01 ／ 令和\d+年\d+月\d+日 \d{2}:\d{2}（\d{4}-\d{2}-\d{2} \d{2}:\d{2} 日本時間）/,
    );
    expect(await summary.locator('.training-band').isVisible()).toBe(true);
    await shot('6-print');
    await page.emulateMedia({ media: 'screen' });
    const prints = app
      .audit()
      .rows()
      .filter((r) => r.action === 'print');
    expect(prints).toHaveLength(1);
  });

  it('(b) a 訪問介護 front-desk login sees the 認定調査票 tab refused with its reason', async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    // The client certificate decides the office: on the login panel, switch to the 訪問介護 training office (its own
    // training certificate is then presented; issue 5 item 1).
    const switcher = page.getByRole('form', { name: '事業所の切り替え' });
    await switcher.getByLabel('事業所:').selectOption(HOME_HELP_OFFICE);
    await switcher.getByRole('button', { name: '切り替え' }).click();
    const office = page.getByLabel('事業所', { exact: true });
    await expect.poll(() => office.textContent(), { timeout: 10_000 }).toBe('練習用 訪問介護事業所 さくら');
    await login('front-renshu01', 'Renshu-Front-2026!');
    expect(await page.getByLabel('ログイン中の職員').textContent()).toContain('front-renshu01');
    expect(await office.textContent()).toBe('練習用 訪問介護事業所 さくら');
    await page.keyboard.press('Alt+1');
    await fetchOnline(0, HOME_HELP_OFFICE);
    await page.getByRole('tab', { name: '認定調査票・主治医意見書' }).click();
    const documents = page.getByRole('tabpanel', { name: '認定調査票・主治医意見書' });
    await expect.poll(() => documents.textContent(), { timeout: 10_000 }).toContain('KIBAN_FORBIDDEN_FOR_JOB');
    expect(await documents.textContent()).toContain('居宅介護支援事業所のケアマネジャーだけが閲覧できます');
    expect(await documents.getByRole('alert').count()).toBe(0); // calm: a status, not an alarm
    // The other tabs still answer for this office.
    await page.getByRole('tab', { name: '住宅改修・福祉用具' }).click();
    await expect
      .poll(() => page.getByRole('tabpanel', { name: '住宅改修・福祉用具' }).textContent(), { timeout: 10_000 })
      .toContain('最終確認');
    await shot('7-documents-refused');
  });
});
