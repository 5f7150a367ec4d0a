import crypto from 'node:crypto';

// The card-check side of the training backend (CARD.md §3): fresh single-use nonces; a proof is accepted when the
// certificate chains to the training "JPKI for user authentication" CA, is within its validity, names an enrolled
// card (the certificate serial is how the national system identifies the person), and — in PIN mode — the signature
// over the nonce verifies. Visual mode proves nothing cryptographically: it is accepted only inside a logged-in staff
// session (the route requires a token) and recorded as such.

const NONCE_TTL_MS = 2 * 60_000;
const MAX_OPEN_NONCES = 1000;

export type CardCheckRefusal =
  'NONCE_UNKNOWN' | 'CARD_CERT_INVALID' | 'CARD_CERT_EXPIRED' | 'CARD_CERT_UNKNOWN' | 'CARD_SIGNATURE_INVALID';

export interface CardProof {
  nonceId: string;
  mode: 'pin' | 'visual';
  certificate: Buffer;
  signature: Buffer | null;
}

export class CardCheckRegistry {
  private readonly caKey: crypto.KeyObject;
  private readonly persons = new Map<string, string>(); // certificate serial (hex) → person key
  private readonly nonces = new Map<string, { nonce: Buffer; expiresAt: number }>();

  constructor(caCertificateDer: Buffer) {
    this.caKey = new crypto.X509Certificate(caCertificateDer).publicKey;
  }

  /** A training card was issued to this person (the 市区町村 issues the card; the service knows the serial). */
  enrol(certificateDer: Buffer, personKey: string): void {
    this.persons.set(new crypto.X509Certificate(certificateDer).serialNumber.toUpperCase(), personKey);
  }

  issueNonce(now: Date): { nonceId: string; nonce: Buffer; expiresAt: string } {
    const t = now.getTime();
    for (const [id, n] of this.nonces) if (n.expiresAt < t) this.nonces.delete(id);
    if (this.nonces.size >= MAX_OPEN_NONCES) this.nonces.delete(this.nonces.keys().next().value!);
    const nonceId = crypto.randomBytes(16).toString('base64url');
    const nonce = crypto.randomBytes(32);
    this.nonces.set(nonceId, { nonce, expiresAt: t + NONCE_TTL_MS });
    return { nonceId, nonce, expiresAt: new Date(t + NONCE_TTL_MS).toISOString() };
  }

  verify(proof: CardProof, now: Date): { ok: true; personKey: string } | { ok: false; refusal: CardCheckRefusal } {
    const open = this.nonces.get(proof.nonceId);
    this.nonces.delete(proof.nonceId); // single use, whatever the outcome: a replay finds nothing
    if (!open || open.expiresAt < now.getTime()) return { ok: false, refusal: 'NONCE_UNKNOWN' };
    let cert: crypto.X509Certificate;
    try {
      cert = new crypto.X509Certificate(proof.certificate);
    } catch {
      return { ok: false, refusal: 'CARD_CERT_INVALID' };
    }
    if (!cert.verify(this.caKey)) return { ok: false, refusal: 'CARD_CERT_INVALID' };
    const t = now.getTime();
    if (t < Date.parse(cert.validFrom) || t > Date.parse(cert.validTo))
      return { ok: false, refusal: 'CARD_CERT_EXPIRED' };
    const personKey = this.persons.get(cert.serialNumber.toUpperCase());
    if (!personKey) return { ok: false, refusal: 'CARD_CERT_UNKNOWN' };
    if (proof.mode === 'pin') {
      // The card signs a SHA-256 DigestInfo with PKCS#1 v1.5: a standard sha256WithRSAEncryption over the nonce.
      const good = proof.signature !== null && crypto.verify('sha256', open.nonce, cert.publicKey, proof.signature);
      if (!good) return { ok: false, refusal: 'CARD_SIGNATURE_INVALID' };
    }
    return { ok: true, personKey };
  }
}
