import { isoDate, type CalendarDate } from '../../contract/time';
import type { SnapshotBodies } from '../cache';
import { officialBenefitLimit } from './benefit-limits';

// The answer at a glance (UX.md rule 7): one state badge, a one-line next action, and the documents to ask for.
// Pure: takes what the service (or the cache, or paper) says and today's Japan date.

export type EligibilityState =
  | 'valid' // 有効
  | 'invalid' // 資格無効
  | 'pending-data' // 資格情報なし・反映待ち
  | 'card-cert-expiring' // 電子証明書期限間近
  | 'expired' // 期限切れ
  | 'applying' // 申請中（更新・区分変更）
  | 'insurer-not-live'; // 保険者が介護情報基盤に未接続

export interface StateText {
  label: string;
  action: string;
  documents: string[];
}

export const STATE_TEXT: Record<EligibilityState, StateText> = {
  valid: { label: '有効', action: 'このままサービスを提供できます。', documents: [] },
  invalid: {
    label: '資格無効',
    action: '保険者に資格の状況を確認してください。急ぎの場合は申立書で受け付けられます。',
    documents: ['介護保険被保険者証（紙）', '申立書'],
  },
  'pending-data': {
    label: '資格情報なし・反映待ち',
    action: '情報がまだ反映されていません。数日後に再確認してください。それまでは紙の証で確認します。',
    documents: ['介護保険被保険者証（紙）', '負担割合証（紙）'],
  },
  'card-cert-expiring': {
    label: '電子証明書期限間近',
    action: 'マイナンバーカードの電子証明書の更新を市区町村窓口で行うよう案内してください。',
    documents: [],
  },
  expired: {
    label: '期限切れ',
    action: '認定有効期間が過ぎています。更新の状況を保険者に確認してください。',
    documents: ['介護保険被保険者証（紙）', '資格確認書'],
  },
  applying: {
    label: '申請中（更新・区分変更）',
    action: '認定結果が出るまで暫定でサービス計画を立てます。結果通知を確認してください。',
    documents: ['申請書の控え', '介護保険被保険者証（紙）'],
  },
  'insurer-not-live': {
    label: '保険者が未接続',
    action: 'この保険者はまだ介護情報基盤に接続していません。紙の証で確認してください。',
    documents: ['介護保険被保険者証（紙）', '負担割合証（紙）', '負担限度額認定証（紙）'],
  },
};

export type Warning =
  | { code: 'certification-ending'; daysLeft: number }
  | { code: 'burden-ratio-ending'; daysLeft: number }
  | { code: 'benefit-limit-differs'; printed: number; official: number };

export interface EligibilityInput {
  /** What the service said about the person. */
  answer: 'found' | 'not-found' | 'invalid' | 'insurer-not-live';
  insuredCard: SnapshotBodies['insured-card'] | null;
  burdenRatio: SnapshotBodies['burden-ratio'] | null;
  certification: SnapshotBodies['certification'] | null;
  /** notAfter of the client's My Number card user certificate, when read at the counter (ISO date). */
  cardCertificateNotAfter: string | null;
  today: CalendarDate;
}

export interface EligibilityView {
  state: EligibilityState;
  text: StateText;
  warnings: Warning[];
  /** For 反映待ち: re-check after this many days (UX.md rule 7 「n日後に再確認」). */
  recheckInDays: number | null;
}

const DAY = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const daysFrom = (today: string, to: string) => Math.round((toUtc(to) - toUtc(today)) / DAY);

export function eligibilityView(input: EligibilityInput): EligibilityView {
  const today = isoDate(input.today);
  const warnings: Warning[] = [];
  const view = (state: EligibilityState, recheckInDays: number | null = null): EligibilityView => ({
    state,
    text: STATE_TEXT[state],
    warnings,
    recheckInDays,
  });

  if (input.answer === 'insurer-not-live') return view('insurer-not-live');
  if (input.answer === 'invalid') return view('invalid');
  if (input.answer === 'not-found' || !input.insuredCard) return view('pending-data', 3);

  const card = input.insuredCard;
  const end = card.certificationPeriod?.to ?? null;
  if (end) {
    const left = daysFrom(today, end);
    if (left >= 0 && left <= 60) warnings.push({ code: 'certification-ending', daysLeft: left });
  }
  if (input.burdenRatio) {
    const left = daysFrom(today, input.burdenRatio.period.to);
    if (left >= 0 && left <= 30) warnings.push({ code: 'burden-ratio-ending', daysLeft: left });
  }
  if (card.benefitLimit && card.careLevel) {
    const official = officialBenefitLimit(card.careLevel, card.benefitLimit.period.from);
    if (official !== null && official !== card.benefitLimit.units) {
      warnings.push({ code: 'benefit-limit-differs', printed: card.benefitLimit.units, official });
    }
  }

  if (input.certification?.status === '1') return view('applying');
  if (end && end < today) return view('expired');
  if (input.cardCertificateNotAfter && daysFrom(today, input.cardCertificateNotAfter) <= 90)
    return view('card-cert-expiring');
  return view('valid');
}
