import { formatWareki, isoDate, toJapanTime, type CertificateDetails } from '../../../electron/contract';

// The facts of one office client certificate (issue 5 item 7): who it is for, who issued it, validity, key and usage,
// and whether it matches a configured office. Dates are shown in Japan time.

const EKU_LABEL: Record<string, string> = {
  '1.3.6.1.5.5.7.3.2': 'クライアント認証',
  '1.3.6.1.5.5.7.3.1': 'サーバー認証',
};

const OFFICE_MATCH: Record<CertificateDetails['officeMatch'], string> = {
  match: '設定された事業所と一致',
  mismatch: '設定された事業所と一致しません',
  'no-profile': '（事業所の設定なし）',
};

function japanDay(iso: string): string {
  const t = toJapanTime(new Date(iso));
  return `${isoDate(t)}（${formatWareki(t)}）`;
}

/** "あと n 日" with the warning step reached (90/60/30/14/7/1), or 期限切れ. */
export function ExpiryCountdown({ details }: { details: CertificateDetails }) {
  if (details.expired) {
    return (
      <p className="banner banner-error" data-testid="certificate-countdown" data-warning="expired">
        有効期限が切れています。新しい証明書を取り込んでください。
      </p>
    );
  }
  const tone = details.warning === null ? 'banner-ok' : details.warning <= 30 ? 'banner-error' : 'banner-warn';
  return (
    <p className={`banner ${tone}`} data-testid="certificate-countdown" data-warning={details.warning ?? 'none'}>
      有効期限まで あと {details.daysLeft} 日
      {details.warning !== null && `（${details.warning}日前を過ぎました。更新の準備をしてください）`}
    </p>
  );
}

export function CertificateDetailsView({ details, label }: { details: CertificateDetails; label: string }) {
  return (
    <dl className="facts" aria-label={label}>
      <dt>事業所番号</dt>
      <dd data-field="officeNumber">{details.officeNumber ?? '（記載なし）'}</dd>
      <dt>事業所との照合</dt>
      <dd data-field="officeMatch">
        {OFFICE_MATCH[details.officeMatch]}
        {details.officeName && `（${details.officeName}）`}
      </dd>
      <dt>発行先</dt>
      <dd data-field="subject">{details.subject}</dd>
      <dt>発行者</dt>
      <dd data-field="issuer">{details.issuer}</dd>
      <dt>シリアル番号</dt>
      <dd data-field="serialNumber">{details.serialNumber}</dd>
      <dt>有効期間</dt>
      <dd data-field="validity">
        {japanDay(details.notBefore)} 〜 {japanDay(details.notAfter)}
      </dd>
      <dt>鍵</dt>
      <dd data-field="key">
        {details.keyType.toUpperCase()} {details.keySize}ビット
      </dd>
      <dt>用途</dt>
      <dd data-field="eku">
        {details.extendedKeyUsage.length === 0
          ? '（指定なし）'
          : details.extendedKeyUsage.map((oid) => EKU_LABEL[oid] ?? oid).join('、')}
      </dd>
      <dt>残り日数</dt>
      <dd data-field="daysLeft">{details.expired ? '期限切れ' : `${details.daysLeft}日`}</dd>
    </dl>
  );
}
