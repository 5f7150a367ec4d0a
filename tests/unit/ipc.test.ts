import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, isTrustedSender, registerIpc, type Handlers, type SenderInfo } from '../../electron/ipc';
import { CALL_NAMES, callChannel, errorDetail, errorInfo, type AppStatus } from '../../electron/contract';
import { KaigoError } from '../../electron/services/errors';
import { SessionError } from '../../electron/services/session';
import { createLogger } from '../../electron/services/log';

const trusted: SenderInfo = { url: 'app://kaigo/index.html', isMainFrame: true };

const status: AppStatus = {
  version: '0.0.0',
  mode: 'training',
  dataDir: '/tmp/x',
  connectivity: 'unknown',
  keychain: 'unavailable',
  officeName: null,
  configProblems: [],
  now: '2026-11-26T00:00:00.000Z',
};

function setup(impl: Handlers['app.getStatus'] = () => status) {
  const handler = vi.fn(impl);
  const lines: string[] = [];
  // Only the call under test; the dispatcher refuses before reaching any other.
  const dispatch = createDispatcher(
    { 'app.getStatus': handler } as unknown as Handlers,
    createLogger({ write: (l) => lines.push(l) }),
  );
  return { handler, dispatch, lines };
}

describe('IPC dispatcher', () => {
  it('answers a valid call from our main frame', async () => {
    const { dispatch, handler } = setup();
    await expect(dispatch('app.getStatus', trusted, {})).resolves.toEqual({ ok: true, value: status });
    expect(handler).toHaveBeenCalledOnce();
  });

  it.each([
    ['a malformed payload', 'not an object'],
    ['an unknown key', { extra: 1 }],
    ['an oversized string', { note: 'あ'.repeat(300_000) }],
    [
      'a payload with a cycle',
      (() => {
        const o: Record<string, unknown> = {};
        o.self = o;
        return o;
      })(),
    ],
  ])('rejects %s with IPC_INVALID_INPUT and never calls the service', async (_label, payload) => {
    const { dispatch, handler } = setup();
    const result = await dispatch('app.getStatus', trusted, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_INPUT' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['a subframe', { url: 'app://kaigo/index.html', isMainFrame: false }],
    ['a foreign origin', { url: 'https://evil.example/', isMainFrame: true }],
    ['a file URL', { url: 'file:///etc/passwd', isMainFrame: true }],
    ['a look-alike host', { url: 'app://kaigo.evil/index.html', isMainFrame: true }],
    ['no URL', { url: '', isMainFrame: true }],
  ])('rejects %s as IPC_FORBIDDEN_SENDER and never calls the service', async (_label, sender) => {
    const { dispatch, handler } = setup();
    const result = await dispatch('app.getStatus', sender, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    expect(handler).not.toHaveBeenCalled();
    expect(isTrustedSender(sender)).toBe(false);
  });

  it('rejects a call the contract does not name', async () => {
    const { dispatch } = setup();
    await expect(dispatch('app.deleteEverything', trusted, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'IPC_UNKNOWN_CALL' },
    });
  });

  it('maps a service error to its code and an unexpected one to INTERNAL, without exception text', async () => {
    const known = setup(() => {
      throw new KaigoError('KEYCHAIN_UNAVAILABLE', 'no secret service');
    });
    const r1 = await known.dispatch('app.getStatus', trusted, {});
    expect(r1).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect(JSON.stringify(r1)).not.toContain('no secret service');

    const unexpected = setup(() => {
      throw new Error('山田太郎 0001234567 failed');
    });
    const r2 = await unexpected.dispatch('app.getStatus', trusted, {});
    expect(r2).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(r2)).not.toContain('山田');
    expect(unexpected.lines.join('\n')).not.toContain('山田');
  });

  it('carries a lockout detail (end time, attempts left) to the screen, and only the whitelisted fields', async () => {
    const locked = setup(() => {
      throw new SessionError('SESSION_LOCKED_OUT', '2026-11-26T05:05:00.000Z');
    });
    await expect(locked.dispatch('app.getStatus', trusted, {})).resolves.toEqual({
      ok: false,
      error: { ...errorInfo('SESSION_LOCKED_OUT'), detail: { lockedUntil: '2026-11-26T05:05:00.000Z' } },
    });
    const wrongCode = setup(() => {
      throw new SessionError('SESSION_OTP_WRONG', null, 2);
    });
    await expect(wrongCode.dispatch('app.getStatus', trusted, {})).resolves.toMatchObject({
      error: { code: 'SESSION_OTP_WRONG', detail: { attemptsLeft: 2 } },
    });
    // A plain failure has no detail key at all.
    const plain = await setup(() => {
      throw new KaigoError('SESSION_LOGIN_FAILED', 'staff cm-1');
    }).dispatch('app.getStatus', trusted, {});
    expect(plain).toEqual({ ok: false, error: errorInfo('SESSION_LOGIN_FAILED') });
    // A malformed or smuggled detail is dropped field by field.
    const forged = setup(() => {
      throw Object.assign(new KaigoError('SESSION_LOCKED_OUT'), {
        screenDetail: { lockedUntil: '山田太郎', attemptsLeft: 1234567, name: '山田' },
      });
    });
    const r = await forged.dispatch('app.getStatus', trusted, {});
    expect(r).toEqual({ ok: false, error: errorInfo('SESSION_LOCKED_OUT') });
  });

  it('errorDetail keeps a valid instant and a small count only', () => {
    expect(errorDetail({ lockedUntil: '2026-11-26T14:05:00+09:00', attemptsLeft: 0 })).toEqual({
      lockedUntil: '2026-11-26T14:05:00+09:00',
      attemptsLeft: 0,
    });
    expect(errorDetail({ lockedUntil: '2026-13-45T99:99:00Z' })).toBeUndefined();
    expect(errorDetail({ attemptsLeft: -1 })).toBeUndefined();
    expect(errorDetail({ attemptsLeft: 1.5 })).toBeUndefined();
    expect(errorDetail('2026-11-26T14:05:00Z')).toBeUndefined();
    expect(errorDetail(null)).toBeUndefined();
  });

  it('refuses to return output that breaks the contract', async () => {
    const { dispatch } = setup(() => ({ ...status, mode: 'hacked' }) as unknown as AppStatus);
    await expect(dispatch('app.getStatus', trusted, {})).resolves.toMatchObject({ error: { code: 'INTERNAL' } });
  });

  it('registers exactly one handler per contract call', () => {
    const channels: string[] = [];
    registerIpc({ handle: (channel: string) => void channels.push(channel) } as never, async () => ({
      ok: true,
      value: null,
    }));
    expect(channels).toEqual(CALL_NAMES.map(callChannel));
  });
});
