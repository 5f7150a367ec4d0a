import { useEffect, useState, type ReactNode } from 'react';
import {
  parseCalendarDate,
  type BasicInfoView,
  type KaigoErrorInfo,
  type PreventionPlanView,
} from '../../../electron/contract';
import { call } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { JapaneseDate } from '../../components/JapaneseDate';

// 介護予防 documents a 地域包括支援センター sent for one person (DOMAIN.md §4.3/§4.7), laid out in the order of the
// paper forms: 利用者基本情報 (with 別表1 1日の生活 and 別表2 現病歴・既往歴) per 相談日, then 介護予防サービス・支援
// 計画書 (with its 別表 支援計画) per 計画作成(変更)日, newest first. Codes arrive as labels from main. A document a
// deletion file removed is listed as 削除済み with the deletion's ファイル連番.

const NONE = '—';

/** A YYYYMMDD date in 和暦 with the Western date beside it; other text as written. */
function Day({ value }: { value: string }) {
  if (value === '') return <>{NONE}</>;
  const d = parseCalendarDate(value);
  return d ? <JapaneseDate date={d} /> : <>{value}</>;
}

const show = (v: string) => (v === '' ? NONE : v);

function Fact({ term, children, pre }: { term: string; children: ReactNode; pre?: boolean }) {
  return (
    <>
      <dt>{term}</dt>
      <dd className={pre ? 'pre' : undefined}>{typeof children === 'string' ? show(children) : children}</dd>
    </>
  );
}

/** A wide table scrolls in its own box; the box takes focus so keyboard users can scroll it. */
function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="careplan-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

function Deleted({ sequence }: { sequence: string | null }) {
  return <p className="prevention-deleted">削除済み（連番 {sequence ?? '不明'}）</p>;
}

