import type { ModelFile } from './files';
import type {
  BasicInfo,
  DailyLifeTable,
  FirstTable,
  MedicalHistoryTable,
  PersonRef,
  PreventionPlan,
  SecondTable,
  ServiceUseItem,
  ServiceUseTable,
  SeventhTable,
  Supplement,
  SupportPlanTable,
  ThirdTable,
} from './types';

// The applied state of received (or sent) files, per relation key (DOMAIN.md §4.6): person + 対象年月 for
// 第6/7表 and their 利用者補足情報, person + 居宅サービス計画作成（変更）日 for 第1–3表. Sets are applied in ascending
// 14-digit ファイル連番 whatever the arrival order (§4.4); a file older than what a key already holds is skipped.
// Deletions: 6表削除 removes its 7表 (and the month's 補足); 1表削除 removes 2表 and 3表 (and the plan's 補足).
// 介護予防 (§4.3): 利用者基本情報 and its 別表1/2 per person + 相談日, removed together by DLTKIHON; the 支援計画書 and
// its 別表 per person + 計画作成(変更)日, removed together by DLTYOBO.

interface Held<T> {
  value: T;
  sequence: string;
}

export interface MonthState {
  person: PersonRef;
  month: string;
  plan?: Held<ServiceUseTable>;
  seventh?: Held<SeventhTable>;
  supplement?: Held<Supplement>;
  /** 実績 per サービス事業者コード + サービス種類コード (one 実績 file each, §4.6). */
  actuals: Map<string, Held<ServiceUseTable>>;
}

export interface PlanState {
  person: PersonRef;
  planDate: string;
  first?: Held<FirstTable>;
  second?: Held<SecondTable>;
  third?: Held<ThirdTable>;
  supplement?: Held<Supplement>;
}

/** 利用者基本情報 (UPKIHON) with its 別表1 (UPKIHON_SUB1) and 別表2 (UPKIHON_SUB2) for one person and 相談日. */
export interface BasicInfoState {
  person: PersonRef;
  consultedOn: string;
  basic?: Held<BasicInfo>;
  dailyLife?: Held<DailyLifeTable>;
  medicalHistory?: Held<MedicalHistoryTable>;
}

/** 介護予防サービス・支援計画書 (UPYOBO) with its 別表 (UPYOBO_SUB) for one person and 計画作成(変更)日. */
export interface PreventionPlanState {
  person: PersonRef;
  planDate: string;
  plan?: Held<PreventionPlan>;
  support?: Held<SupportPlanTable>;
}

export interface ApplyResult {
  /** Relation keys changed by the file. */
  applied: number;
  /** Relation keys left alone because they already hold a newer ファイル連番. */
  skippedOlder: number;
}

const personKey = (p: PersonRef) => `${p.insurer}:${p.insured}`;

/** Orders files for application: ascending ファイル連番; within one unit, additions before deletions keep file order. */
export function inSequenceOrder<T extends { sequence: string }>(files: readonly T[]): T[] {
  return files
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.sequence.localeCompare(b.f.sequence) || a.i - b.i)
    .map((x) => x.f);
}

export class CarePlanBook {
  private readonly months = new Map<string, MonthState>();
  private readonly plans = new Map<string, PlanState>();
  private readonly basics = new Map<string, BasicInfoState>();
  private readonly preventions = new Map<string, PreventionPlanState>();

  month(person: PersonRef, month: string): MonthState | undefined {
    return this.months.get(`${personKey(person)}:${month}`);
  }

  plan(person: PersonRef, planDate: string): PlanState | undefined {
    return this.plans.get(`${personKey(person)}:${planDate}`);
  }

  /** Every month held, in key order. */
  allMonths(): MonthState[] {
    return [...this.months.values()];
  }

  allPlans(): PlanState[] {
    return [...this.plans.values()];
  }

  basicInfo(person: PersonRef, consultedOn: string): BasicInfoState | undefined {
    return this.basics.get(`${personKey(person)}:${consultedOn}`);
  }

  preventionPlan(person: PersonRef, planDate: string): PreventionPlanState | undefined {
    return this.preventions.get(`${personKey(person)}:${planDate}`);
  }

  /** Every 利用者基本情報 key held (also after a deletion emptied it), in the order first seen. */
  allBasicInfos(): BasicInfoState[] {
    return [...this.basics.values()];
  }

  /** Every 支援計画書 key held (also after a deletion emptied it), in the order first seen. */
  allPreventionPlans(): PreventionPlanState[] {
    return [...this.preventions.values()];
  }

  private basicState(person: PersonRef, consultedOn: string): BasicInfoState {
    const key = `${personKey(person)}:${consultedOn}`;
    let state = this.basics.get(key);
    if (!state) {
      state = { person: { insurer: person.insurer, insured: person.insured }, consultedOn };
      this.basics.set(key, state);
    }
    return state;
  }

  private preventionState(person: PersonRef, planDate: string): PreventionPlanState {
    const key = `${personKey(person)}:${planDate}`;
    let state = this.preventions.get(key);
    if (!state) {
      state = { person: { insurer: person.insurer, insured: person.insured }, planDate };
      this.preventions.set(key, state);
    }
    return state;
  }

  private monthState(person: PersonRef, month: string): MonthState {
    const key = `${personKey(person)}:${month}`;
    let state = this.months.get(key);
    if (!state) {
      state = { person: { insurer: person.insurer, insured: person.insured }, month, actuals: new Map() };
      this.months.set(key, state);
    }
    return state;
  }

  private planState(person: PersonRef, planDate: string): PlanState {
    const key = `${personKey(person)}:${planDate}`;
    let state = this.plans.get(key);
    if (!state) {
      state = { person: { insurer: person.insurer, insured: person.insured }, planDate };
      this.plans.set(key, state);
    }
    return state;
  }

