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
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export interface KaigoErrorInfo {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KaigoErrorInfo };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_MESSAGES, value);
}

export function errorInfo(code: ErrorCode): KaigoErrorInfo {
  return { code, message: ERROR_MESSAGES[code] };
}
