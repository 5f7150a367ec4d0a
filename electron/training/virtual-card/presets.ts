import { VirtualMyNumberCard } from './card';
import { issueUserAuthCard, trainingCa, type IssuedCard, type TrainingCa } from './training-ca';

// The training cards (issue 4): each start gives a fresh card with full PIN counters unless stated.
export const TRAINING_CARDS = ['normal', 'pinless', 'locked', 'one-try-left', 'expired', 'not-mynumber'] as const;
export type TrainingCardName = (typeof TRAINING_CARDS)[number];

export const TRAINING_PIN = '1234';

export function createTrainingCard(
  name: TrainingCardName,
  ca: TrainingCa = trainingCa(),
  /** Card material issued beforehand (e.g. enrolled with the training backend for a person). */
  material: IssuedCard = issueUserAuthCard(ca, { expired: name === 'expired' }),
): VirtualMyNumberCard {
  switch (name) {
    case 'pinless':
      return new VirtualMyNumberCard({ material, authPin: null });
    case 'locked':
      return new VirtualMyNumberCard({ material, authTries: 0 });
    case 'one-try-left':
      return new VirtualMyNumberCard({ material, authTries: 1 });
    case 'not-mynumber':
      // An old 住基カード label: the JPKI AP answers but it is not a My Number card (CARD.md §1).
      return new VirtualMyNumberCard({ material, label: 'JPKIAPICCTOKEN' });
    default:
      return new VirtualMyNumberCard({ material, authPin: TRAINING_PIN });
  }
}
