// The 利用者 detail tabs beyond the 証: 申請進捗, 住宅改修・福祉用具, 認定調査票・主治医意見書 (issue 6).
export { cachedTab, refreshTab, type TabKind, type TabOptions } from './tabs';
