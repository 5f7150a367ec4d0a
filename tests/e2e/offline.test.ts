import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testHost } from '../support/app';
import { openE2eWorld, type E2eWorld } from '../support/e2e';
import { startKeyringSession, type KeyringSession } from '../support/keyring';
import { loginAsTrainingCareManager } from '../support/training-login';

// Working through an outage (issue 7's first slice): fetch online, stop the app, restart it with the service
// unreachable, unlock offline with ID + password, then search and open the person from the encrypted cache, with
// 「最終確認」 and the offline banner. One keychain and one data folder across both runs, as on a real PC. Offline, the
// outage lists print (window.print stubbed: the print view with its 時点 stamp, training band and footer is checked)
// and export CSV through the main-process save dialog (a stand-in returning a path; the file is read back).
let keyring: KeyringSession;
const host = testHost();
let world: E2eWorld | null = null;
let personName = '';
const savedFiles: string[] = [];
/** The save dialog's stand-in: the default name in the test host's folder, as if staff pressed 保存. */
const chooseSaveFile = async ({ defaultName }: { defaultName: string }) => {
  const file = path.join(host.host.homeDir, defaultName);
  savedFiles.push(file);
  return file;
};

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
    world = await openE2eWorld({ app: () => createTestApp({ chooseSaveFile }, host) });
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

    // The outage lists, offline: today's visitors holds the person checked in the first run.
    await page.getByRole('button', { name: /本日の来所・訪問予定（1件）/ }).click();
    const visitors = page.getByRole('grid', { name: '本日の来所・訪問予定' });
    await expect.poll(() => visitors.getByText(personName).count(), { timeout: 10_000 }).toBe(1);
    await world!.shot('offline-lists');
    expect(await page.getByLabel('時点').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 時点$/);

    // Print: window.print is stubbed; the print view is rendered with the 時点 stamp, training band and footer.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: '印刷' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const printView = page.getByTestId('outage-print');
    expect(await printView.isVisible()).toBe(false); // screen: hidden
    await page.emulateMedia({ media: 'print' });
    expect(await printView.isVisible()).toBe(true);
    const printed = (await printView.textContent())!;
    expect(printed).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} 時点/);
    expect(printed).toContain('練習モード — 実在の利用者ではありません');
    expect(printed).toContain(personName);
    expect(printed).toMatch(/印刷: cm-renshu01\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await world!.shot('offline-print');
    await page.emulateMedia({ media: 'screen' });

    // CSV export: written by main to the chosen file; UTF-8 with BOM, CRLF, header, the row, no formula cell.
    await page.getByRole('button', { name: 'CSV出力（Excel用）' }).click();
    await expect.poll(() => page.getByText(/1件を保存しました/).count()).toBe(1);
    const bytes = fs.readFileSync(savedFiles.at(-1)!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('"練習モード — 実在の利用者ではありません"');
    expect(lines[1]).toMatch(/^"本日の来所・訪問予定","\d{4}-\d{2}-\d{2} \d{2}:\d{2} 時点"$/);
    expect(lines[2]).toBe('"氏名","フリガナ","被保険者番号","確認・予定時刻","内容","最終確認"');
    expect(lines[3]).toContain(`"${personName}"`);
    expect(lines.filter((l) => l !== '').every((l) => !/(^|,)"[=+\-@]/.test(l))).toBe(true);

    const actions = app
      .audit()
      .rows()
      .map((r) => [r.action, r.detail && JSON.parse(r.detail)]);
    expect(actions).toContainEqual(['print', { list: 'TODAY_VISITORS', rows: 1 }]);
    expect(actions).toContainEqual(['export', { list: 'TODAY_VISITORS', rows: 1 }]);
    // The purge ran at start of this run, before the first cached read: counts only.
    expect(actions).toContainEqual([
      'purge',
      { trigger: 'START', snapshots: 0, persons: 0, servedListRefreshed: false },
    ]);
    const outcomes = app
      .audit()
      .rows()
      .filter((r) => r.action === 'offline-unlock')
      .map((r) => JSON.parse(r.detail!).outcome);
    expect(outcomes).toEqual(['REFUSED', 'UNLOCKED']);
  });
});
