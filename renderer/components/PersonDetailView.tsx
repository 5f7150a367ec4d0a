import type { CachedItem, PersonDetail } from '../../electron/contract';
import { BURDEN_RATIO_LABELS, CARE_LEVEL_LABELS, japanStamp, parseCalendarDate } from '../../electron/contract';
import { JapaneseDate } from './JapaneseDate';

// One person at a glance (UX.md rules 7, 8, 10): the state badge with its next action and documents, then every
// cached item with its source and 「最終確認」, amber when stale and red when expired.

const KIND_LABEL: Record<CachedItem['kind'], string> = {
  'insured-card': '介護保険被保険者証',
  'burden-ratio': '負担割合証',
  'burden-limit': '負担限度額認定証',
  certification: '要介護認定',
};

const SOURCE_LABEL: Record<CachedItem['source'], string> = {
  api: 'オンライン',
  training: 'オンライン（練習）',
  paper: '紙',
  declaration: '申立（未確認）',
};

const CARE_LEVEL: Record<string, string> = CARE_LEVEL_LABELS;
const RATIO: Record<string, string> = BURDEN_RATIO_LABELS;

function DateText({ iso }: { iso: unknown }) {
  const d = typeof iso === 'string' ? parseCalendarDate(iso) : null;
  return d ? <JapaneseDate date={d} /> : <span>—</span>;
}

function ItemFacts({ item }: { item: CachedItem }) {
  const b = item.body as Record<string, never>;
  const period = (b.period ?? b.certificationPeriod) as { from?: string; to?: string } | undefined;
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
      {period && (
        <>
          <dt>有効期間</dt>
          <dd>
            <DateText iso={period.from} /> 〜 <DateText iso={period.to} />
          </dd>
        </>
      )}
    </dl>
  );
}

export function PersonDetailView({ detail }: { detail: PersonDetail }) {
  const { person, eligibility, items } = detail;
  const unmappable = person.name.includes('●');
  return (
    <article className="person-detail" aria-labelledby="person-name">
      <header>
        <h2 id="person-name">
          {person.name || '（氏名の情報なし）'}
          {person.nameKana && <span className="kana">（{person.nameKana}）</span>}
        </h2>
        {unmappable && (
          <p className="note" role="note">
            ●は国のデータで表示できない文字です。カナ氏名と被保険者番号で本人を確認してください。
          </p>
        )}
        <p className="ids">
          <span>保険者番号 {person.insurerNumber}</span>
          <span>被保険者番号 {person.insuredNumber}</span>
          {person.birthDate && (
            <span>
              生年月日 <DateText iso={person.birthDate} />
            </span>
          )}
        </p>
      </header>
      <section
        className={`eligibility state-${eligibility.state}`}
        aria-label="資格の状態"
        data-state={eligibility.state}
      >
        <p className="badge">{eligibility.label}</p>
        <p>{eligibility.action}</p>
        {eligibility.documents.length > 0 && <p>確認する書類: {eligibility.documents.join('、')}</p>}
        {eligibility.recheckInDays !== null && <p>{eligibility.recheckInDays}日後に再確認してください。</p>}
        {eligibility.warnings.length > 0 && (
          <ul className="warnings">
            {eligibility.warnings.map((w) => (
              <li key={w.code}>{w.message}</li>
            ))}
          </ul>
        )}
      </section>
      {items.map((item) => (
        <section
          key={item.kind}
          className={`item freshness-${item.freshness.level}`}
          aria-label={KIND_LABEL[item.kind]}
        >
          <h3>{KIND_LABEL[item.kind]}</h3>
          <ItemFacts item={item} />
          <p className="confirmed">
            最終確認: {japanStamp(new Date(item.confirmedAt))}（{SOURCE_LABEL[item.source]}）
            {item.freshness.level === 'stale' && ' — 情報が古くなっています。再確認してください。'}
            {item.freshness.level === 'expired' && ' — 有効期限を過ぎています。'}
          </p>
        </section>
      ))}
    </article>
  );
}
