// 電子請求受付システム ID: for 介護 it starts with 「KJ」 (DOMAIN.md §3.2); the configuration allows KJ + up to 18
// upper-case letters or digits (the exact length is not public). Each way it can be wrong gets its own sentence,
// because 導入チェック must name the exact failing condition (UX.md rule 12).

export const BILLING_ID_MAX_LENGTH = 20;

/** The exact failing condition, or null when the ID has the right form. */
export function billingIdProblem(id: string | null | undefined): string | null {
  if (!id) return '電子請求受付システムIDが設定されていません';
  if (/\s/.test(id)) return '電子請求受付システムIDに空白が含まれています';
  if (/^kj/i.test(id) && !id.startsWith('KJ')) return '電子請求受付システムIDの「KJ」は英大文字で入力します';
  if (!id.startsWith('KJ'))
    return `電子請求受付システムIDが「KJ」で始まっていません（先頭: ${[...id].slice(0, 2).join('')}）`;
  if (id.length === 2) return '電子請求受付システムIDが「KJ」だけで、続く英数字がありません';
  if (!/^[0-9A-Z]+$/.test(id)) return '電子請求受付システムIDに英大文字・数字以外の文字が含まれています';
  if (id.length > BILLING_ID_MAX_LENGTH) return `電子請求受付システムIDが${BILLING_ID_MAX_LENGTH}文字を超えています`;
  return null;
}
