import { describe, expect, it } from 'vitest';
import type { ConnectionCheckReport } from '../../electron/contract';
import {
  billingIdItems,
  billingIdProblem,
  certificateItem,
  connectionItem,
  loginItem,
  readerItem,
  subsidyCapFor,
} from '../../electron/services/setup';
import { generateRsaKeyPair, issueCertificate, type NameField } from '../../electron/training/pki';

// 導入チェック (UX.md rule 12): every failing condition gives its own exact sentence. Certificate dates are shown in
// Japan time, so this file runs under both zones.

const DAY = 86_400_000;
const now = new Date('2026-11-26T03:00:00Z');
const caKeys = generateRsaKeyPair();
const officeKeys = generateRsaKeyPair();

function officeCert(
  opts: {
    cn?: string;
    notBefore?: Date;
    notAfter?: Date;
    eku?: Array<'serverAuth' | 'clientAuth'>;
    keyPem?: string;
  } = {},
) {
  const subject: NameField[] = [
    { shortName: 'C', value: 'JP' },
    { shortName: 'CN', value: opts.cn ?? '1370100016' },
  ];
  return issueCertificate({
    subject,
    subjectPublicKeyPem: opts.keyPem ?? officeKeys.publicKeyPem,
    issuerPrivateKeyPem: caKeys.privateKeyPem,
    notBefore: opts.notBefore ?? new Date(now.getTime() - DAY),
    notAfter: opts.notAfter ?? new Date(now.getTime() + 200 * DAY),
    usage: 'client',
    extendedKeyUsage: opts.eku,
  });
}

describe('電子請求受付システムID', () => {
  it.each([
    [null, '電子請求受付システムIDが設定されていません'],
    ['', '電子請求受付システムIDが設定されていません'],
    ['KJ 123', '電子請求受付システムIDに空白が含まれています'],
    ['kj12345', '電子請求受付システムIDの「KJ」は英大文字で入力します'],
    ['AB12345', '電子請求受付システムIDが「KJ」で始まっていません（先頭: AB）'],
    ['KJ', '電子請求受付システムIDが「KJ」だけで、続く英数字がありません'],
    ['KJ12-345', '電子請求受付システムIDに英大文字・数字以外の文字が含まれています'],
    ['KJ１２３', '電子請求受付システムIDに英大文字・数字以外の文字が含まれています'],
    ['KJ' + '1'.repeat(19), '電子請求受付システムIDが20文字を超えています'],
  ])('%j → %s', (id, message) => {
    expect(billingIdProblem(id)).toBe(message);
  });

  it('passes a KJ ID and gives one line per office', () => {
    expect(billingIdProblem('KJ1370100016')).toBeNull();
    const items = billingIdItems([
      { officeNumber: '1370100016', name: '居宅さくら', serviceType: '43', billingSystemId: 'KJ1370100016' },
      { officeNumber: '1370100024', name: '訪問さくら', serviceType: '11', billingSystemId: 'XX1' },
    ]);
    expect(items.map((i) => [i.label, i.ok])).toEqual([
      ['電子請求受付システムID（居宅さくら）', true],
      ['電子請求受付システムID（訪問さくら）', false],
    ]);
    expect(billingIdItems([])[0]).toMatchObject({ ok: false, detail: '事業所が設定されていません' });
  });
});

describe('クライアント証明書', () => {
  const offices = ['1370100016'];

  it('✓ names the office and the expiry in Japan time, with a renewal hint inside 90 days', () => {
    const ok = certificateItem({ certPem: officeCert() }, now, offices);
    expect(ok).toMatchObject({ ok: true, code: null });
    expect(ok.detail).toMatch(/^1370100016 — \d{4}-\d{2}-\d{2} \d{2}:\d{2} まで有効$/);
    const soon = certificateItem(
      { certPem: officeCert({ notAfter: new Date(now.getTime() + 20 * DAY) }) },
      now,
      offices,
    );
    expect(soon).toMatchObject({ ok: true });
    expect(soon.detail).toContain('（残り 20 日: 更新の準備をしてください）');
  });

  it('✗ gives each failing condition its own sentence and code', () => {
    const notAfter = new Date('2026-11-25T15:00:00Z'); // 2026-11-26 00:00 JST
    const expired = certificateItem(
      { certPem: officeCert({ notBefore: new Date(now.getTime() - 400 * DAY), notAfter }) },
      now,
      offices,
    );
    expect(expired).toMatchObject({
      ok: false,
      code: 'CERT_EXPIRED',
      detail: '有効期限が切れています（2026-11-26 00:00 まで）',
    });
    const future = certificateItem(
      { certPem: officeCert({ notBefore: new Date('2026-12-01T00:00:00Z') }) },
      now,
      offices,
    );
    expect(future).toMatchObject({
      code: 'CERT_NOT_YET_VALID',
      detail: '有効期間がまだ始まっていません（2026-12-01 09:00 から）',
    });
    expect(certificateItem({ certPem: officeCert({ eku: ['serverAuth'] }) }, now, offices)).toMatchObject({
      code: 'CERT_NO_CLIENT_AUTH',
      detail: 'クライアント認証用の証明書ではありません（拡張キー使用法に clientAuth がありません）',
    });
    const weak = generateRsaKeyPair(1024);
    expect(certificateItem({ certPem: officeCert({ keyPem: weak.publicKeyPem }) }, now, offices)).toMatchObject({
      code: 'CERT_WEAK_KEY',
      detail: '鍵が短すぎます（RSA 2048ビット未満）',
    });
    expect(certificateItem({ certPem: officeCert({ cn: '1370100024' }) }, now, offices)).toMatchObject({
      code: 'CERT_OFFICE_MISMATCH',
      detail: '証明書の事業所番号が、設定されている事業所と一致しません',
    });
    expect(certificateItem({ missing: 'CERT_NOT_INSTALLED' }, now, offices)).toMatchObject({
      ok: false,
      code: 'CERT_NOT_INSTALLED',
      detail: '証明書が取り込まれていません',
    });
    expect(certificateItem({ missing: 'KEYCHAIN_UNAVAILABLE' }, now, offices)).toMatchObject({
      ok: false,
      code: 'KEYCHAIN_UNAVAILABLE',
      detail: expect.stringContaining('キーチェーン'),
    });
    expect(certificateItem({ certPem: 'not a certificate' }, now, offices)).toMatchObject({
      ok: false,
      detail: '証明書を読み取れません',
    });
  });
});

