import { z } from 'zod';

// 接続テスト and 導入チェック (issue 5 items 3–4, UX.md rule 12). What installers see: no key, serial or personal data
// ever — the client certificate appears by subject and expiry only.

export const ConnectionCheckReport = z.strictObject({
  /** 接続先: the service URL (training: the in-process training server on loopback). */
  endpoint: z.string().max(300),
  training: z.boolean(),
  ok: z.boolean(),
  /** Our error code and its Japanese message when not ok. */
  code: z.string().max(64).nullable(),
  message: z.string().max(500).nullable(),
  tlsVersion: z.string().max(20).nullable(),
  cipher: z.string().max(100).nullable(),
  /** Server certificate subjects (CN), leaf first. */
  serverChain: z.array(z.string().max(200)).max(10),
  /** サーバー証明書の発行元: the root the chain ends in. */
  serverRoot: z.string().max(200).nullable(),
  clientCertificate: z.strictObject({ subject: z.string().max(500), notAfter: z.string().max(40) }).nullable(),
  roundTripMs: z.number().nonnegative().nullable(),
  serverProblem: z.enum(['unknown-issuer', 'expired', 'not-yet-valid', 'wrong-name', 'other']).nullable(),
  /** An issuer outside the trust anchors signed a certificate for the right name: likely SSL inspection. */
  interceptionSuspected: z.boolean(),
  checkedAt: z.string().max(40),
});
export type ConnectionCheckReport = z.infer<typeof ConnectionCheckReport>;

export const SETUP_STEPS = ['billing-id', 'client-certificate', 'card-reader', 'connection', 'otp-login'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export const SetupCheckItem = z.strictObject({
  step: z.enum(SETUP_STEPS),
  /** e.g. 「電子請求受付システムID（練習用 居宅介護支援事業所 さくら）」 */
  label: z.string().max(200),
  ok: z.boolean(),
  /** What was found (✓), or the exact failing condition (✗). */
  detail: z.string().max(500),
  /** Our error code behind a ✗, when there is one. */
  code: z.string().max(64).nullable(),
});
export type SetupCheckItem = z.infer<typeof SetupCheckItem>;

/** The FY2026 介護情報基盤 start-up subsidy cap for an office's service type (DOMAIN.md §5), for reference. */
export const SubsidyCapRow = z.strictObject({
  officeName: z.string().max(100),
  serviceType: z.string().max(2),
  /** 「訪問・通所・短期」「居住・施設」「その他」, or null when the group cannot be told from the code. */
  group: z.string().max(40).nullable(),
  maxReaders: z.number().int().nullable(),
  maxYen: z.number().int().nullable(),
  source: z.string().max(200),
});
export type SubsidyCapRow = z.infer<typeof SubsidyCapRow>;

export const SetupCheckReport = z.strictObject({
  items: z.array(SetupCheckItem).max(40),
  subsidy: z.array(SubsidyCapRow).max(10),
  checkedAt: z.string().max(40),
});
export type SetupCheckReport = z.infer<typeof SetupCheckReport>;