function BasicInfoDocument({ info }: { info: BasicInfoView }) {
  const b = info.basic;
  const headingId = `kihon-${info.consultedOn}`;
  return (
    <article className="prevention-document" aria-labelledby={headingId}>
      <h3 id={headingId}>
        利用者基本情報（相談日 <Day value={info.consultedOn} />）
      </h3>
      {info.deletedBySequence !== null && <Deleted sequence={info.deletedBySequence} />}
      {b && (
        <>
          <dl className="facts" aria-label="相談の受付">
            <Fact term="計画種類">{b.planKind}</Fact>
            <Fact term="委託の有無">{b.entrusted}</Fact>
            <Fact term="作成担当者">{b.staffName}</Fact>
            <Fact term="相談方法">
              {b.consultationMethodNote
                ? `${show(b.consultationMethod)}（${b.consultationMethodNote}）`
                : b.consultationMethod}
            </Fact>
            <Fact term="相談回数">
              {show(b.consultationCount)}
              {b.previousConsultedOn && (
                <>
                  （前回 <Day value={b.previousConsultedOn} />）
                </>
              )}
            </Fact>
            <Fact term="利用者の現況">{[b.currentSituation, b.currentSituationNote].filter(Boolean).join('　')}</Fact>
          </dl>
          <h4>本人の状況</h4>
          <dl className="facts" aria-label="本人の状況">
            <Fact term="氏名">
              {show(b.name)}
              {b.nameKana && <span className="kana">（{b.nameKana}）</span>}
            </Fact>
            <Fact term="性別">{b.sex}</Fact>
            <Fact term="生年月日">
              <Day value={b.birthDate} />
            </Fact>
            <Fact term="住所">{b.address}</Fact>
            <Fact term="電話番号">{b.phone}</Fact>
            <Fact term="FAX番号">{b.fax}</Fact>
            <Fact term="障害高齢者の日常生活自立度">{b.physicalIndependence}</Fact>
            <Fact term="認知症高齢者の日常生活自立度">{b.dementiaIndependence}</Fact>
            <Fact term="要介護状態区分">{b.careLevel}</Fact>
            <Fact term="認定の有効期間">
              <Day value={b.validFrom} />〜<Day value={b.validTo} />
            </Fact>
            <Fact term="前回の介護度">{b.previousCareLevel}</Fact>
            <Fact term="基本チェックリスト記入結果">
              {show(b.checklistResult)}
              {b.checklistOn && (
                <>
                  （記入日 <Day value={b.checklistOn} />）
                </>
              )}
            </Fact>
            <Fact term="障害等認定">
              {b.disabilities.length > 0 ? b.disabilities.join('・') : 'なし'}
              {b.disabilityNote && `（${b.disabilityNote}）`}
            </Fact>
            <Fact term="居住形態">
              {show(b.residence)}
              {b.roomFloor && `（自室 ${b.roomFloor}階）`}
            </Fact>
            <Fact term="住宅改修の有無">{b.homeModified}</Fact>
            <Fact term="経済状況">
              {b.finances.length > 0 ? b.finances.join('・') : NONE}
              {b.financialNote && `（${b.financialNote}）`}
            </Fact>
            <Fact term="来所者（相談者）">
              {[b.visitor.name, b.visitor.relation && `続柄 ${b.visitor.relation}`, b.visitor.address, b.visitor.phone]
                .filter(Boolean)
                .join('　') || NONE}
            </Fact>
          </dl>
          {b.emergencyContacts.length > 0 && (
            <table className="results" aria-label="緊急連絡先">
              <caption>緊急連絡先</caption>
              <thead>
                <tr>
                  <th scope="col">氏名</th>
                  <th scope="col">続柄</th>
                  <th scope="col">住所</th>
                  <th scope="col">電話番号</th>
                </tr>
              </thead>
              <tbody>
                {b.emergencyContacts.map((c, n) => (
                  <tr key={n}>
                    <td>{show(c.name)}</td>
                    <td>{show(c.relation)}</td>
                    <td>{show(c.address)}</td>
                    <td>{show(c.phone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h4>生活の状況</h4>
          <dl className="facts" aria-label="生活の状況">
            <Fact term="家族構成">{b.familyImageFile ? `画像ファイル ${b.familyImageFile}（別送）` : NONE}</Fact>
            <Fact term="家族関係等の状況" pre>
              {b.familySituation}
            </Fact>
            <Fact term="今までの生活" pre>
              {b.lifeHistory}
            </Fact>
            <Fact term="1日の生活・すごし方" pre>
              {b.dailyLife}
            </Fact>
            <Fact term="趣味・楽しみ・特技" pre>
              {b.hobbies}
            </Fact>
            <Fact term="友人・地域との関係" pre>
              {b.community}
            </Fact>
            <Fact term="現在利用している公的サービス" pre>
              {b.publicServices}
            </Fact>
            <Fact term="現在利用している非公的サービス" pre>
              {b.informalServices}
            </Fact>
          </dl>
        </>
      )}
      {info.dailyLife.length > 0 && (
        <table className="results" aria-label="別表1 1日の生活・すごし方">
          <caption>別表1 1日の生活・すごし方</caption>
          <thead>
            <tr>
              <th scope="col">時間</th>
              <th scope="col">本人の生活状況</th>
              <th scope="col">介護者・家族の生活状況</th>
            </tr>
          </thead>
          <tbody>
            {info.dailyLife.map((r, n) => (
              <tr key={n}>
                <td>{show(r.time)}</td>
                <td className="pre">{show(r.personActivity)}</td>
                <td className="pre">{show(r.familyActivity)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {info.medicalHistory.length > 0 && (
        <Scroll label="別表2 現病歴・既往歴">
          <table className="results">
            <caption>別表2 現病歴・既往歴</caption>
            <thead>
              <tr>
                <th scope="col">年月日</th>
                <th scope="col">病名</th>
                <th scope="col">医療機関・医師名</th>
                <th scope="col">主治医・意見作成者</th>
                <th scope="col">電話番号</th>
                <th scope="col">経過</th>
                <th scope="col">治療中の内容</th>
              </tr>
            </thead>
            <tbody>
              {info.medicalHistory.map((r, n) => (
                <tr key={n}>
                  <td>{show(r.date)}</td>
                  <td>{show(r.disease)}</td>
                  <td>{show(r.institution)}</td>
                  <td>{show(r.attendingFlag)}</td>
                  <td>{show(r.phone)}</td>
                  <td>{show(r.progress)}</td>
                  <td className="pre">{show(r.treatment)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      {b && (
        <dl className="facts" aria-label="同意">
          <Fact term="同意日">
            <Day value={b.consentOn} />
          </Fact>
          <Fact term="同意者">{b.consentBy}</Fact>
        </dl>
      )}
    </article>
  );
}

function PreventionPlanDocument({ doc }: { doc: PreventionPlanView }) {
  const p = doc.plan;
  const headingId = `yobo-${doc.planDate}`;
  return (
    <article className="prevention-document" aria-labelledby={headingId}>
      <h3 id={headingId}>
        介護予防サービス・支援計画書（計画作成・変更日 <Day value={doc.planDate} />）
      </h3>
      {doc.deletedBySequence !== null && <Deleted sequence={doc.deletedBySequence} />}
      {p && (
        <>
          <dl className="facts" aria-label="計画の概要">
            <Fact term="利用者名">{p.name}</Fact>
            <Fact term="整理番号">{p.referenceNo}</Fact>
            <Fact term="計画種類">{p.planKind}</Fact>
            <Fact term="委託の有無">{p.entrusted}</Fact>
            <Fact term="計画書区分">{p.planCategory}</Fact>
            <Fact term="認定年月日">
              <Day value={p.certifiedOn} />
            </Fact>
            <Fact term="認定の有効期間">
              <Day value={p.validFrom} />〜<Day value={p.validTo} />
            </Fact>
            <Fact term="認定状況区分">{p.certificationStatus}</Fact>
            <Fact term="要支援状態区分">{p.supportLevel}</Fact>
            <Fact term="計画作成者（地域包括支援センター担当者）">{p.centerStaffName}</Fact>
            <Fact term="計画作成者（担当介護支援専門員）">{p.careManagerName}</Fact>
            <Fact term="委託先事業者・事業所">
              {[p.plannerOfficeName, p.plannerOfficeAddress, p.plannerOfficePhone].filter(Boolean).join('　') || NONE}
            </Fact>
            <Fact term="初回作成日">
              <Day value={p.firstPlanDate} />
            </Fact>
            <Fact term="担当地域包括支援センター">{p.supportCenter}</Fact>
          </dl>
          <h4>目標とする生活</h4>
          <dl className="facts" aria-label="目標とする生活">
            <Fact term="1日" pre>
              {p.dailyGoal}
            </Fact>
            <Fact term="1年" pre>
              {p.yearlyGoal}
            </Fact>
          </dl>
          <Scroll label="アセスメント領域と課題">
            <table className="results">
              <caption>アセスメント領域と現在の状況</caption>
              <thead>
                <tr>
                  <th scope="col">アセスメント領域</th>
                  <th scope="col">現在の状況</th>
                  <th scope="col">本人・家族の意欲・意向</th>
                  <th scope="col">領域における課題の有無</th>
                  <th scope="col">課題（背景・原因）</th>
                </tr>
              </thead>
              <tbody>
                {p.domains.map((d) => (
                  <tr key={d.area}>
                    <th scope="row">{d.area}</th>
                    <td className="pre">{show(d.situation)}</td>
                    <td className="pre">{show(d.wishes)}</td>
                    <td>{show(d.hasIssue)}</td>
                    <td className="pre">{show(d.issueBackground)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
          <dl className="facts" aria-label="方針">
            <Fact term="健康状態について（留意点）" pre>
              {p.healthNotes}
            </Fact>
            <Fact term="妥当な支援の実施に向けた方針" pre>
              {p.supportPolicy}
            </Fact>
            <Fact term="総合的な方針（生活不活発病の改善・予防のポイント）" pre>
              {p.overallPolicy}
            </Fact>
          </dl>
          <table className="results" aria-label="基本チェックリスト">
            <caption>基本チェックリストの該当数と事業プログラムの要否</caption>
            <thead>
              <tr>
                <th scope="col">区分</th>
                <th scope="col">該当数</th>
                <th scope="col">事業プログラム</th>
              </tr>
            </thead>
            <tbody>
              {p.checklist.map((c) => (
                <tr key={c.area}>
                  <th scope="row">{c.area}</th>
                  <td className="num">{c.count ?? NONE}</td>
                  <td>{show(c.program)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {doc.support.length > 0 && (
        <Scroll label="別表 支援計画">
          <table className="results prevention-support">
            <caption>支援計画（別表）</caption>
            <thead>
              <tr>
                <th scope="col">課題NO</th>
                <th scope="col">総合的課題</th>
                <th scope="col">課題に対する目標と具体策の提案</th>
                <th scope="col">具体策についての意向（本人・家族）</th>
                <th scope="col">目標</th>
                <th scope="col">支援計画NO</th>
                <th scope="col">目標についての支援のポイント</th>
                <th scope="col">本人等のセルフケアや家族の支援、インフォーマルサービス</th>
                <th scope="col">介護保険サービス又は地域支援事業</th>
                <th scope="col">利用サービスNO</th>
                <th scope="col">サービス種別</th>
                <th scope="col">事業所（利用先）</th>
                <th scope="col">期間</th>
              </tr>
            </thead>
            <tbody>
              {doc.support.map((r, n) => (
                <tr key={n}>
                  <td className="num">{show(r.issueNo)}</td>
                  <td className="pre">{show(r.overallIssue)}</td>
                  <td className="pre">{show(r.proposal)}</td>
                  <td className="pre">{show(r.intention)}</td>
                  <td className="pre">{show(r.goal)}</td>
                  <td className="num">{show(r.supportNo)}</td>
                  <td className="pre">{show(r.supportPoint)}</td>
                  <td className="pre">{show(r.selfCare)}</td>
                  <td className="pre">{show(r.insuredService)}</td>
                  <td className="num">{show(r.serviceNo)}</td>
                  <td>{show(r.serviceType)}</td>
                  <td>{show(r.provider)}</td>
                  <td>{show(r.period)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      {p && (
        <dl className="facts" aria-label="意見と同意">
          <Fact term="地域包括支援センター意見" pre>
            {p.centerOpinion}
          </Fact>
          <Fact term="同意日">
            <Day value={p.consentOn} />
          </Fact>
          <Fact term="同意者">{p.consentBy}</Fact>
        </dl>
      )}
    </article>
  );
}

export function PreventionDocuments({ insurer, insured }: { insurer: string; insured: string }) {
  const [docs, setDocs] = useState<{ basicInfos: BasicInfoView[]; preventionPlans: PreventionPlanView[] } | null>(null);
  const [error, setError] = useState<KaigoErrorInfo | null>(null);
  useEffect(() => {
    void call('careplan.plans', { insurer, insured }).then((r) => (r.ok ? setDocs(r.value) : setError(r.error)));
  }, [insurer, insured]);
  if (error) return <ErrorNotice error={error} />;
  if (!docs) return <p aria-busy="true">読み込み中…</p>;
  if (docs.basicInfos.length === 0 && docs.preventionPlans.length === 0) return null;
  return (
    <section aria-label="介護予防の書類" className="careplan-documents prevention-documents">
      {docs.basicInfos.map((info) => (
        <BasicInfoDocument key={info.consultedOn} info={info} />
      ))}
      {docs.preventionPlans.map((doc) => (
        <PreventionPlanDocument key={doc.planDate} doc={doc} />
      ))}
    </section>
  );
}
