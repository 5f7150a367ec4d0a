import { BURDEN_RATIO_LABELS } from '../../contract/codes';
import type { ReceptionDifference, ReceptionForm } from '../../contract/reception';
import { diffBodies, type SnapshotBodies } from '../cache';
import type { EligibilityResponse } from '../kiban';

// What differs between what the counter wrote down during an outage and what the service says once it answers
// (UX.md rule 9). Only the fields the counter captured are compared, in the words printed on the 証 (cache/diff.ts).

type Card = SnapshotBodies['insured-card'];

const STATUS_TEXT: Record<Exclude<EligibilityResponse['status'], 'found'>, string> = {
  'not-found': '資格情報なし・反映待ち',
  invalid: '資格無効',
  'insurer-not-live': '保険者が未接続',
};

/**
 * The counter's entry as an insured-card body (the fields it has): compared with the service's card, and kept as a
 * 申立（未確認） paper record when staff reject the service's differences.
 */
export function counterCard(form: ReceptionForm): Card {
  return {
    insuredNumber: form.insuredNumber,
    insurerNumber: form.insurerNumber,
    name: form.name,
    birthDate: form.birthDate,
    sex: form.sex,
    address: form.address,
    careLevel: form.careLevel,
    certificationPeriod: { from: form.certificationFrom, to: form.certificationTo },
  } as Card;
}

/** The service's card cut down to the same fields, so fields the counter did not capture never count. */
function sameFields(card: Card): Card {
  const { insuredNumber, insurerNumber, name, birthDate, sex, address, careLevel, certificationPeriod } = card;
  return { insuredNumber, insurerNumber, name, birthDate, sex, address, careLevel, certificationPeriod } as Card;
}

export function receptionDifferences(form: ReceptionForm, answer: EligibilityResponse): ReceptionDifference[] {
  if (answer.status !== 'found') {
    return [{ field: 'status', label: '資格', before: '有効（受付時の申告）', after: STATUS_TEXT[answer.status] }];
  }
  const changes: ReceptionDifference[] = diffBodies(
    'insured-card',
    counterCard(form),
    sameFields(answer.records.insuredCard),
  );
  const serviceRatio = answer.records.burdenRatio.ratio;
  if (serviceRatio !== form.burdenRatio) {
    changes.push({
      field: 'burdenRatio',
      label: '利用者負担の割合',
      before: BURDEN_RATIO_LABELS[form.burdenRatio],
      after: BURDEN_RATIO_LABELS[serviceRatio],
    });
  }
  return changes;
}
