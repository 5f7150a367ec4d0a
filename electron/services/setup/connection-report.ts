import { ERROR_MESSAGES, isErrorCode } from '../../contract';
import type { ConnectionCheckReport } from '../../contract/setup';
import { checkConnection, type SessionOptions } from '../session';

// 接続テスト (issue 5 item 3): runs the session's connection check against the backend in use and shapes the answer
// for the screen — the code's Japanese message included, the endpoint reduced to scheme, host and port.

export async function connectionReport(
  options: SessionOptions & { training: boolean; now: Date },
): Promise<ConnectionCheckReport> {
  const { training, now, ...sessionOptions } = options;
  const r = await checkConnection(sessionOptions);
  const code = r.code && isErrorCode(r.code) ? r.code : r.code ? 'INTERNAL' : null;
  return {
    endpoint: new URL(options.baseUrl).origin,
    training,
    ok: r.ok,
    code,
    message: code ? ERROR_MESSAGES[code] : null,
    tlsVersion: r.tlsVersion,
    cipher: r.cipher,
    serverChain: r.serverChain.slice(0, 10),
    serverRoot: r.serverRoot,
    clientCertificate: r.clientCertificate,
    roundTripMs: r.roundTripMs === null ? null : Math.round(r.roundTripMs * 10) / 10,
    serverProblem: r.serverProblem,
    interceptionSuspected: r.interceptionSuspected,
    checkedAt: now.toISOString(),
  };
}
