import { issue, type CarePlanIssue } from './issues';
import type { CarePlanFile } from './reader';

// Send units (DOMAIN.md §4.6): the files of one unit share sender, receiver and the 14-digit ファイル連番. Each file
// is checked on its own; a unit that lacks one of its files (a 第6表 without its 第7表) is only a warning, since
// the missing file may arrive separately.

const TITLES: Record<string, string> = {
  UP1KYO: '第1表（UP1KYO）',
  UP2KYO: '第2表（UP2KYO）',
  UP3KYO: '第3表（UP3KYO）',
  UPPLAN: '第6表（UPPLAN）',
  UPSIKYU: '第7表（UPSIKYU）',
  UPHOSOKU: '利用者補足情報（UPHOSOKU）',
  UPKIHON: '利用者基本情報（UPKIHON）',
  UPYOBO: '介護予防サービス・支援計画書（UPYOBO）',
};

/** Findings for files whose send unit is incomplete, paired with the file they belong to. */
export function checkSendUnits(files: readonly CarePlanFile[]): { file: CarePlanFile; issue: CarePlanIssue }[] {
  const units = new Map<string, CarePlanFile[]>();
  for (const f of files) {
    if (!f.name) continue;
    const key = [
      f.name.sender.office,
      f.name.sender.service,
      f.name.receiver.office,
      f.name.receiver.service,
      f.name.sequence,
    ].join('_');
    units.set(key, [...(units.get(key) ?? []), f]);
  }
  const found: { file: CarePlanFile; issue: CarePlanIssue }[] = [];
  for (const unit of units.values()) {
    for (const f of unit) {
      const needed = f.layout?.sendUnit ?? [];
      const missing = needed.filter((k) => !unit.some((o) => o.kind === k));
      if (missing.length > 0)
        found.push({
          file: f,
          issue: issue(
            'warning',
            'send-unit',
            { file: f.file },
            `同じ送信単位（連番 ${f.name!.sequence}）の${missing.map((k) => TITLES[k] ?? k).join('・')}が見当たりません。`,
          ),
        });
    }
  }
  return found;
}
