import { useEffect, useState, type FormEvent } from 'react';
import type { KaigoErrorInfo, PersonDetail } from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DateText, ItemFacts } from '../../components/ItemFacts';
import { PersonNumberFields, usePersonNumbers } from '../../components/PersonNumberFields';
import { ProgressPanel } from '../../components/PersonTabs';
import { useRecentPerson } from './recent-person';

// 認定・進捗: the selected (or most recently opened) person's 要介護認定 and 申請進捗 (DOMAIN.md §2.3, §2.11). Another
// person is opened by 保険者番号 + 被保険者番号 (never by name: UX.md rule 8).

export function CertificationScreen() {
  const { personKey, remember } = useRecentPerson();
  const [detail, setDetail] = useState<PersonDetail | null>(null);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  const numbers = usePersonNumbers();

  useEffect(() => {
    if (!personKey) return;
    let stale = false;
    void call('persons.get', { personKey }).then((r) => {
      if (stale) return;
      setDetail(r.ok ? r.value : null);
      setError(r.ok ? null : r.error);
    });
    return () => {
      stale = true;
    };
  }, [personKey]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    remember(numbers.personKey);
  };

  const certification =
    detail?.items.find((i) => i.kind === 'certification') ?? detail?.items.find((i) => i.kind === 'insured-card');
  const body = certification?.body as { appliedOn?: string; certifiedOn?: string } | undefined;

  return (
    <div className="certification-screen">
      <form onSubmit={onSubmit} className="inline-form">
        <PersonNumberFields numbers={numbers} />
        <button type="submit">表示</button>
      </form>
      {error && <ErrorNotice error={error} />}
      {!personKey && <p>利用者を開く（資格確認・利用者の画面）か、番号を入力すると、認定と申請の進捗を表示します。</p>}
      {detail && personKey && (
        <article aria-labelledby="certification-person">
          <h2 id="certification-person">
            {detail.person.name || '（氏名の情報なし）'}
            {detail.person.nameKana && <span className="kana">（{detail.person.nameKana}）</span>}
          </h2>
          <section aria-label="要介護認定">
            <h3>要介護認定</h3>
            <p className="badge">{detail.eligibility.label}</p>
            {certification ? (
              <>
                <ItemFacts body={certification.body} />
                {body?.appliedOn && (
                  <p>
                    申請日 <DateText iso={body.appliedOn} />
                  </p>
                )}
                {body?.certifiedOn && (
                  <p>
                    認定年月日 <DateText iso={body.certifiedOn} />
                  </p>
                )}
              </>
            ) : (
              <p>認定の情報はまだこのPCにありません。</p>
            )}
          </section>
          <section aria-label="申請進捗">
            <h3>申請進捗</h3>
            <ProgressPanel personKey={personKey} active />
          </section>
        </article>
      )}
    </div>
  );
}
