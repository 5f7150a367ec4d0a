import type { CalendarDate } from '../../contract/time';
import { isoDate } from '../../contract/time';

// 期限管理 (UX.md rule 11, issue 7): per office, everything that will cost the office money or a client their
// service if missed, sorted by urgency. Pure: the caller passes the latest snapshots and today's Japan date.

export type DeadlineKind =
  | 'certification-end' // 認定有効期間 終了: 更新申請 window from −60 days, 要注意 at −30
  | 'burden-ratio-end' // 負担割合証 適用期間 (8/1–7/31)
  | 'burden-limit-end' // 負担限度額認定証 終了
  | 'office-certificate' // the office's client certificate (from −90 days)
  | 'pending-before-billing'; // still 申請中 before month-end billing

export type Urgency = 'overdue' | 'urgent' | 'soon' | 'info';

export interface DeadlineItem {
  kind: DeadlineKind;
  /** Person key, or null for office-wide items (the certificate). */
  personKey: string | null;
  dueDate: string;
  daysLeft: number;
  urgency: Urgency;
  /** What to do, in Japanese. */
  action: string;
}

export interface TrackerPerson {
  personKey: string;
  certificationEnd: string | null;
  applying: boolean;
  burdenRatioEnd: string | null;
  burdenLimitEnd: string | null;
}

const DAY = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const daysBetween = (from: string, to: string) => Math.round((toUtc(to) - toUtc(from)) / DAY);

const URGENCY_ORDER: Record<Urgency, number> = { overdue: 0, urgent: 1, soon: 2, info: 3 };

function monthEnd(today: CalendarDate): string {
  return isoDate({
    year: today.year,
    month: today.month,
    day: new Date(Date.UTC(today.year, today.month, 0)).getUTCDate(),
  });
}

export function buildDeadlines(
  persons: readonly TrackerPerson[],
  office: { certificateNotAfter: string | null },
  todayDate: CalendarDate,
): DeadlineItem[] {
  const today = isoDate(todayDate);
  const items: DeadlineItem[] = [];
  const add = (
    kind: DeadlineKind,
    personKey: string | null,
    dueDate: string,
    urgency: Urgency | null,
    action: string,
  ) => {
    if (urgency) items.push({ kind, personKey, dueDate, daysLeft: daysBetween(today, dueDate), urgency, action });
  };

  /** Overdue once passed, then urgent and soon within the given windows (days), else not listed. */
  const byWindow = (dueDate: string, urgentDays: number, soonDays: number): Urgency | null => {
    const left = daysBetween(today, dueDate);
    return left < 0 ? 'overdue' : left <= urgentDays ? 'urgent' : left <= soonDays ? 'soon' : null;
  };

  for (const p of persons) {
    if (p.certificationEnd && !p.applying) {
      const urgency = byWindow(p.certificationEnd, 30, 60);
      add(
        'certification-end',
        p.personKey,
        p.certificationEnd,
        urgency,
        urgency === 'overdue'
          ? '認定有効期間が終了しています。更新申請の状況を保険者に確認してください。'
          : '更新申請の時期です（終了日の60日前から申請できます）。',
      );
    }
    if (p.burdenRatioEnd) {
      add(
        'burden-ratio-end',
        p.personKey,
        p.burdenRatioEnd,
        byWindow(p.burdenRatioEnd, 14, 30),
        '8月1日からの新しい負担割合証を確認してください。',
      );
    }
    if (p.burdenLimitEnd) {
      add(
        'burden-limit-end',
        p.personKey,
        p.burdenLimitEnd,
        byWindow(p.burdenLimitEnd, 14, 30),
        '負担限度額認定証の更新申請（毎年）を案内してください。',
      );
    }
    if (p.applying) {
      const end = monthEnd(todayDate);
      const left = daysBetween(today, end);
      add(
        'pending-before-billing',
        p.personKey,
        end,
        left <= 7 ? 'urgent' : 'info',
        '申請中です。月末の請求前に認定結果を確認してください。',
      );
    }
  }
  if (office.certificateNotAfter) {
    add(
      'office-certificate',
      null,
      office.certificateNotAfter,
      byWindow(office.certificateNotAfter, 14, 90),
      '事業所のクライアント証明書を電子請求受付システムで更新し、取り込み直してください。',
    );
  }
  return items.sort(
    (a, b) =>
      URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
      a.daysLeft - b.daysLeft ||
      (a.personKey ?? '').localeCompare(b.personKey ?? ''),
  );
}