describe('カードリーダー', () => {
  it.each([
    [{ serviceUp: false, readers: [], selected: null }, 'スマートカードサービスが動いていません', 'CARD_SERVICE_DOWN'],
    [{ serviceUp: true, readers: [], selected: null }, 'カードリーダーが接続されていません', 'CARD_NO_READER'],
    [{ serviceUp: true, readers: ['R1'], selected: null }, '使うカードリーダーが選ばれていません', 'CARD_NO_READER'],
  ])('%j → ✗ %s', (facts, detail, code) => {
    expect(readerItem(facts)).toMatchObject({ ok: false, detail, code });
  });

  it('✓ names the reader in use', () => {
    expect(readerItem({ serviceUp: true, readers: ['R1', 'R2'], selected: 'R2' })).toMatchObject({
      ok: true,
      detail: 'R2 を使用（接続 2 台）',
    });
  });
});

describe('接続', () => {
  const base: ConnectionCheckReport = {
    endpoint: 'https://kaigo.example.jp',
    training: false,
    ok: true,
    code: null,
    message: null,
    tlsVersion: 'TLSv1.3',
    cipher: 'TLS_AES_256_GCM_SHA384',
    serverChain: ['kaigo.example.jp', 'Root'],
    serverRoot: 'Root',
    clientCertificate: null,
    roundTripMs: 12.4,
    serverProblem: null,
    interceptionSuspected: false,
    checkedAt: now.toISOString(),
  };

  it('✓ TLS 1.3 with an HTTP answer', () => {
    expect(connectionItem(base)).toMatchObject({
      ok: true,
      detail: 'https://kaigo.example.jp に TLS 1.3 で接続し、応答を受け取りました（応答時間 12 ms）',
    });
  });

  it('✗ another TLS version, a refusal with its message, and a suspected intercepting proxy', () => {
    expect(connectionItem({ ...base, tlsVersion: 'TLSv1.2' })).toMatchObject({
      ok: false,
      detail: 'TLS 1.3 ではありません（TLSv1.2）',
    });
    const refused = connectionItem({
      ...base,
      ok: false,
      code: 'SESSION_CLIENT_CERT_REFUSED',
      message: 'サーバーがこのPCのクライアント証明書を受け付けませんでした。',
    });
    expect(refused).toMatchObject({ ok: false, code: 'SESSION_CLIENT_CERT_REFUSED' });
    expect(refused.detail).toContain('クライアント証明書を受け付けませんでした');
    const proxy = connectionItem({
      ...base,
      ok: false,
      code: 'SESSION_SERVER_UNTRUSTED',
      message: '接続先サーバーの証明書を確認できませんでした',
      interceptionSuspected: true,
    });
    expect(proxy.detail).toContain('SSLインスペクション');
  });
});

describe('ワンタイムパスワードでのログイン', () => {
  it('✓ only while logged in online', () => {
    expect(loginItem('logged-in')).toMatchObject({ ok: true });
    expect(loginItem('logged-out')).toMatchObject({ ok: false, detail: 'ログインして確認してください' });
    expect(loginItem('otp-pending')).toMatchObject({ ok: false, detail: 'ログインして確認してください' });
    expect(loginItem('offline-read-only').detail).toContain('オンラインでログインして確認してください');
  });
});

describe('導入支援の補助上限（DOMAIN.md §5）', () => {
  it('maps service types to their group and cap, and does not guess unclear codes', () => {
    expect(subsidyCapFor('11')).toEqual({
      group: 'visit-daycare-shortstay',
      label: '訪問・通所・短期',
      maxReaders: 3,
      maxYen: 64_000,
    });
    expect(subsidyCapFor('21')?.maxYen).toBe(64_000);
    expect(subsidyCapFor('32')).toMatchObject({ label: '居住・施設', maxReaders: 2, maxYen: 55_000 });
    expect(subsidyCapFor('43')).toMatchObject({ label: 'その他', maxReaders: 1, maxYen: 42_000 });
    expect(subsidyCapFor('73')).toBeNull();
    expect(subsidyCapFor('ZZ')).toBeNull();
  });
});
