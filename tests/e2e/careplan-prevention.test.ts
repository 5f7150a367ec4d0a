import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFiles } from '../support/harness';
import { openTrainingE2eWorld, type TrainingE2eWorld } from '../support/training-e2e';
import { loginAsTrainingCareManager } from '../support/training-login';

// 介護予防 documents a 地域包括支援センター (1310000011/46) sent to our 居宅 office, read on the ケアプラン screen:
// the canonical 利用者基本情報 (+別表1/2) and 支援計画書 (+別表) are chosen and imported into the ledger through the
// screen (main reads each file behind a token), then the person is opened and the forms show labels, not codes.

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'careplan', 'canonical');
const SEQ = '1310000011_46_1310100019_43_20241118090000';
const NAMES = ['UPKIHON', 'UPKIHON_SUB1', 'UPKIHON_SUB2', 'UPYOBO', 'UPYOBO_SUB'].map((k) => `${k}_${SEQ}.CSV`);
let world: TrainingE2eWorld;
let page: Page;

beforeAll(async () => {
  world = await openTrainingE2eWorld();
  ({ page } = world);
});
afterAll(async () => world?.close());

describe('介護予防 documents on the ケアプラン screen', () => {
  it('imports the 介護予防 files and shows 利用者基本情報 and 支援計画書 with their labels', async () => {
    await loginAsTrainingCareManager(page);
    await page.keyboard.press('Alt+5');
    await page.getByRole('tab', { name: '送受信', exact: true }).click();
    await chooseFiles(
      page,
      'またはファイルを選ぶ',
      NAMES.map((n) => path.join(FIXTURES, n)),
    );
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await expect.poll(() => page.getByText(/取り込みました: 5件/).count()).toBe(1);

    await page.getByRole('tab', { name: '利用者・月', exact: true }).click();
    const persons = page.getByRole('table', { name: '介護予防の書類がある利用者' });
    await expect.poll(() => persons.getByRole('row').count()).toBe(2);
    // Keyboard: focus the person's button and open it with Enter.
    await persons.getByRole('button', { name: '予防 一郎' }).focus();
    await page.keyboard.press('Enter');

    const docs = page.getByRole('region', { name: '介護予防の書類', exact: true });
    const kihon = docs.getByRole('article', { name: /利用者基本情報（相談日 令和6年11月15日/ });
    await expect.poll(() => kihon.count()).toBe(1);
    const person = kihon.getByRole('definition');
    for (const value of [
      '介護予防支援',
      '委託',
      'その他（訪問）',
      '男性',
      'J1',
      'Ⅰ',
      '要支援１',
      '自宅・一戸建て（自室 2階）',
    ])
      await expect.poll(() => person.getByText(value, { exact: true }).count(), { message: value }).toBeGreaterThan(0);
    await expect.poll(() => kihon.getByText('昭和13年5月1日').count()).toBe(1);
    await expect.poll(() => kihon.getByText('（1938-05-01）').count()).toBe(1);
    const daily = kihon.getByRole('table', { name: '別表1 1日の生活・すごし方' });
    await expect.poll(() => daily.getByRole('cell', { name: '妻が朝食を用意' }).count()).toBe(1);
    const history = kihon.getByRole('region', { name: '別表2 現病歴・既往歴' });
    await expect.poll(() => history.getByRole('cell', { name: '主治医', exact: true }).count()).toBe(1);
    await expect.poll(() => history.getByRole('cell', { name: '治療中', exact: true }).count()).toBe(1);

    const yobo = docs.getByRole('article', { name: /介護予防サービス・支援計画書（計画作成・変更日 令和6年11月18日/ });
    await expect.poll(() => yobo.count()).toBe(1);
    for (const value of ['継続', '認定済', '要支援１', '千代田区地域包括支援センター', '孫の結婚式に出る'])
      await expect
        .poll(() => yobo.getByRole('definition').getByText(value, { exact: true }).count(), { message: value })
        .toBe(1);
    const domains = yobo.getByRole('region', { name: 'アセスメント領域と課題' });
    await expect
      .poll(() => domains.getByRole('row', { name: /日常生活\(家庭生活\) 状況2 意向2 無 課題2/ }).count())
      .toBe(1);
    const checklist = yobo.getByRole('table', { name: '基本チェックリスト' });
    await expect.poll(() => checklist.getByRole('row', { name: '運動不足 2 要' }).count()).toBe(1);
    const support = yobo.getByRole('region', { name: '別表 支援計画' });
    await expect.poll(() => support.getByRole('cell', { name: 'デイサービス けやき' }).count()).toBe(1);
    // The wide 別表 scrolls in a box keyboard users can reach.
    await support.focus();
    await expect.poll(() => support.evaluate((el) => el === document.activeElement)).toBe(true);
    await world.shot('careplan-prevention');
  });

  it('shows a 支援計画書 removed by DLTYOBO as 削除済み with the deletion’s ファイル連番', async () => {
    const name = `DLTYOBO_${SEQ}.CSV`;
    await page.getByRole('tab', { name: '送受信', exact: true }).click();
    await chooseFiles(page, 'またはファイルを選ぶ', [path.join(FIXTURES, name)]);
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await expect.poll(() => page.getByText(/取り込みました: 1件/).count()).toBe(1);

    await page.getByRole('tab', { name: '利用者・月', exact: true }).click();
    await page
      .getByRole('table', { name: '介護予防の書類がある利用者' })
      .getByRole('button', { name: '予防 一郎' })
      .click();
    const docs = page.getByRole('region', { name: '介護予防の書類', exact: true });
    const yobo = docs.getByRole('article', { name: /介護予防サービス・支援計画書/ });
    await expect.poll(() => yobo.getByText('削除済み（連番 20241118090000）').count()).toBe(1);
    await expect.poll(() => yobo.getByRole('definition').count()).toBe(0);
    // 利用者基本情報 is a document of its own: the 支援計画書 deletion leaves it.
    const kihon = docs.getByRole('article', { name: /利用者基本情報/ });
    await expect.poll(() => kihon.getByText('予防 一郎', { exact: true }).count()).toBeGreaterThan(0);
    await world.shot('careplan-prevention-deleted');
  });
});
