import type { ErrorCode, ErrorDetail } from '../../contract/errors';
import { KaigoError } from '../errors';
import type { Failure } from './wire';

// Mapping transport failures and service answers to our codes. undici's fetch rejects with TypeError('fetch
// failed') whose `cause` carries the code.

/** Lockout and wrong-code answers carry what the login screen shows (remaining lock time, attempts left). */
export class SessionError extends KaigoError {
  constructor(
    code: ErrorCode,
    readonly lockedUntil: string | null = null,
    readonly attemptsLeft: number | null = null,
    /** A business refusal this module does not know (e.g. a viewing rule); the kiban client maps it. */
    readonly serviceCode: string | null = null,
  ) {
    super(code);
    this.name = 'SessionError';
  }

  /** What the login screen may show beside the message; ipc.ts passes it on through the contract's whitelist. */
  get screenDetail(): ErrorDetail | undefined {
    const detail: ErrorDetail = {};
    if (this.lockedUntil !== null) detail.lockedUntil = this.lockedUntil;
    if (this.attemptsLeft !== null) detail.attemptsLeft = this.attemptsLeft;
    return Object.keys(detail).length > 0 ? detail : undefined;
  }
}

const SERVER_TRUST = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_PURPOSE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EADDRNOTAVAIL']);
const TIMEOUT = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const CLOSED = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);
// TLS alerts the server sends about our certificate.
const CLIENT_CERT_ALERTS =
  /ALERT_(CERTIFICATE_REQUIRED|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED|ACCESS_DENIED|UNSUPPORTED_CERTIFICATE)/;

function causeCode(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  if (err instanceof Error && err.name === 'TimeoutError') return 'ETIMEDOUT';
  if (err instanceof Error && err.name === 'AbortError') return 'ETIMEDOUT';
  return 'UNKNOWN';
}

/**
 * `freshHandshake`: a new TLS handshake completed while this request was in flight. In TLS 1.3 the server rejects
 * a missing or untrusted client certificate only after that, by closing the socket without an HTTP response
 * (MACHINE.md), so "fresh handshake, then closed with no response" is read as a refused certificate.
 */
export function transportErrorCode(err: unknown, freshHandshake: boolean): { code: ErrorCode; cause: string } {
  const cause = causeCode(err);
  if (SERVER_TRUST.has(cause)) return { code: 'SESSION_SERVER_UNTRUSTED', cause };
  if (CLIENT_CERT_ALERTS.test(cause)) return { code: 'SESSION_CLIENT_CERT_REFUSED', cause };
  if (cause.startsWith('ERR_SSL_') || cause.startsWith('ERR_TLS_')) return { code: 'SESSION_TLS_FAILED', cause };
  if (UNREACHABLE.has(cause)) return { code: 'SESSION_UNREACHABLE', cause };
  if (TIMEOUT.has(cause)) return { code: 'SESSION_TIMEOUT', cause };
  if (CLOSED.has(cause)) return { code: freshHandshake ? 'SESSION_CLIENT_CERT_REFUSED' : 'SESSION_UNREACHABLE', cause };
  return { code: 'SESSION_UNREACHABLE', cause };
}

export function failureError(failure: Failure): SessionError {
  const e = failure.error;
  switch (e.code) {
    case 'LOGIN_FAILED':
      return new SessionError('SESSION_LOGIN_FAILED', null, e.attemptsLeft ?? null);
    case 'LOCKED':
      return new SessionError('SESSION_LOCKED_OUT', e.lockedUntil ?? null);
    case 'OTP_WRONG':
      return new SessionError('SESSION_OTP_WRONG', null, e.attemptsLeft ?? null);
    case 'OTP_EXPIRED':
      return new SessionError('SESSION_OTP_EXPIRED');
    case 'REFRESH_INVALID':
    case 'SESSION_EXPIRED':
    case 'TOKEN_INVALID':
      return new SessionError('SESSION_EXPIRED');
    case 'OFFICE_UNKNOWN':
      return new SessionError('SESSION_OFFICE_NOT_REGISTERED');
    case 'CLIENT_CERT_REQUIRED':
      return new SessionError('SESSION_CLIENT_CERT_REFUSED');
    default:
      return new SessionError('SESSION_BAD_RESPONSE', null, null, /^[A-Z_]{1,40}$/.test(e.code) ? e.code : null);
  }
}
