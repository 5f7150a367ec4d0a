import { describe, expect, it } from 'vitest';
import { isoDate, toJapanTime } from '../../electron/contract/time';
import {
  CarePlanBook,
  fileToModel,
  parseCarePlanFile,
  samplePlanUnit,
  writeSendUnit,
  type ModelFile,
  type ServiceUseTable,
} from '../../electron/services/careplan';
import { carePlanVisits } from '../../electron/services/outage-lists';

// Today's visitors from the care-plan book (issue 8 follow-up): 第6表 予定 of the office's persons on the Japan date of
// a fixed clock. Runs under UTC and Asia/Tokyo: 2026-12-02T15:30Z is Thursday 3 December 00:30 in Japan.

const CARE_MANAGER = { office: '1310100019', service: '43' };
const HOME_HELP = { office: '1310200017', service: '11', name: '練習訪問介護' };
const OTHER_HELP = { office: '1310300015', service: '11', name: '別の訪問介護' };
const CLOCK = () => new Date('2026-12-02T15:30:00Z');

function planFiles(insured: string, to: typeof HOME_HELP, edit?: (t: ServiceUseTable) => void): ModelFile[] {
  const parts = samplePlanUnit({
    person: { insurer: '131016', insured, name: '練習 花子', nameKana: 'ﾚﾝｼｭｳ', careLevel: '22' },
    month: '202612',
    createdOn: '20261126',
    from: CARE_MANAGER,
    to,
    planStaffName: 'cm-renshu01',
  });
  if (edit) for (const p of parts) if (p.kind === 'UPPLAN') for (const t of p.content) edit(t as ServiceUseTable);
  const unit = writeSendUnit({ from: CARE_MANAGER, to, at: new Date('2026-11-26T01:00:00Z'), parts });
  if (!unit.ok) throw new Error(unit.issues.map((i) => i.message).join('\n'));
  return unit.files.map((f) => {
    const m = fileToModel(parseCarePlanFile(f.name, f.bytes, { now: CLOCK() }));
    if (!m.ok) throw new Error(m.reason);
    return m.value;
  });
}

function source() {
  const book = new CarePlanBook();
  book.applyAll([
    ...planFiles('0000012345', HOME_HELP),
    // A second visit the same day, earlier, and a person whose item states no time (9999).
    ...planFiles('0000067890', HOME_HELP, (t) => {
      t.items = t.items.map((i) => ({ ...i, start: '9999', end: '9999' }));
    }),
    ...planFiles('0000011111', OTHER_HELP, (t) => {
      const first = t.items.find((i) => i.serviceDate === '20261203')!;
      t.items.push({ ...first, start: '0715', end: '0745' });
    }),
  ]);
  return carePlanVisits(() => book.allMonths());
}

const today = () => isoDate(toJapanTime(CLOCK()));

describe('planned visits from the care-plan book', () => {
  it('uses the Japan date of the clock', () => {
    expect(today()).toBe('2026-12-03');
  });

  it("lists a service office's own visits today, with the planned time or null for 9999", () => {
    expect(source().plannedOn(HOME_HELP.office, today())).toEqual([
      { personKey: '131016-0000012345', time: '09:00' },
      { personKey: '131016-0000067890', time: null },
    ]);
    expect(source().plannedOn(OTHER_HELP.office, today())).toEqual([{ personKey: '131016-0000011111', time: '07:15' }]);
  });

  it("lists every person of the care manager's own plans served today, once each", () => {
    expect(source().plannedOn(CARE_MANAGER.office, today())).toEqual([
      { personKey: '131016-0000011111', time: '07:15' },
      { personKey: '131016-0000012345', time: '09:00' },
      { personKey: '131016-0000067890', time: null },
    ]);
  });

  it('has nothing on a day without plan items, in another month, or for an unrelated office', () => {
    expect(source().plannedOn(HOME_HELP.office, '2026-12-02')).toEqual([]); // a Wednesday
    expect(source().plannedOn(HOME_HELP.office, '2027-01-04')).toEqual([]);
    expect(source().plannedOn('1310900011', today())).toEqual([]);
  });
});
