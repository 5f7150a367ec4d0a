import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { checkOfficeNumber } from './office-number';

// The one configuration schema (DESIGN.md §4). A machine-wide file with an optional per-user file that overrides
// top-level keys. Non-secret settings only: no passwords, keys or tokens ever live here. Later issues extend this
// schema (update URL, installers); they add fields here rather than defining another file.

const PEM_CERT = /^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*$/;

function parseCertificate(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

const normaliseFingerprint = (value: string) => value.replace(/:/g, '').toUpperCase();

export const TrustAnchor = z
  .strictObject({
    pem: z.string().max(20_000).regex(PEM_CERT, { message: 'PEM形式の証明書（BEGIN CERTIFICATE）ではありません' }),
    /** Optional pin: SHA-256 of the DER certificate, hex (colons allowed). */
    sha256: z
      .string()
      .regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, { message: 'SHA-256 指紋（16進64桁）ではありません' })
      .optional(),
  })
  .superRefine((anchor, ctx) => {
    if (!PEM_CERT.test(anchor.pem)) return; // already reported
    const cert = parseCertificate(anchor.pem);
    if (!cert) {
      ctx.addIssue({
        code: 'custom',
        path: ['pem'],
        message: '証明書として読み取れません（ファイルが壊れていないか確認してください）',
      });
      return;
    }
    if (anchor.sha256 && normaliseFingerprint(anchor.sha256) !== normaliseFingerprint(cert.fingerprint256)) {
      ctx.addIssue({ code: 'custom', path: ['sha256'], message: '証明書の SHA-256 指紋が設定値と一致しません' });
    }
  });

export const OfficeProfile = z.strictObject({
  officeNumber: z.string().superRefine((value, ctx) => {
    const problem = checkOfficeNumber(value);
    if (problem === 'shape') ctx.addIssue({ code: 'custom', message: '事業所番号は10桁です（3桁目のみ英大文字可）' });
    if (problem === 'check-digit')
      ctx.addIssue({ code: 'custom', message: '事業所番号の検証番号（10桁目）が一致しません' });
  }),
  /** サービス種類コード, 2 characters (DOMAIN.md §2.16, e.g. 43 居宅介護支援, 11 訪問介護). */
  serviceType: z.string().regex(/^[0-9A-Z]{2}$/, { message: 'サービス種類コードは2文字（数字・英大文字）です' }),
  name: z.string().min(1, { message: '事業所名を入力してください' }).max(100, { message: '事業所名は100文字以内です' }),
  /** 電子請求受付システム ID; for 介護 it starts with KJ (DOMAIN.md §3.2). Exact length is not public. */
  billingSystemId: z
    .string()
    .regex(/^KJ[0-9A-Z]{1,18}$/, { message: '電子請求受付システムIDは「KJ」で始まる英数字です' }),
});
export type OfficeProfile = z.infer<typeof OfficeProfile>;

/**
 * Where electron-updater looks for new versions (generic provider, issue 9): offices may host updates internally.
 * Absent: the app never looks for updates by itself (IT staff install new versions).
 */
export const UpdateSettings = z.strictObject({
  url: z.url({ protocol: /^https$/, message: '更新の配布先（updates.url）は https:// で始まるURLです' }).max(500, {
    message: '更新の配布先（updates.url）は500文字以内です',
  }),
  channel: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/, { message: '更新チャネル（updates.channel）は英小文字で始まる英小文字・数字です' })
    .default('latest'),
});
export type UpdateSettings = z.infer<typeof UpdateSettings>;

export const Configuration = z
  .strictObject({
    schemaVersion: z.literal(1, { message: 'schemaVersion は 1 です' }),
    endpoint: z.url({ protocol: /^https$/, message: '接続先は https:// で始まるURLです' }),
    trustAnchors: z
      .array(TrustAnchor)
      .min(1, { message: '信頼する証明書（trustAnchors）を1つ以上設定してください' })
      .max(20),
    offices: z.array(OfficeProfile).min(1, { message: '事業所を1つ以上設定してください' }).max(10),
    cardReader: z.string().max(200).nullable().default(null),
    freshnessHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
    idleLockMinutes: z.number().int().min(1).max(120).default(10),
    offlineUnlockHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 7)
      .default(72),
    certificateDropFolder: z.string().max(1000).nullable().default(null),
    updates: UpdateSettings.optional(),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.offices.forEach((office, i) => {
      const key = `${office.officeNumber}:${office.serviceType}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['offices', i], message: '同じ事業所番号とサービス種類が重複しています' });
      }
      seen.add(key);
    });
  });
export type Configuration = z.infer<typeof Configuration>;

export interface ConfigProblem {
  /** Dotted path of the field, e.g. "offices.0.officeNumber" ("(全体)" for the whole file). */
  field: string;
  message: string;
}

const ISSUE_FALLBACK: Record<string, string> = {
  invalid_type: '値の種類が正しくありません',
  unrecognized_keys: '不明な項目があります',
  too_small: '値が小さすぎます（または必要な数に足りません）',
  too_big: '値が大きすぎます（または多すぎます）',
  invalid_value: '許されない値です',
};

/** Validates parsed JSON; every problem names its field with a Japanese message. */
export function validateConfiguration(
  value: unknown,
): { ok: true; config: Configuration } | { ok: false; problems: ConfigProblem[] } {
  const parsed = Configuration.safeParse(value);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const field = issue.path.join('.') || '(全体)';
      const custom = issue.message && !issue.message.startsWith('Invalid') && !issue.message.startsWith('Too');
      let message = custom ? issue.message : (ISSUE_FALLBACK[issue.code] ?? '値が正しくありません');
      if (issue.code === 'unrecognized_keys') message = `不明な項目があります: ${issue.keys.join(', ')}`;
      if (issue.code === 'invalid_type' && issue.input === undefined) message = '必須の項目がありません';
      return { field, message };
    }),
  };
}
