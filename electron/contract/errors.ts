// The closed set of error codes that may cross IPC, each with the Japanese message staff see.
// A message says what happened and what to do; the code is shown beside it so support can help.
// No stack trace or exception text ever reaches the renderer (DESIGN.md §3).

export const ERROR_MESSAGES = {
  IPC_INVALID_INPUT:
    '画面からの要求の形式が正しくありません。画面を開き直してください。続く場合はサポートへ連絡してください。',
  IPC_FORBIDDEN_SENDER: 'この画面からの要求は受け付けられません。アプリを再起動してください。',
  IPC_UNKNOWN_CALL: '不明な操作が要求されました。アプリを最新版に更新してください。',
  INTERNAL:
    '予期しないエラーが発生しました。操作をやり直してください。続く場合は「サポート用情報」を添えて連絡してください。',
  KEYCHAIN_UNAVAILABLE:
    'OSの資格情報ストア（キーチェーン）が使えません。ログインし直すか、Linuxでは gnome-keyring などの Secret Service を起動してから、もう一度お試しください。',
  CONFIG_INVALID: '設定ファイルに誤りがあります。表示された項目を管理者（導入担当者）に確認してもらってください。',
  // My Number card (CARD.md, UX.md rules 1–3): each failure names what happened and what to do next.
  CARD_SERVICE_DOWN:
    'カードリーダーのサービス（スマートカードサービス）が動いていません。カードリーダーを差し直し、直らなければパソコンを再起動してください。',
  CARD_NO_READER:
    'カードリーダーが見つかりません。1. USBケーブルを差し直す 2. カードリーダーを差し直して再起動する 3. パソコンを再起動する、の順にお試しください。',
  CARD_NO_CARD: 'カードが見つかりません。マイナンバーカードをカードリーダーに置いてください。',
  CARD_IN_USE:
    'カードリーダーを別のアプリが使用中です。ほかのアプリ（マイナポータル等）を閉じてから、もう一度お試しください。',
  CARD_REMOVED: '読み取り中にカードが動きました。カードを置き直し、読み取りが終わるまで動かさないでください。',
  CARD_NOT_RESPONDING:
    'カードが応答しません。カードケースから出して、置いたまま動かさないでください。直らない場合は別のカードで試し、カードとカードリーダーのどちらの問題かを確かめてください。',
  CARD_NOT_MYNUMBER:
    'マイナンバーカードとして読み取れませんでした。置いたカードがマイナンバーカードか確かめ、表向きに置き直してください。読めない場合は目視確認か紙の書類で確認できます。',
  CARD_BAD_RESPONSE:
    'カードから想定外の応答がありました。カードを置き直してもう一度お試しください。続く場合は別のカードで試し、「サポート用情報」を添えて連絡してください。',
  CARD_CERT_EXPIRED:
    'カードの電子証明書の有効期限が切れています。目視確認か紙の書類で確認し、お住まいの市区町村窓口での更新をご案内ください。',
  CARD_PIN_WRONG:
    '暗証番号が違います。表示された残り回数を確認してください。不安な場合は目視確認や紙の書類で確認できます。',
  CARD_PIN_LOCKED:
    '暗証番号がロックされています（これ以上入力できません）。目視確認か紙の書類で確認し、解除はお住まいの市区町村窓口でできることをご案内ください。',
  CARD_PIN_UNAVAILABLE:
    '暗証番号を使わない種類のカードです（顔認証マイナンバーカード等）。目視確認で本人確認を続けてください。',
  CARD_PIN_INVALID: '暗証番号は数字4桁です。ご本人に入力し直していただいてください。',
  CARD_LAST_TRY_UNCONFIRMED:
    '残り1回です。間違えるとロックされます。ご本人が暗証番号に確信がある場合のみ、確認のうえ続けてください。目視確認や紙の書類でも確認できます。',
  CARD_SIGNATURE_INVALID:
    'カードの署名を確認できませんでした。カードを置き直してもう一度お試しください。続く場合は目視確認か紙の書類で確認してください。',
  // Vault and local databases (DESIGN.md §4): records are never deleted; the cache can be rebuilt from the service.
  VAULT_KEY_MISSING:
    'キーチェーンに保存された暗号鍵が見つからないため、保存済みのデータを開けません。データは削除していません。いつもと同じOSユーザーでログインしているか確認し、キーチェーンを元に戻せない場合はサポートへ連絡してください。',
  VAULT_BLOB_UNREADABLE:
    '暗号化して保存したデータを読み取れません（破損または改ざんの可能性）。ファイルは削除していません。サポートへ連絡してください。',
  STORE_NEWER_VERSION:
    'データベースがこのアプリより新しい版で作られています。アプリを最新版に更新してください。データはそのまま残しています。',
  STORE_CACHE_UNREADABLE:
    '取得済みデータの控え（キャッシュ）を開けません。「サービスから再取得」で作り直せます（送信待ちや監査ログには影響しません）。',
  STORE_RECORDS_UNREADABLE:
    '記録データベース（送信待ち・監査ログ・紙の証の入力・メモ）を開けません。ファイルは削除せずに残しています。キーチェーンを元に戻すか、サポートへ連絡してください。',
  // Audit log and cached snapshots (issue 3).
  AUDIT_INVALID_ENTRY:
    '監査ログに記録できない内容です（個人を特定できる文字は記録できません）。アプリを最新版に更新し、続く場合はサポートへ連絡してください。',
  AUDIT_CHAIN_BROKEN:
    '監査ログの検証に失敗しました（改ざん・削除・古いファイルへの置き換えの可能性）。ファイルはそのまま残し、管理者とサポートへ連絡してください。',
  SNAPSHOT_INVALID:
    '取得したデータの形式が想定と異なるため保存できませんでした。もう一度取得し、続く場合はサポートへ連絡してください。',
  // Session with the service (issue 5): TLS 1.3 mutual authentication and staff login (DOMAIN.md §3.1–3.3).
  SESSION_TLS_FAILED:
    'サーバーと安全な接続（TLS 1.3）を確立できませんでした。接続先の設定を確認し、続く場合は導入担当者に連絡してください。',
  SESSION_CLIENT_CERT_REFUSED:
    'サーバーがこのPCのクライアント証明書を受け付けませんでした。設定 → 証明書 で証明書が正しく取り込まれ、有効期限内か確認してください。',
  SESSION_SERVER_UNTRUSTED:
    '接続先サーバーの証明書を確認できませんでした（信頼できない発行元・名前の不一致・期限切れ）。接続を中止しました。導入担当者に連絡してください。',
  SESSION_OFFICE_NOT_REGISTERED:
    'クライアント証明書の事業所がサービスに登録されていません。正しい事業所の証明書か、導入担当者に確認してください。',
  SESSION_LOGIN_FAILED: 'ユーザーIDまたはパスワードが正しくありません。入力を確かめて、もう一度お試しください。',
  SESSION_OTP_WRONG:
    'ワンタイムパスワードが正しくありません。届いた6桁の番号を確かめて入力してください。残りの試行回数を超えるとロックされます。',
  SESSION_OTP_EXPIRED:
    'ワンタイムパスワードの有効期限が切れたか、試行回数を超えました。IDとパスワードからログインし直してください。',
  SESSION_LOCKED_OUT:
    'ログインの失敗が続いたため、このアカウントは一時的にロックされています。表示された時刻を過ぎてから再度お試しください。',
  SESSION_EXPIRED: 'ログインの有効期間が終わりました。もう一度ログインしてください。',
  SESSION_NOT_LOGGED_IN: 'ログインしていません。ログインしてから操作してください。',
  SESSION_TIMEOUT:
    'サーバーからの応答がありませんでした。ネットワークの状態を確認して、しばらくしてからもう一度お試しください。',
  SESSION_UNREACHABLE:
    'サーバーに接続できません。ネットワーク（LANケーブル・Wi-Fi）と接続先の設定を確認してください。保存済みのデータは閲覧できます。',
  SESSION_BAD_RESPONSE:
    'サーバーから想定外の応答がありました。しばらくしてからもう一度お試しください。続く場合はサポートへ連絡してください。',
  PAPER_INVALID:
    '紙の証の入力内容に誤りがあります。赤く表示された項目（番号の桁数、日付、区分など）を証の記載どおりに直してください。',
  SESSION_OFFLINE_REFUSED:
    'オフラインでの解除ができませんでした。IDとパスワードを確かめてください。このPCでまだオンラインログインしていない場合は、接続が戻ってからログインしてください。',
  SESSION_OFFLINE_EXPIRED:
    '最後のオンラインログインから時間が経ちすぎたため、オフラインでは開けません。ネットワークが戻ってからログインしてください。',
  SESSION_OFFLINE_THROTTLED:
    '解除の失敗が続いたため、しばらく解除できません。15分ほど待ってから、もう一度お試しください。',
  // Office client certificate import (issue 5 item 2): each bad .p12 gets its own reason.
  CERT_FILE_TOO_LARGE:
    '選択したファイルは大きすぎて、証明書ファイル（.p12）ではありません。国保中央会から受け取った証明書ファイルを選んでください。',
  CERT_FILE_NOT_PKCS12:
    '選択したファイルは証明書ファイル（PKCS#12 / .p12 形式）ではありません。国保中央会から受け取った .p12 ファイルを選んでください。',
  CERT_FILE_DAMAGED:
    '証明書ファイルが途中で切れているか壊れています。電子請求受付システムからもう一度ダウンロードしてください。',
  CERT_WRONG_PASSWORD:
    '証明書のパスワード（証明書発行用パスワード）が違います。大文字・小文字を確かめて入力し直してください。',
  CERT_NO_PRIVATE_KEY:
    'このファイルには秘密鍵が含まれていません。証明書を書き出した際の形式を確認し、秘密鍵を含む .p12 ファイルを選んでください。',
  CERT_NO_CERTIFICATE:
    'このファイルには証明書が含まれていません。国保中央会から受け取った .p12 ファイルを選んでください。',
  CERT_KEY_MISMATCH: 'ファイル内の秘密鍵と証明書が対応していません。正しい証明書ファイルを選んでください。',
  CERT_EXPIRED:
    'この証明書は有効期限が切れています。電子請求受付システムで証明書の発行申請をし、新しい証明書を取り込んでください。',
  CERT_NOT_YET_VALID:
    'この証明書はまだ有効期間が始まっていません。PCの日付と時刻が正しいか確認し、有効期間の開始後に取り込んでください。',
  CERT_NO_CLIENT_AUTH:
    'この証明書はクライアント認証用ではありません。事業所用のクライアント証明書（介護保険証明書または介護DX証明書）を選んでください。',
  CERT_WEAK_KEY:
    'この証明書の鍵は短すぎて安全ではありません（RSA 2048ビット未満）。新しい証明書を発行してもらい、取り込んでください。',
  CERT_OFFICE_MISMATCH:
    'この証明書の事業所番号が、設定されている事業所と一致しません。事業所の設定か、選んだ証明書を確認してください。',
  CERT_NOT_INSTALLED:
    'クライアント証明書が取り込まれていません。設定 → 証明書 から取り込むか、導入担当者が kaigo-desk provision で導入してください。',
  KIBAN_UNKNOWN_PERSON: '該当する利用者が介護WEBサービスに見つかりません。保険者番号と被保険者番号を確認してください。',
  KIBAN_NOT_SERVED:
    'この事業所はまだこの利用者の情報を閲覧できません。マイナンバーカードで本人確認を行ってから、もう一度お試しください。',
  KIBAN_VIEWING_EXPIRED: '閲覧期限が過ぎています。利用者のマイナンバーカードで本人確認をやり直してください。',
  KIBAN_CONSENT_WITHDRAWN: '利用者が情報提供の同意を取り消しています。紙の証で確認してください。',
  KIBAN_FORBIDDEN_FOR_JOB:
    '認定調査票・主治医意見書は、ケアプランを作成する居宅介護支援事業所のケアマネジャーだけが閲覧できます。',
  TRAINING_ONLY: 'この操作は練習モードでだけ使えます。',
  SESSION_LOGIN_REQUIRED: '利用者の情報を見るには、職員ログインが必要です。「資格確認」画面からログインしてください。',
  PERSON_NOT_CACHED: 'この利用者の情報はまだこのPCにありません。オンラインで資格確認を行ってください。',
  KIBAN_CARD_CHECK_EXPIRED: '本人確認の有効時間が過ぎました。カードを置いたまま、もう一度確認してください。',
  KIBAN_CARD_NOT_RECOGNISED:
    'このカードの電子証明書を介護WEBサービスで確認できませんでした。目視での確認か紙の証で受け付けてください。',
  SESSION_ONLINE_AVAILABLE: '介護WEBサービスに接続できます。オフラインではなく、通常のログインをしてください。',
  // Idle lock (DESIGN.md §4, issue 5 item 4): personal data stays hidden until the same staff member resumes.
  SESSION_IDLE_LOCKED: '一定時間操作がなかったため、画面をロックしました。パスワードを入力して再開してください。',
  SESSION_RESUME_REFUSED:
    'パスワードが正しくないため、ロックを解除できませんでした。別の職員の方は「別の職員でログイン」を選んでください。',
  // Certificate provisioning (issue 5 items 3 and 6): files handed over by the installer, the screen's chosen file.
  CERT_FILE_UNREADABLE: '証明書ファイル（.p12）を開けません。ファイルの場所とアクセス権を確認してください。',
  CERT_PASSWORD_FILE_UNREADABLE:
    'パスワードファイルを読み取れません（見つからない・空・アクセス権がない・1行でない）。証明書のパスワードだけを1行で書いたファイルを指定してください。',
  CERT_DROP_FOLDER_AMBIGUOUS:
    '証明書の配置フォルダーに証明書ファイル（.p12）が複数あります。導入する1つだけを残してください。',
  CERT_FILE_NOT_CHOSEN: '証明書ファイルが選ばれていません。「ファイルを選ぶ」から .p12 ファイルを選んでください。',
  PROVISION_NO_CONFIG:
    'このPCには設定ファイルがありません。--config で設定ファイルを指定するか、先に共通の設定ファイルを配置してください。',
  // 障害時受付 (UX.md rule 9).
  RECEPTION_INVALID: '障害時受付の入力に誤りがあります。赤字の項目を確認してください。',
  RECEPTION_NOT_FOUND: 'この障害時受付の記録が見つかりません。一覧を開き直してください。',
  SESSION_SERVICE_UNAVAILABLE:
    '介護WEBサービスが停止中です（障害またはメンテナンス）。資格確認は障害時受付で続け、復旧後に自動で再確認します。',
  RECEPTION_NOT_AWAITING:
    'この障害時受付は承認待ちではありません（再確認前か、すでに判断済みです）。一覧を開き直してください。',
  // Outage lists (issue 7): the CSV is written by the main process to a file chosen in a save dialog.
  LISTS_SAVE_UNAVAILABLE: 'この環境では保存先を選ぶ画面を開けません。アプリを再起動してから、もう一度お試しください。',
  LISTS_EXPORT_FAILED:
    'ファイルを保存できませんでした。保存先のフォルダーと空き容量、ファイルが他のアプリで開かれていないかを確認してください。',
  PERSON_TAB_NOT_CACHED:
    'この情報はまだこのPCに保存されていません。オンラインのときに一度開くと保存され、以後はオフラインでも表示できます。',
  // Care-plan exchange (issue 8, DOMAIN.md §4, UX.md rules 13–14).
  CAREPLAN_PARTNER_INVALID: '連携先の入力に誤りがあります。赤字の項目を確認してください。',
  CAREPLAN_SELF_SEND:
    '自事業所と同じ事業所番号には送れません（ケアプランデータ連携の仕様）。連携先の事業所番号を確認してください。',
  CAREPLAN_PARTNER_NOT_FOUND: 'この連携先が見つかりません。連携先一覧を開き直してください。',
  CAREPLAN_FILES_INVALID:
    'ケアプランのファイルに誤りがあるため、作成・取り込みできませんでした。検査結果の一覧で行と項目を確認してください。',
  CAREPLAN_NOT_FOUND: '指定した利用者・月のケアプランが見つかりません。一覧を開き直してください。',
  CAREPLAN_LEDGER_NOT_FOUND: 'この送受信記録が見つかりません。送受信台帳を開き直してください。',
  CAREPLAN_PARTNER_PAPER_ONLY:
    'この連携先はケアプランデータ連携を使っていません。「印刷・FAX用に出力」で紙で送付してください。',
  // Moving to a new PC (issue 9): `kaigo-desk records export / import`.
  RECORDS_PASSPHRASE_FILE:
    'パスフレーズのファイルを読み取れません（見つからない・アクセス権がない・1行でない）。パスフレーズだけを1行で書いたファイルを指定してください。',
  RECORDS_PASSPHRASE_WEAK:
    'パスフレーズが短すぎます。12文字以上のパスフレーズだけを1行で書いたファイルを指定してください。',
  RECORDS_PASSPHRASE_WRONG: 'パスフレーズが違います。書き出したときのパスフレーズのファイルを指定してください。',
  RECORDS_FILE_TAMPERED: '記録ファイルが壊れているか、書き換えられています。元のPCでもう一度書き出してください。',
  RECORDS_FILE_FORMAT: '介護デスクの記録ファイルではないか、この版では読めない形式です。',
  RECORDS_VERSION_MISMATCH:
    '記録ファイルを書き出した介護デスクと、このPCの介護デスクの版が違います。同じ版にそろえてから、もう一度お試しください。',
  RECORDS_NEEDS_CONFIG:
    '記録の書き出し・取り込みは、設定ファイルのある本番のPCでだけ使えます（練習モードの記録は移せません）。',
  RECORDS_TARGET_NOT_EMPTY:
    'このPCにはすでに記録（送信待ち・紙の証・メモなど）があります。記録の取り込みは、導入したばかりのPCでだけ行えます。',
  OFFICE_UNKNOWN: 'この事業所はこのPCに設定されていません。設定されている事業所から選んでください。',
  // Care-plan official channel (issue 8 follow-up): folders for the official client or browser upload.
  CAREPLAN_FOLDER_UNAVAILABLE: 'この画面ではフォルダーを選べません。アプリを再起動してからもう一度操作してください。',
  CAREPLAN_FOLDER_WRITE_FAILED:
    'フォルダーにファイルを書き出せませんでした。同じ名前のファイルがないか、フォルダーへの書き込み権限と空き容量を確認してください。',
  CAREPLAN_FOLDER_READ_FAILED: 'フォルダーを読み取れませんでした。フォルダーの場所とアクセス権を確認してください。',
  CAREPLAN_FILE_TOKEN_UNKNOWN:
    'ドロップしたファイルの情報が古くなっています。ファイルをもう一度ドロップするか選び直してください。',
  CAREPLAN_NOT_AWAITING_UPLOAD:
    'この記録はアップロード待ちではありません。送受信台帳を開き直して、状態を確認してください。',
  // Drop folder (DESIGN.md §4, README 証明書の導入): the password file is for the installer and this PC's users only.
  CERT_DROP_PASSWORD_FILE_EXPOSED:
    '証明書の配置フォルダーのパスワードファイルを、このPCの利用者以外も読める（または書き換えられる）状態のため、取り込みませんでした。導入担当者が、所有者と利用者のグループだけが読めるように設定してください（例: chmod 640）。',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

/**
 * Small, typed, non-personal facts a failure may carry to the screen beside its message (never free text):
 * when a locked account opens again and how many tries are left (SESSION_LOCKED_OUT, SESSION_LOGIN_FAILED,
 * SESSION_OTP_WRONG — DOMAIN.md §3.2). Only what `errorDetail()` lets through crosses IPC.
 */
export interface ErrorDetail {
  /** ISO instant when the lockout ends (the server's answer). */
  lockedUntil?: string;
  /** Tries left before the account locks or the code is discarded. */
  attemptsLeft?: number;
}

export interface KaigoErrorInfo {
  code: ErrorCode;
  message: string;
  detail?: ErrorDetail;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KaigoErrorInfo };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_MESSAGES, value);
}

export function errorInfo(code: ErrorCode, detail?: ErrorDetail): KaigoErrorInfo {
  return detail ? { code, message: ERROR_MESSAGES[code], detail } : { code, message: ERROR_MESSAGES[code] };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The whitelist: keeps only a well-formed instant and a small count; anything else is dropped. */
export function errorDetail(value: unknown): ErrorDetail | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { lockedUntil, attemptsLeft } = value as Record<string, unknown>;
  const out: ErrorDetail = {};
  if (typeof lockedUntil === 'string' && ISO_INSTANT.test(lockedUntil) && !Number.isNaN(Date.parse(lockedUntil))) {
    out.lockedUntil = lockedUntil;
  }
  if (typeof attemptsLeft === 'number' && Number.isInteger(attemptsLeft) && attemptsLeft >= 0 && attemptsLeft <= 99) {
    out.attemptsLeft = attemptsLeft;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
