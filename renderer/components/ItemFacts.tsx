import type { CachedItem } from '../../electron/contract';
import {
  BURDEN_RATIO_LABELS,
  BURDEN_STAGE_LABELS,
  CARE_LEVEL_LABELS,
  parseCalendarDate,
} from '../../electron/contract';
import { JapaneseDate } from './JapaneseDate';

// The facts of one 証 item that the counter acts on (DOMAIN.md §2.2–§2.6), shared by the detail view and the print.

export const KIND_LABEL: Record<CachedItem['kind'], string> = {
  'insured-card': '介護保険被保険者証',
  'burden-ratio': '負担割合証',
  'burden-limit': '負担限度額認定証',
  certification: '要介護認定',
};

export const SOURCE_LABEL: Record<CachedItem['source'], string> = {
  api: 'オンライン',
  training: 'オンライン（練習）',
  paper: '紙',
  declaration: '申立（未確認）',
};

const CARE_LEVEL: Record<string, string> = CARE_LEVEL_LABELS;
const RATIO: Record<string, string> = BURDEN_RATIO_LABELS;
const STAGE: Record<string, string> = BURDEN_STAGE_LABELS;

export function DateText({ iso }: { iso: unknown }) {
  const d = typeof iso === 'string' ? parseCalendarDate(iso) : null;
  return d ? <JapaneseDate date={d} /> : <span>—</span>;
}

export function ItemFacts({ body }: { body: Record<string, unknown> }) {
  const b = body as Record<string, never>;
  const period = (b.period ?? b.certificationPeriod) as { from?: string; to?: string } | undefined;
  const limit = b.benefitLimit as { units?: number } | undefined;
  return (
    <dl className="facts">
      {b.careLevel && (
        <>
          <dt>要介護状態区分</dt>
          <dd>{CARE_LEVEL[b.careLevel] ?? b.careLevel}</dd>
        </>
      )}
      {b.ratio && (
        <>
          <dt>利用者負担の割合</dt>
          <dd>{RATIO[b.ratio] ?? b.ratio}</dd>
        </>
      )}
      {b.stage && (
        <>
          <dt>利用者負担段階</dt>
          <dd>{STAGE[b.stage] ?? b.stage}</dd>
        </>
      )}
      {period && (
        <>
          <dt>有効期間</dt>
          <dd>
            <DateText iso={period.from} /> 〜 <DateText iso={period.to} />
          </dd>
        </>
      )}
      {typeof limit?.units === 'number' && (
        <>
          <dt>区分支給限度基準額</dt>
          <dd>{limit.units.toLocaleString('ja-JP')}単位/月</dd>
        </>
      )}
    </dl>
  );
}
