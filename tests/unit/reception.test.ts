import { describe, expect, it } from 'vitest';
import { receptionFormProblems, type ReceptionForm } from '../../electron/contract';
import { receptionDifferences } from '../../electron/services/reception';
import type { EligibilityResponse } from '../../electron/services/kiban';
import { insuredCardFixture } from '../support/insured-card';

// 障害時受付: the form's validation (the same schema on both sides of IPC, with Japanese messages per field) and the
// differences between the counter's entry and the service's answer (UX.md rule 9).

const form: ReceptionForm = {
  name: '介護 花子',
  sex: '2',
  birthDate: '1938-05-06',
  address: '東京都新宿区西新宿2-8-1',
  insurerNumber: '131045',
  insuredNumber: '0000123456',
  careLevel: '22',
  certificationFrom: '2026-04-01',
  certificationTo: '2027-03-31',
  burdenRatio: '10',
};

const found = (card: Record<string, unknown>, ratio: '10' | '20' | '30' = '10'): EligibilityResponse => ({
  ok: true,
  status: 'found',
  personKey: '131045-0000123456',
  viewingDeadline: '2027-05-01',
  fetchedAt: '2026-11-26T01:00:00.000Z',
  records: {
    insuredCard: {
      ...insuredCardFixture({
        insuredNumber: '0000123456',
        insurerNumber: '131045',
        name: '介護 花子',
        nameKana: 'カイゴ ハナコ',
        birthDate: '1938-05-06',
        sex: '2',
        address: '東京都新宿区西新宿2-8-1',
      }),
      ...card,
    },
    burdenRatio: {
      insuredNumber: '0000123456',
      insurerNumber: '131045',
      ratio,
      period: { from: '2026-08-01', to: '2027-07-31' },
    },
    burdenLimit: null,
    certification: { insuredNumber: '0000123456', insurerNumber: '131045', status: '2' },
  },
});

describe('障害時受付 form', () => {
  it('accepts a complete entry', () => {
    expect(receptionFormProblems(form)).toEqual({});
  });

  it('names each wrong field in Japanese', () => {
    const problems = receptionFormProblems({
      ...form,
      name: '  ',
      insuredNumber: '12',
      birthDate: '1938-02-30',
      certificationTo: '2026-01-01',
      sex: undefined,
    });
    expect(problems).toEqual({
      name: '氏名を入力してください。',
      insuredNumber: '被保険者番号は10桁の数字です。',
      birthDate: '生年月日を正しい日付で入力してください（例: 1940-04-01）。',
      sex: '性別を選んでください。',
    });
    expect(receptionFormProblems({ ...form, certificationTo: '2026-01-01' })).toEqual({
      certificationTo: '有効期間の終了日は開始日より後にしてください。',
    });
  });

  it('refuses unknown keys (nothing else can ride along)', () => {
    expect(receptionFormProblems({ ...form, myNumber: '123456789012' })).toEqual({
      form: '入力内容の形式が正しくありません。画面を開き直してください。',
    });
  });
});

describe('障害時受付 differences', () => {
  it('lists nothing when the service agrees on every captured field (uncaptured fields never count)', () => {
    expect(receptionDifferences(form, found({}))).toEqual([]);
  });

  it('lists what differs in the words of the 証', () => {
    const answer = found({ careLevel: '23', address: '東京都新宿区西新宿2-8-2', name: '介護 ●子' }, '20');
    expect(receptionDifferences(form, answer)).toEqual([
      { field: 'name', label: '氏名', before: '介護 花子', after: '介護 ●子' },
      { field: 'address', label: '住所', before: '東京都新宿区西新宿2-8-1', after: '東京都新宿区西新宿2-8-2' },
      { field: 'careLevel', label: '要介護状態区分等', before: '要介護2', after: '要介護3' },
      { field: 'burdenRatio', label: '利用者負担の割合', before: '1割', after: '2割' },
    ]);
  });

  it('turns a state answer (資格無効, 反映待ち) into one difference on 資格', () => {
    const invalid: EligibilityResponse = {
      ok: true,
      status: 'invalid',
      personKey: '131045-0000123456',
      viewingDeadline: '2027-05-01',
      fetchedAt: '2026-11-26T01:00:00.000Z',
    };
    expect(receptionDifferences(form, invalid)).toEqual([
      { field: 'status', label: '資格', before: '有効（受付時の申告）', after: '資格無効' },
    ]);
  });
});
