import type { TLSSocket } from 'node:tls';
import { Agent, buildConnector } from 'undici';

// One undici Agent per session: TLS 1.3 only, our client certificate, only the configured trust anchors, hostname
// checked by Node. Connections are kept alive, so a session pays for one handshake (MACHINE.md "TLS 1.3 with
// client certificates"). The connector counts completed handshakes and remembers what the last one negotiated:
// in TLS 1.3 a refused client certificate shows up only after the handshake, as a closed socket (see errors.ts).

export interface SessionTls {
  /** Trust anchors (PEM). Nothing else is trusted — not the OS store. */
  caPem: string | string[];
  certPem: string;
  keyPem: string;
  /** Server name to verify, when it differs from the URL's host. */
  servername?: string;
  /** 0 disables TLS session resumption (benchmarks of cold connects). */
  maxCachedSessions?: number;
  connectTimeoutMs?: number;
  /** Connections kept to the server; 1 (default) means one handshake per session, requests queue behind it. */
  maxConnections?: number;
}

export interface NegotiatedTls {
  protocol: string | null;
  cipher: string;
  /** Subject CN of each server certificate, leaf first, root last. */
  serverChain: string[];
}

export interface TlsAgent {
  agent: Agent;
  /** Completed handshakes so far. */
  handshakes(): number;
  lastTls(): NegotiatedTls | null;
  close(): Promise<void>;
}

function chainOf(socket: TLSSocket): string[] {
  const names: string[] = [];
  let cert = socket.getPeerCertificate(true);
  const seen = new Set<string>();
  while (cert && cert.fingerprint256 && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    const cn = cert.subject?.CN;
    names.push(Array.isArray(cn) ? (cn[0] ?? '') : (cn ?? ''));
    cert = cert.issuerCertificate;
  }
  return names;
}

export function createTlsAgent(tls: SessionTls): TlsAgent {
  let handshakes = 0;
  let last: NegotiatedTls | null = null;
  const base = buildConnector({
    ca: tls.caPem,
    cert: tls.certPem,
    key: tls.keyPem,
    servername: tls.servername,
    minVersion: 'TLSv1.3',
    maxVersion: 'TLSv1.3',
    rejectUnauthorized: true,
    maxCachedSessions: tls.maxCachedSessions,
    timeout: tls.connectTimeoutMs ?? 10_000,
  });
  const connect: buildConnector.connector = (opts, callback) =>
    base(opts, (err, socket) => {
      if (!err && socket) {
        handshakes += 1;
        const s = socket as TLSSocket;
        last = { protocol: s.getProtocol(), cipher: s.getCipher().name, serverChain: chainOf(s) };
      }
      callback(err, socket as never);
    });
  // Without a cap the pool opens a second connection when a request is issued while the previous response is
  // still being released.
  const agent = new Agent({ connect, keepAliveTimeout: 25_000, connections: tls.maxConnections ?? 1 });
  return {
    agent,
    handshakes: () => handshakes,
    lastTls: () => last,
    close: () => agent.close(),
  };
}
