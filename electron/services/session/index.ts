export { SessionError, transportErrorCode } from './errors';
export {
  createSession,
  type PingResult,
  type Session,
  type SessionOptions,
  type SessionPhase,
  type SessionState,
} from './session';
export { createTlsAgent, type NegotiatedTls, type SessionTls, type TlsAgent } from './tls-agent';
export { TokenKeeper, type RefreshFn, type TokenState } from './token-keeper';
export { grantSchema, staffSchema, type Grant, type Staff } from './wire';
export { checkConnection, type ConnectionReport, type ServerProblem } from './connection-check';
export {
  IdleTimer,
  OfflineUnlock,
  verifierBlobName,
  type OfflineAuditEntry,
  type OfflineGrant,
  type OfflineOutcome,
  type OfflineStaff,
  type OfflineUnlockOptions,
  type PreparedVerifier,
  type SealedBlobs,
} from './offline-unlock';
export { IdleLock } from './idle-lock';
