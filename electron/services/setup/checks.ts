import type { ConnectionCheckReport, SetupCheckItem } from '../../contract/setup';
import { ERROR_MESSAGES, isErrorCode, japanStamp } from '../../contract';
import { certificateProblem, expiryStatus, inspectCertificate } from '../certificate';
import { billingIdProblem } from './billing-id';

// 導入チェック (UX.md rule 12): each preparation step becomes one ✓/✗ line that names the exact failing condition.
// Pure builders: the handler gathers the live facts (configuration, the backend's certificate, reader status,
// connection report, session phase) and passes them in, so every condition is unit-tested without the world.

export interface OfficeFacts {
  officeNumber: string;
  name: string;
  serviceType: string;
  billingSystemId: string | null;
}

export function billingIdItems(offices: OfficeFacts[]): SetupCheckItem[] {
  if (offices.length === 0) {
    return [
      {
        step: 'billing-id',
        label: '電子請求受付システムID',
        ok: false,
        detail: '事業所が設定されていません',
        code: null,
      },
    ];
  }
  return offices.map((o) => {
    const problem = billingIdProblem(o.billingSystemId);
    return {
      step: 'billing-id',
      label: `電子請求受付システムID（${o.name}）`,
      ok: problem === null,
      detail: problem ?? `${o.billingSystemId} — 「KJ」で始まる形式です`,
      code: null,
    };
  });
}

const CERT_CONDITION: Record<string, (notBefore: string, notAfter: string) => string> = {
  CERT_EXPIRED: (_b, a) => `有効期限が切れています（${a} まで）`,
  CERT_NOT_YET_VALID: (b) => `有効期間がまだ始まっていません（${b} から）`,
  CERT_NO_CLIENT_AUTH: () => 'クライアント認証用の証明書ではありません（拡張キー使用法に clientAuth がありません）',
  CERT_WEAK_KEY: () => '鍵が短すぎます（RSA 2048ビット未満）',
  CERT_OFFICE_MISMATCH: () => '証明書の事業所番号が、設定されている事業所と一致しません',
};

/**
 * The client certificate the connection would present. `certPem` null = none available, with the code that said so
 * (e.g. CERT_NOT_INSTALLED).
 */
export function certificateItem(
  certificate: { certPem: string } | { missing: string },
  now: Date,
  officeNumbers: string[],
): SetupCheckItem {
  const label = 'クライアント証明書';
  if ('missing' in certificate) {
    const code = isErrorCode(certificate.missing) ? certificate.missing : 'CERT_NOT_INSTALLED';
    // Not installed, or unreadable for another reason (e.g. no keychain): say which.
    const detail =
      code === 'CERT_NOT_INSTALLED' || code === 'CERT_NO_CERTIFICATE'
        ? '証明書が取り込まれていません'
        : ERROR_MESSAGES[code];
    return { step: 'client-certificate', label, ok: false, detail, code };
  }
  let info;
  try {
    info = inspectCertificate(certificate.certPem);
  } catch {
    return {
      step: 'client-certificate',
      label,
      ok: false,
      detail: '証明書を読み取れません',
      code: 'CERT_NO_CERTIFICATE',
    };
  }
  const notBefore = japanStamp(new Date(info.notBefore));
  const notAfter = japanStamp(new Date(info.notAfter));
  const problem = certificateProblem(info, { now, officeNumbers });
  if (problem) {
    const condition = CERT_CONDITION[problem]?.(notBefore, notAfter) ?? ERROR_MESSAGES[problem];
    return { step: 'client-certificate', label, ok: false, detail: condition, code: problem };
  }
  const { daysLeft, warning } = expiryStatus(new Date(info.notAfter), now);
  const subject = info.subject.CN ?? '';
  const soon = warning ? `（残り ${daysLeft} 日: 更新の準備をしてください）` : '';
  return {
    step: 'client-certificate',
    label,
    ok: true,
    detail: `${subject} — ${notAfter} まで有効${soon}`,
    code: null,
  };
}

export interface ReaderFacts {
  serviceUp: boolean;
  readers: string[];
  selected: string | null;
}

export function readerItem(r: ReaderFacts): SetupCheckItem {
  const base = { step: 'card-reader' as const, label: 'カードリーダー' };
  if (!r.serviceUp) {
    return {
      ...base,
      ok: false,
      detail: 'スマートカードサービスが動いていません',
      code: 'CARD_SERVICE_DOWN',
    };
  }
  if (r.readers.length === 0) {
    return { ...base, ok: false, detail: 'カードリーダーが接続されていません', code: 'CARD_NO_READER' };
  }
  if (!r.selected) {
    return { ...base, ok: false, detail: '使うカードリーダーが選ばれていません', code: 'CARD_NO_READER' };
  }
  const others = r.readers.length > 1 ? `（接続 ${r.readers.length} 台）` : '';
  return { ...base, ok: true, detail: `${r.selected} を使用${others}`, code: null };
}

export function connectionItem(report: ConnectionCheckReport): SetupCheckItem {
  const base = { step: 'connection' as const, label: '接続（TLS 1.3）' };
  if (report.ok && report.tlsVersion === 'TLSv1.3') {
    const rtt = report.roundTripMs === null ? '' : `（応答時間 ${Math.round(report.roundTripMs)} ms）`;
    return {
      ...base,
      ok: true,
      detail: `${report.endpoint} に TLS 1.3 で接続し、応答を受け取りました${rtt}`,
      code: null,
    };
  }
  if (report.ok) {
    return {
      ...base,
      ok: false,
      detail: `TLS 1.3 ではありません（${report.tlsVersion ?? '不明'}）`,
      code: 'SESSION_TLS_FAILED',
    };
  }
  const proxy = report.interceptionSuspected
    ? '（通信を検査するプロキシ（SSLインスペクション）が証明書を差し替えている可能性があります）'
    : '';
  return {
    ...base,
    ok: false,
    detail: `${report.endpoint} に接続できません: ${report.message ?? report.code ?? '不明な理由'}${proxy}`,
    code: report.code,
  };
}

export function loginItem(phase: 'logged-out' | 'otp-pending' | 'logged-in' | 'offline-read-only'): SetupCheckItem {
  const base = { step: 'otp-login' as const, label: 'ワンタイムパスワードでのログイン' };
  if (phase === 'logged-in') return { ...base, ok: true, detail: 'ログインできています', code: null };
  if (phase === 'offline-read-only') {
    return {
      ...base,
      ok: false,
      detail: 'オフラインで閲覧中です。オンラインでログインして確認してください',
      code: null,
    };
  }
  return { ...base, ok: false, detail: 'ログインして確認してください', code: null };
}
