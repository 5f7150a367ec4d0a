import { describe, expect, it } from 'vitest';
import { attemptsLeftText, lockoutUntilText } from '../../renderer/features/login/lockout-text';

// The lockout line on the login screen is Japan time whatever the PC's zone (runs under UTC and Asia/Tokyo).

describe('lockoutUntilText', () => {
  const now = new Date('2026-11-26T04:53:00Z'); // 13:53 JST

  it('shows the Japan clock time and the minutes left, rounded up', () => {
    expect(lockoutUntilText('2026-11-26T05:05:00Z', now)).toBe('14:05 まで（あと 12 分）');
    expect(lockoutUntilText('2026-11-26T05:05:00.000+00:00', new Date('2026-11-26T05:04:30Z'))).toBe(
      '14:05 まで（あと 1 分）',
    );
  });

  it('adds the date when the lock ends on another Japan day, and hours for long locks', () => {
    // 23:50 JST → 00:10 JST the next day.
    expect(lockoutUntilText('2026-11-26T15:10:00Z', new Date('2026-11-26T14:50:00Z'))).toBe(
      '11月27日 00:10 まで（あと 20 分）',
    );
    expect(lockoutUntilText('2026-11-26T07:00:00Z', now)).toBe('16:00 まで（あと 2 時間 7 分）');
  });

  it('says the lock is over once the time has passed', () => {
    expect(lockoutUntilText('2026-11-26T04:50:00Z', now)).toContain('ロックは解除されています');
  });
});

describe('attemptsLeftText', () => {
  it('words the tries left for a wrong password and a wrong code, and nothing when the server is silent', () => {
    expect(attemptsLeftText('SESSION_LOGIN_FAILED', { attemptsLeft: 2 })).toBe(
      'あと 2 回間違えると、アカウントが一時的にロックされます。',
    );
    expect(attemptsLeftText('SESSION_OTP_WRONG', { attemptsLeft: 1 })).toBe(
      'このワンタイムパスワードは、あと 1 回まで入力できます。',
    );
    expect(attemptsLeftText('SESSION_LOGIN_FAILED', undefined)).toBeNull();
    expect(attemptsLeftText('SESSION_LOCKED_OUT', { lockedUntil: '2026-11-26T05:05:00Z' })).toBeNull();
  });
});
