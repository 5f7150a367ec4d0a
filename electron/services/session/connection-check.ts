import crypto from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { SessionError } from './errors';
import { createSession, type SessionOptions } from './session';

// 接続テスト (issue 5 item 3): what the installer needs to see — TLS version, cipher, the server chain and its root,
// the client certificate used, round-trip time — and, when the server is not trusted, why. A server certificate
// from an issuer outside the configured anchors, for the right host name, is what a TLS-intercepting proxy
// (corporate "SSL inspection") presents; that case is flagged so support does not chase a certificate problem.

export type ServerProblem = 'unknown-issuer' | 'expired' | 'not-yet-valid' | 'wrong-name' | 'other';

export interface ConnectionReport {
  ok: boolean;
  /** Our error code when not ok. */
  code: string | null;
  tlsVersion: string | null;
  cipher: string | null;
  /** Server chain subject CNs, leaf first. */
  serverChain: string[];
  /** The root: the last chain certificate when verified, else the issuer named by the top certificate sent. */
  serverRoot: string | null;
  clientCertificate: { subject: string; notAfter: string } | null;
  roundTripMs: number | null;
  serverProblem: ServerProblem | null;
  /** True when an unknown issuer signed a certificate for the right name: likely a TLS-intercepting proxy. */
  interceptionSuspected: boolean;
}

const ISSUER_ERRORS = new Set([
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
]);

interface Probe {
  chain: string[];
  /** Issuer CN of the last certificate presented: the root it claims, even when the server did not send the root. */
  topIssuer: string;
  problem: ServerProblem;
  nameMatches: boolean;
}

const firstOf = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const cnOf = (c: tls.PeerCertificate | undefined) => firstOf(c?.subject?.CN);

/** Handshake only, verification off, to see what the server presents and what is wrong with it. No HTTP. */
function probeServer(url: URL, options: SessionOptions): Promise<Probe | null> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const servername = options.tls.servername ?? (isIpLiteral(host) ? undefined : host);
  return new Promise((resolve) => {
    const socket = tls.connect({
      host,
      port: Number(url.port || 443),
      servername,
      ca: options.tls.caPem,
      minVersion: 'TLSv1.3',
      rejectUnauthorized: false,
      timeout: 10_000,
    });
    const done = (p: Probe | null) => {
      socket.destroy();
      resolve(p);
    };
    socket.once('secureConnect', () => {
      const leaf = socket.getPeerCertificate(true);
      const chain: string[] = [];
      const seen = new Set<string>();
      let last: tls.DetailedPeerCertificate | undefined;
      for (
        let c: tls.DetailedPeerCertificate | undefined = leaf;
        c?.fingerprint256 && !seen.has(c.fingerprint256);
        c = c.issuerCertificate
      ) {
        seen.add(c.fingerprint256);
        chain.push(cnOf(c));
        last = c;
      }
      const topIssuer = firstOf(last?.issuer?.CN);
      const nameMatches = tls.checkServerIdentity(servername ?? host, leaf) === undefined;
      const err = String(socket.authorizationError ?? '');
      const problem: ServerProblem = ISSUER_ERRORS.has(err)
        ? 'unknown-issuer'
        : err === 'CERT_HAS_EXPIRED'
          ? 'expired'
          : err === 'CERT_NOT_YET_VALID'
            ? 'not-yet-valid'
            : !nameMatches
              ? 'wrong-name'
              : 'other';
      done({ chain, topIssuer, problem, nameMatches });
    });
    socket.once('error', () => done(null));
    socket.once('timeout', () => done(null));
  });
}

function isIpLiteral(host: string): boolean {
  return net.isIP(host) !== 0;
}

export async function checkConnection(options: SessionOptions): Promise<ConnectionReport> {
  const cert = new crypto.X509Certificate(options.tls.certPem);
  const clientCertificate = {
    subject: cert.subject.replace(/\n/g, ', '),
    notAfter: new Date(cert.validTo).toISOString(),
  };
  const session = createSession({ ...options, tls: { ...options.tls, maxCachedSessions: 0 } });
  try {
    const ping = await session.ping();
    return {
      ok: true,
      code: null,
      tlsVersion: ping.tls?.protocol ?? null,
      cipher: ping.tls?.cipher ?? null,
      serverChain: ping.tls?.serverChain ?? [],
      serverRoot: ping.tls?.serverChain.at(-1) ?? null,
      clientCertificate,
      roundTripMs: ping.roundTripMs,
      serverProblem: null,
      interceptionSuspected: false,
    };
  } catch (err) {
    const code = err instanceof SessionError ? err.code : 'INTERNAL';
    const probe = code === 'SESSION_SERVER_UNTRUSTED' ? await probeServer(new URL(options.baseUrl), options) : null;
    return {
      ok: false,
      code,
      tlsVersion: null,
      cipher: null,
      serverChain: probe?.chain ?? [],
      serverRoot: probe ? probe.topIssuer || (probe.chain.at(-1) ?? null) : null,
      clientCertificate,
      roundTripMs: null,
      serverProblem: probe?.problem ?? null,
      interceptionSuspected: probe?.problem === 'unknown-issuer' && probe.nameMatches,
    };
  } finally {
    await session.close();
  }
}
