import { describe, expect, it } from 'vitest';
import { transportErrorCode } from '../../electron/services/session';
import { failureError } from '../../electron/services/session/errors';
import { ERROR_MESSAGES } from '../../electron/contract/errors';

// How transport failures map to our codes. The causes are the ones undici/Node really produce (see the
// integration tests for the real sockets behind each).

const fetchFailed = (code: string) =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code }) });

describe('transportErrorCode', () => {
  const cases: Array<[string, boolean, string]> = [
    ['SELF_SIGNED_CERT_IN_CHAIN', false, 'SESSION_SERVER_UNTRUSTED'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', false, 'SESSION_SERVER_UNTRUSTED'],
    ['CERT_HAS_EXPIRED', false, 'SESSION_SERVER_UNTRUSTED'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', false, 'SESSION_SERVER_UNTRUSTED'],
    ['ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', false, 'SESSION_TLS_FAILED'],
    ['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', true, 'SESSION_CLIENT_CERT_REFUSED'],
    ['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', true, 'SESSION_CLIENT_CERT_REFUSED'],
    ['ECONNREFUSED', false, 'SESSION_UNREACHABLE'],
    ['ENOTFOUND', false, 'SESSION_UNREACHABLE'],
    ['UND_ERR_CONNECT_TIMEOUT', false, 'SESSION_TIMEOUT'],
    ['UND_ERR_HEADERS_TIMEOUT', false, 'SESSION_TIMEOUT'],
    // TLS 1.3: the server closes after our handshake completed → our certificate was refused.
    ['UND_ERR_SOCKET', true, 'SESSION_CLIENT_CERT_REFUSED'],
    ['ECONNRESET', true, 'SESSION_CLIENT_CERT_REFUSED'],
    // A kept-alive connection dropping is a network problem, not a certificate one.
    ['UND_ERR_SOCKET', false, 'SESSION_UNREACHABLE'],
  ];
  for (const [cause, fresh, code] of cases) {
    it(`${cause}${fresh ? ' after a fresh handshake' : ''} → ${code}`, () => {
      expect(transportErrorCode(fetchFailed(cause), fresh).code).toBe(code);
    });
  }

  it('maps an aborted request (our deadline) to SESSION_TIMEOUT', () => {
    const abort = Object.assign(new Error('timeout'), { name: 'TimeoutError' });
    expect(transportErrorCode(abort, false).code).toBe('SESSION_TIMEOUT');
  });

  it('every session code has a Japanese message', () => {
    for (const code of Object.keys(ERROR_MESSAGES).filter((c) => c.startsWith('SESSION_'))) {
      expect(ERROR_MESSAGES[code as keyof typeof ERROR_MESSAGES]).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
  });
});

describe('service refusals carry what the login screen shows', () => {
  it('lockout end and tries left become the screen detail; other refusals have none', () => {
    const locked = failureError({ ok: false, error: { code: 'LOCKED', lockedUntil: '2026-11-26T05:05:00.000Z' } });
    expect([locked.code, locked.screenDetail]).toEqual([
      'SESSION_LOCKED_OUT',
      { lockedUntil: '2026-11-26T05:05:00.000Z' },
    ]);
    const wrongCode = failureError({ ok: false, error: { code: 'OTP_WRONG', attemptsLeft: 2 } });
    expect([wrongCode.code, wrongCode.screenDetail]).toEqual(['SESSION_OTP_WRONG', { attemptsLeft: 2 }]);
    // A server that says how many password tries remain: passed on too.
    const wrongPassword = failureError({ ok: false, error: { code: 'LOGIN_FAILED', attemptsLeft: 3 } });
    expect([wrongPassword.code, wrongPassword.screenDetail]).toEqual(['SESSION_LOGIN_FAILED', { attemptsLeft: 3 }]);
    expect(failureError({ ok: false, error: { code: 'LOGIN_FAILED' } }).screenDetail).toBeUndefined();
    expect(failureError({ ok: false, error: { code: 'OTP_EXPIRED' } }).screenDetail).toBeUndefined();
  });
});
