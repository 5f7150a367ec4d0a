// The navigation entries, in the order staff use them. Each has a hash route and an Alt+digit shortcut.
export const routes = [
  { id: 'eligibility', label: '資格確認', description: 'マイナンバーカードまたは紙の証で、利用者の資格を確認します。' },
  { id: 'persons', label: '利用者', description: '確認済みの利用者を検索し、最新の情報と最終確認日時を表示します。' },
  {
    id: 'certification',
    label: '認定・進捗',
    description: '要介護認定の状況と、申請から結果通知までの進捗を表示します。',
  },
  {
    id: 'deadlines',
    label: '期限管理',
    description: '認定有効期間・負担割合証・証明書などの期限を、急ぐ順に表示します。',
  },
  {
    id: 'careplan',
    label: 'ケアプラン',
    description: 'ケアプラン標準仕様（CSV v4.1）の送受信とやり取りの記録を扱います。',
  },
  {
    id: 'audit',
    label: '監査ログ',
    description: '閲覧・印刷・送信・カード確認の記録を確認し、運営指導用に出力します。',
  },
  {
    id: 'settings',
    label: '設定',
    description: '事業所・証明書・カードリーダー・接続の設定と、動作状態を表示します。',
  },
] as const;

export type RouteId = (typeof routes)[number]['id'];

export const DEFAULT_ROUTE: RouteId = 'eligibility';

export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '');
  return routes.some((r) => r.id === id) ? (id as RouteId) : DEFAULT_ROUTE;
}
