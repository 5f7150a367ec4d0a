import { z } from 'zod';
import { isErrorCode, type ErrorCode } from './errors';
import { input, text } from './limits';

// 設定 → 証明書 (issue 5 items 2, 7). The .p12 is chosen through a main-process dialog; its bytes and the private key
// never cross IPC. The password goes renderer → main only (preview, import) and never comes back. What comes back
// is what an installer needs to see: who the certificate is for, who issued it, validity and the expiry countdown.

export const CertificateDetails = z.strictObject({
  /** 介護保険事業所番号 from the subject CN (DOMAIN.md §2.16), when it has that shape. */
  officeNumber: z.string().nullable(),
  /** Subject and issuer as "CN=…, O=…" (display only). */
  subject: z.string(),
  subjectOrganization: z.string().nullable(),
  issuer: z.string(),
  /** Upper-case hex; shown on the details screen, never logged. */
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  keyType: z.string(),
  keySize: z.number().int(),
  /** OIDs of the extended key usage. */
  extendedKeyUsage: z.array(z.string()).max(32),
  clientAuth: z.boolean(),
  /** Cross-check with the configured office profiles; 'no-profile' in training mode or without profiles. */
  officeMatch: z.enum(['match', 'mismatch', 'no-profile']),
  officeName: z.string().nullable(),
  /** Japan-time calendar days to expiry; negative once expired. */
  daysLeft: z.number().int(),
  expired: z.boolean(),
  /** The tightest of 90/60/30/14/7/1 reached, or null. */
  warning: z.number().int().nullable(),
});
export type CertificateDetails = z.infer<typeof CertificateDetails>;

/** One office of this PC and its own client certificate (issue 5: each office has its own). */
export const OfficeCertificate = z.strictObject({
  officeNumber: z.string(),
  name: z.string(),
  serviceTypeName: z.string(),
  active: z.boolean(),
  installed: CertificateDetails.nullable(),
});
export type OfficeCertificate = z.infer<typeof OfficeCertificate>;

export const CertificateStatus = z.strictObject({
  /** The certificate of the active office (the one the connection presents). */
  installed: CertificateDetails.nullable(),
  /** Every office of this PC with its certificate. */
  offices: z.array(OfficeCertificate).max(10),
  /** The file chosen through the dialog and kept in memory in main (name only), if any. */
  chosenFile: z.string().nullable(),
  training: z.boolean(),
});
export type CertificateStatus = z.infer<typeof CertificateStatus>;

export const CertificateChooseOutput = z.strictObject({ fileName: z.string().nullable() });

export const CertificatePasswordInput = input({ password: text(256).min(1) });

const Refusal = z.strictObject({ code: z.custom<ErrorCode>((v) => isErrorCode(v)), message: z.string() });

/** A preview: the details when the file could be opened, and the reason it would be refused, if any. */
export const CertificatePreview = z.strictObject({
  details: CertificateDetails.nullable(),
  refusal: Refusal.nullable(),
});
export type CertificatePreview = z.infer<typeof CertificatePreview>;