  /** Applies several files in ascending ファイル連番. */
  applyAll(files: readonly ModelFile[]): ApplyResult {
    const total: ApplyResult = { applied: 0, skippedOlder: 0 };
    for (const f of inSequenceOrder(files)) {
      const r = this.apply(f);
      total.applied += r.applied;
      total.skippedOlder += r.skippedOlder;
    }
    return total;
  }

  apply(file: ModelFile): ApplyResult {
    const result: ApplyResult = { applied: 0, skippedOlder: 0 };
    const seq = file.sequence;
    /** Sets a slot unless it holds a newer file. */
    const put = <T>(current: Held<T> | undefined, value: T, set: (h: Held<T>) => void) => {
      if (current && current.sequence > seq) {
        result.skippedOlder++;
        return;
      }
      set({ value, sequence: seq });
      result.applied++;
    };
    /** Clears a slot unless it holds a newer file. */
    const clear = (current: Held<unknown> | undefined, unset: () => void) => {
      if (!current) return;
      if (current.sequence > seq) {
        result.skippedOlder++;
        return;
      }
      unset();
      result.applied++;
    };
    switch (file.kind) {
      case 'UPPLAN':
        for (const t of file.content) {
          const s = this.monthState(t, t.month);
          put(s.plan, t, (h) => (s.plan = h));
        }
        break;
      case 'UPJSK':
        for (const t of file.content)
          for (const [key, items] of byProvider(t.items)) {
            const s = this.monthState(t, t.month);
            put(s.actuals.get(key), { ...t, items }, (h) => s.actuals.set(key, h));
          }
        break;
      case 'UPSIKYU':
        for (const t of file.content) {
          const s = this.monthState(t, t.month);
          put(s.seventh, t, (h) => (s.seventh = h));
        }
        break;
      case 'UPHOSOKU':
        for (const sup of file.content) {
          if (sup.month !== '000000') {
            const s = this.monthState(sup, sup.month);
            put(s.supplement, sup, (h) => (s.supplement = h));
          } else {
            const s = this.planState(sup, sup.planDate);
            put(s.supplement, sup, (h) => (s.supplement = h));
          }
        }
        break;
      case 'UP1KYO':
        for (const t of file.content) {
          const s = this.planState(t, t.planDate);
          put(s.first, t, (h) => (s.first = h));
        }
        break;
      case 'UP2KYO':
        for (const t of file.content) {
          const s = this.planState(t, t.planDate);
          put(s.second, t, (h) => (s.second = h));
        }
        break;
      case 'UP3KYO':
        for (const t of file.content) {
          const s = this.planState(t, t.planDate);
          put(s.third, t, (h) => (s.third = h));
        }
        break;
      case 'DLTPLAN':
        for (const d of file.content) {
          const s = this.month(d, d.month);
          if (!s) continue;
          clear(s.plan, () => delete s.plan);
          clear(s.seventh, () => delete s.seventh);
          clear(s.supplement, () => delete s.supplement);
        }
        break;
      case 'DLTJSK':
        for (const d of file.content) {
          const s = this.month(d, d.month);
          const key = `${d.provider}:${d.serviceKind}`;
          if (s) clear(s.actuals.get(key), () => s.actuals.delete(key));
        }
        break;
      case 'DLT1KYO':
        for (const d of file.content) {
          const s = this.plan(d, d.planDate);
          if (!s) continue;
          clear(s.first, () => delete s.first);
          clear(s.second, () => delete s.second);
          clear(s.third, () => delete s.third);
          clear(s.supplement, () => delete s.supplement);
        }
        break;
      case 'UPKIHON':
        for (const b of file.content) {
          const s = this.basicState(b, b.consultedOn);
          put(s.basic, b, (h) => (s.basic = h));
        }
        break;
      case 'UPKIHON_SUB1':
        for (const t of file.content) {
          const s = this.basicState(t, t.consultedOn);
          put(s.dailyLife, t, (h) => (s.dailyLife = h));
        }
        break;
      case 'UPKIHON_SUB2':
        for (const t of file.content) {
          const s = this.basicState(t, t.consultedOn);
          put(s.medicalHistory, t, (h) => (s.medicalHistory = h));
        }
        break;
      case 'DLTKIHON':
        for (const d of file.content) {
          const s = this.basicInfo(d, d.consultedOn);
          if (!s) continue;
          clear(s.basic, () => delete s.basic);
          clear(s.dailyLife, () => delete s.dailyLife);
          clear(s.medicalHistory, () => delete s.medicalHistory);
        }
        break;
      case 'UPYOBO':
        for (const p of file.content) {
          const s = this.preventionState(p, p.planDate);
          put(s.plan, p, (h) => (s.plan = h));
        }
        break;
      case 'UPYOBO_SUB':
        for (const t of file.content) {
          const s = this.preventionState(t, t.planDate);
          put(s.support, t, (h) => (s.support = h));
        }
        break;
      case 'DLTYOBO':
        for (const d of file.content) {
          const s = this.preventionPlan(d, d.planDate);
          if (!s) continue;
          clear(s.plan, () => delete s.plan);
          clear(s.support, () => delete s.support);
        }
        break;
    }
    return result;
  }
}

/** 実績 items per サービス事業者コード + サービス種類コード. */
function byProvider(items: readonly ServiceUseItem[]): Map<string, ServiceUseItem[]> {
  const out = new Map<string, ServiceUseItem[]>();
  for (const item of items) {
    const key = `${item.provider}:${item.serviceCode.slice(0, 2)}`;
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}
