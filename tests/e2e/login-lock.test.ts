import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KaigoApp } from '../../electron/app';
import { toJapanTime } from '../../electron/contract';
import type { TrainingServer } from '../../electron/training/server';
import { createTestApp } from '../support/app';
import { openE2eWorld, type E2eWorld } from '../support/e2e';

// Login lockout and the idle lock in Chromium (issue 5 items 1–2). The training server locks an account after 5
// wrong passwords for 15 minutes (training/server/auth-state.ts); the screen says until when, in Japan time. The
// idle lock runs on the app's clock, which this test moves forward instead of waiting ten minutes.
let world: E2eWorld;
let app: KaigoApp;
let page: Page;
let backend: TrainingServer;
let offsetMs = 0;

beforeAll(async () => {
  world = await openE2eWorld({
    app: () => createTestApp({ clock: () => new Date(Date.now() + offsetMs) }),
    keychain: true,
  });
  ({ app, page } = world);
  backend = (await app.trainingBackend())!;
});

afterAll(async () => world?.close());

const shot = (name: string) => world.shot(`login-lock-${name}`);
const pad = (n: number) => String(n).padStart(2, '0');

describe('account lockout on the login screen', () => {
  it('shows until when the account is locked, in Japan time, with the minutes left', async () => {
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('ユーザーID').fill('admin-renshu01');
      await page.getByLabel('パスワード').fill(`wrong-${i}`);
      await page.keyboard.press('Enter');
      const expected = i < 4 ? 'SESSION_LOGIN_FAILED' : 'SESSION_LOCKED_OUT';
      await expect.poll(() => page.getByRole('alert').textContent()).toContain(expected);
    }
    const until = page.getByTestId('lockout-notice').locator('[data-field="lockedUntil"]');
    const text = (await until.textContent())!;
    // The server locks for 15 minutes from now; allow the minute to tick over during the test.
    const candidates = [0, 1].map((extra) => {
      const j = toJapanTime(new Date(Date.now() + 15 * 60_000 - extra * 60_000));
      return `${pad(j.hour)}:${pad(j.minute)}`;
    });
    expect(text).toMatch(/^\d{2}:\d{2} まで（あと 1[45] 分）$/);
    expect(candidates).toContain(text.slice(0, 5));
    await shot('1-locked-out');
    // The right password is refused too while the lock lasts, with the same time shown.
    await page.getByLabel('パスワード').fill('Renshu-Admin-2026!');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('SESSION_LOCKED_OUT');
    expect(await until.textContent()).toBe(text);
  });
});

describe('a wrong one-time password', () => {
  it('shows how many tries are left for the code', async () => {
    await page.getByLabel('ユーザーID').fill('cm-renshu01');
    await page.getByLabel('パスワード').fill('Renshu-CM-2026!');
    await page.keyboard.press('Enter');
    const code = page.getByTestId('training-otp').first();
    await expect.poll(() => code.textContent(), { timeout: 10_000 }).toMatch(/^\d{6}$/);
    const right = (await code.textContent())!;
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    await page.getByLabel('ワンタイムパスワード（6桁）').fill(wrong);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('SESSION_OTP_WRONG');
    expect(await page.getByTestId('lockout-notice').locator('[data-field="attemptsLeft"]').textContent()).toBe(
      'このワンタイムパスワードは、あと 2 回まで入力できます。',
    );
    await page.getByLabel('ワンタイムパスワード（6桁）').fill(right);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('ログイン中の職員').count()).toBe(1);
  });
});

describe('idle lock', () => {
  it('hides personal data after the idle minutes and removes it from the DOM', async () => {
    const person = backend.data.data.persons[0]!;
    backend.data.registerService(person.personKey, '1370100016', 'pin', new Date(Date.now() + offsetMs));
    await page.getByLabel('保険者番号（6桁）').fill(person.insurer.number);
    await page.getByLabel('被保険者番号（10桁）').fill(person.insuredCard.insuredNumber);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#person-name').textContent(), { timeout: 10_000 })
      .toContain(person.insuredCard.name!);
    // Eleven minutes pass on the app's clock with no input.
    offsetMs += 11 * 60_000;
    await expect
      .poll(() => page.getByRole('heading', { name: '画面をロックしました' }).count(), { timeout: 10_000 })
      .toBe(1);
    const html = await page.content();
    expect(html).not.toContain(person.insuredCard.name!);
    expect(html).not.toContain(person.insuredCard.insuredNumber);
    await shot('2-idle-locked');
    // The main process refuses data calls too, whatever the page does.
    const direct = await page.evaluate(() => window.kaigo!.invoke('persons.search', { query: '' }));
    expect(direct).toMatchObject({ ok: false, error: { code: 'SESSION_IDLE_LOCKED' } });
  });

  it('refuses a wrong password and resumes with the right one, by keyboard', async () => {
    const field = page.getByLabel('パスワード（ロック解除）');
    await field.fill('not-the-password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('SESSION_RESUME_REFUSED');
    expect(await page.getByRole('heading', { name: '画面をロックしました' }).count()).toBe(1);
    await field.fill('Renshu-CM-2026!');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: '画面をロックしました' }).count()).toBe(0);
    await expect.poll(() => page.getByLabel('保険者番号（6桁）').count()).toBe(1);
    const outcomes = app
      .audit()
      .rows()
      .filter((r) => r.action === 'offline-unlock')
      .map((r) => JSON.parse(r.detail!) as { outcome: string });
    expect(outcomes.map((o) => o.outcome)).toEqual(['REFUSED', 'UNLOCKED']);
    await shot('3-resumed');
  });

  it('「画面をロック」 in the header locks at once, reached by keyboard, and resumes with the password', async () => {
    const button = page.getByRole('button', { name: '画面をロック' });
    expect(await button.getAttribute('aria-label')).toBe('画面をロック（席を離れるとき）');
    // Reach it with Tab from the top of the page (the skip link is the first stop, then the header).
    await page.getByRole('link', { name: '本文へ移動' }).focus();
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent === '画面をロック');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: '画面をロックしました' }).count()).toBe(1);
    expect(await page.getByLabel('保険者番号（6桁）').count()).toBe(0);
    expect(await button.count()).toBe(0);
    const direct = await page.evaluate(() => window.kaigo!.invoke('persons.search', { query: '' }));
    expect(direct).toMatchObject({ ok: false, error: { code: 'SESSION_IDLE_LOCKED' } });
    await shot('4-locked-by-button');
    await page.getByLabel('パスワード（ロック解除）').fill('Renshu-CM-2026!');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: '画面をロックしました' }).count()).toBe(0);
    await expect.poll(() => page.getByLabel('保険者番号（6桁）').count()).toBe(1);
  });

  it('「別の職員でログイン」 logs out from the lock screen', async () => {
    offsetMs += 11 * 60_000;
    await expect
      .poll(() => page.getByRole('heading', { name: '画面をロックしました' }).count(), { timeout: 10_000 })
      .toBe(1);
    await page.getByRole('button', { name: '別の職員でログイン' }).click();
    await expect.poll(() => page.getByLabel('ユーザーID').count()).toBe(1);
    expect(await page.getByLabel('ログイン中の職員').count()).toBe(0);
  });
});
