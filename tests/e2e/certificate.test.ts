import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import {
  createTrainingCa,
  exportP12,
  issueOfficeCertificate,
  type CertAndKey,
  type ClientCertOptions,
} from '../../electron/training/pki';
import { TRAINING_OFFICES } from '../../electron/training/server';
import { createTestApp } from '../support/app';
import { openE2eWorld, type E2eWorld } from '../support/e2e';
import { tempDir } from '../support/temp';

// 設定 → 証明書 in Chromium, by keyboard alone (issue 5 item 7): the training certificate through the same import path,
// then the wizard with a real .p12 chosen through the main-process dialog (a stand-in returning a path): a wrong
// password and an expired certificate are refused with their codes, a good one is checked, imported (replacing) and
// deleted. Every IPC answer is recorded: none carries the password, the key or the .p12 bytes.

const PASSWORD = 'Pfx-パスワード-2026-office77';
let world: E2eWorld;
let app: KaigoApp;
let page: Page;
let files: { path: string; remove(): void };
let chosen: string | null = null;
const answers: string[] = [];
let ca: CertAndKey;
const secrets: string[] = [PASSWORD];

function p12File(name: string, opts: ClientCertOptions = {}): string {
  const cred = issueOfficeCertificate(ca, TRAINING_OFFICES[0]!, new Date(), opts);
  const bytes = exportP12({ privateKeyPem: cred.keyPem, certPem: cred.certPem, password: PASSWORD });
  secrets.push(...cred.keyPem.split('\n').slice(2, 4), bytes.toString('base64').slice(300, 364));
  const file = path.join(files.path, name);
  fs.writeFileSync(file, bytes);
  return file;
}

beforeAll(async () => {
  files = tempDir('kd-cert-e2e-');
  ca = createTrainingCa(new Date());
  world = await openE2eWorld({
    keychain: true,
    app: async () => {
      const built = await createTestApp({ chooseFile: async () => chosen });
      const real = built.app;
      const recording: KaigoApp = {
        ...real,
        dispatch: async (...args) => {
          const answer = await real.dispatch(...args);
          answers.push(JSON.stringify(answer));
          return answer;
        },
      };
      return { app: recording, remove: built.remove };
    },
  });
  ({ app, page } = world);
});

afterAll(async () => {
  await world?.close();
  files?.remove();
});

const panel = () => page.getByTestId('certificate-panel');
const installed = () => page.getByLabel('取り込み済みの証明書');

async function pressOn(name: string) {
  await page.getByRole('button', { name }).focus();
  await page.keyboard.press('Enter');
}

describe('設定 → 証明書', () => {
  it('imports the training certificate and shows its details and countdown', async () => {
    await page.keyboard.press('Alt+7');
    await expect.poll(() => panel().textContent(), { timeout: 10_000 }).toContain('まだ取り込まれていません');
    await pressOn('練習用証明書を取り込む');
    await expect.poll(() => installed().count(), { timeout: 10_000 }).toBe(1);
    expect(await installed().locator('[data-field=officeNumber]').textContent()).toBe('1370100016');
    expect(await installed().locator('[data-field=issuer]').textContent()).toContain('練習用認証局');
    expect(await installed().locator('[data-field=key]').textContent()).toBe('RSA 2048ビット');
    expect(await installed().locator('[data-field=eku]').textContent()).toBe('クライアント認証');
    expect(await page.getByTestId('certificate-countdown').textContent()).toMatch(/あと 36[45] 日/);
    expect(await page.getByRole('status').filter({ hasText: '取り込みました' }).count()).toBe(1);
    // Each office of this PC with its own certificate (issue 5: 居宅 + 訪問介護): imported for the active one only.
    const perOffice = page.getByRole('table', { name: '事業所ごとの証明書' });
    await expect.poll(() => perOffice.locator('tbody tr[data-installed=true]').count(), { timeout: 10_000 }).toBe(1);
    expect(await perOffice.locator('tr[data-office="1370100016"]').textContent()).toMatch(/（使用中）.*まで有効/);
    expect(await perOffice.locator('tr[data-office="1370100024"]').textContent()).toContain('未取り込み');
    await world.shot('certificate-1-training');
  });

  it('refuses a wrong password with its code and empties the field', async () => {
    chosen = p12File('office.p12');
    await pressOn('ファイルを選ぶ（.p12）');
    await expect.poll(() => page.getByLabel('選んだファイル').textContent()).toBe('office.p12');
    // Focus moved to the password field: type and press Enter.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('password');
    await page.keyboard.type('wrong-password');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel().getByRole('alert').textContent()).toContain('CERT_WRONG_PASSWORD');
    expect(await page.getByLabel('証明書のパスワード').inputValue()).toBe('');
  });

  it('shows an expired certificate with its details and CERT_EXPIRED, without an import button', async () => {
    const DAY = 86_400_000;
    chosen = p12File('expired.p12', {
      notBefore: new Date(Date.now() - 400 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    await pressOn('ファイルを選ぶ（.p12）');
    await expect.poll(() => page.getByLabel('選んだファイル').textContent()).toBe('expired.p12');
    await page.getByLabel('証明書のパスワード').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel().getByRole('alert').textContent()).toContain('CERT_EXPIRED');
    expect(await page.getByLabel('選んだ証明書の内容').locator('[data-field=daysLeft]').textContent()).toBe('期限切れ');
    expect(await page.getByRole('button', { name: 'この証明書で置き換える' }).count()).toBe(0);
  });

  it('checks, then replaces with a good certificate by keyboard, then deletes it', async () => {
    const before = await installed().locator('[data-field=serialNumber]').textContent();
    chosen = p12File('good.p12');
    await pressOn('ファイルを選ぶ（.p12）');
    await expect.poll(() => page.getByLabel('選んだファイル').textContent()).toBe('good.p12');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('選んだ証明書の内容').count()).toBe(1);
    // Focus is on the import button now.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('この証明書で置き換える');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '取り込みました' }).count()).toBe(1);
    expect(await page.getByLabel('証明書のパスワード').inputValue()).toBe('');
    expect(await installed().locator('[data-field=serialNumber]').textContent()).not.toBe(before);
    await world.shot('certificate-2-replaced');

    await pressOn('証明書を削除…');
    await page.keyboard.press('Enter'); // the confirmation's 削除する has the focus
    await expect.poll(() => panel().textContent()).toContain('まだ取り込まれていません');
    const row = app
      .audit()
      .rows()
      .filter((r) => r.action === 'config-change')
      .map((r) => JSON.parse(r.detail!) as Record<string, string>);
    expect(row.map((d) => `${d.change}:${d.source}:${d.outcome}`)).toEqual([
      'CERT_IMPORT:TRAINING:OK',
      'CERT_IMPORT:SCREEN:OK',
      'CERT_DELETE:SCREEN:OK',
    ]);
  });

  it('no IPC answer carried the password, a key or .p12 bytes', () => {
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.some((a) => a.includes('1370100016'))).toBe(true);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(16);
      expect(answers.filter((a) => a.includes(secret))).toEqual([]);
    }
  });
});
