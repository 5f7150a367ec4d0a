import type { ErrorCode } from '../../contract/errors';
import { EKU_CLIENT_AUTH, type CertificateInfo } from './inspect';

// Which certificates are accepted as the office's client certificate. Each refusal has its own code so the import
// wizard can say exactly what is wrong (issue 5 item 2).

export const MIN_RSA_BITS = 2048;
export const MIN_EC_BITS = 256;

export interface PolicyOptions {
  now: Date;
  /** 事業所番号 of the configured office profiles; when given, the certificate must name one of them. */
  officeNumbers?: string[];
}

/** The first reason to refuse, or null when the certificate is acceptable. */
export function certificateProblem(info: CertificateInfo, opts: PolicyOptions): ErrorCode | null {
  const now = opts.now.getTime();
  if (now < Date.parse(info.notBefore)) return 'CERT_NOT_YET_VALID';
  if (now >= Date.parse(info.notAfter)) return 'CERT_EXPIRED';
  // Explicit clientAuth required: a certificate without extendedKeyUsage is not what 国保中央会 issues.
  if (!info.extendedKeyUsage.includes(EKU_CLIENT_AUTH)) return 'CERT_NO_CLIENT_AUTH';
  const weak =
    info.keyType === 'rsa' ? info.keySize < MIN_RSA_BITS : info.keyType === 'ec' ? info.keySize < MIN_EC_BITS : true; // DSA and unknown kinds are not accepted
  if (weak) return 'CERT_WEAK_KEY';
  if (opts.officeNumbers && opts.officeNumbers.length > 0) {
    if (!info.officeNumber || !opts.officeNumbers.includes(info.officeNumber)) return 'CERT_OFFICE_MISMATCH';
  }
  return null;
}
