import { isoDate, toJapanTime, type OfficeCertificate } from '../../../electron/contract';

// 証明書 per office (issue 5): a PC serving two offices (居宅 + 訪問介護 併設) holds one client certificate per 事業所番号.
// Shown only when there is more than one office; the active office's certificate is the one in use.

function expiryText(office: OfficeCertificate): string {
  const details = office.installed;
  if (!details) return '未取り込み';
  const until = isoDate(toJapanTime(new Date(details.notAfter)));
  return details.expired ? `期限切れ（${until} まで）` : `${until} まで有効（あと ${details.daysLeft} 日）`;
}

export function CertificateOffices({ offices }: { offices: OfficeCertificate[] }) {
  if (offices.length < 2) return null;
  return (
    <table aria-label="事業所ごとの証明書" data-testid="certificate-offices">
      <thead>
        <tr>
          <th scope="col">事業所</th>
          <th scope="col">事業所番号</th>
          <th scope="col">サービス種類</th>
          <th scope="col">証明書</th>
        </tr>
      </thead>
      <tbody>
        {offices.map((o) => (
          <tr key={o.officeNumber} data-office={o.officeNumber} data-installed={o.installed !== null}>
            <th scope="row">
              {o.name}
              {o.active && '（使用中）'}
            </th>
            <td>{o.officeNumber}</td>
            <td>{o.serviceTypeName}</td>
            <td>{expiryText(o)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
