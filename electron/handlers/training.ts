import type { TrainingMail } from '../contract';
import { KaigoError } from '../services/errors';
import { TRAINING_STAFF } from '../training/server';
import { createTrainingCard, issueUserAuthCard, trainingCa, type SimulatedPcsc } from '../training/virtual-card';
import type { AppContext } from './context';
import type { HandlerGroup } from './group';

// 練習モード only: place a training card on the simulated reader, read the training mailbox.

export function trainingHandlers(
  ctx: AppContext,
  selectedReader: () => Promise<string | null>,
): HandlerGroup<'training.placeCard' | 'training.mailbox'> {
  const trainingServer = async () => {
    if (ctx.runtime.mode !== 'training') throw new KaigoError('TRAINING_ONLY');
    return (await ctx.backend()).training!;
  };
  return {
    'training.placeCard': async ({ card, personIndex }) => {
      const training = await trainingServer();
      const persons = training.data.data.persons;
      const person = persons[personIndex % persons.length]!;
      // The 市区町村 issues the card; the service knows its certificate serial (CARD.md §3 step 4).
      const material = issueUserAuthCard(trainingCa(), { expired: card === 'expired', now: ctx.clock() });
      training.data.cards.enrol(material.certificate, person.personKey);
      const reader = (await ctx.cardReader()) as SimulatedPcsc;
      const name = (await selectedReader())!;
      reader.insert(name, createTrainingCard(card, trainingCa(), material));
      return { reader: name, card };
    },
    'training.mailbox': async (): Promise<TrainingMail[]> => {
      const training = await trainingServer();
      return TRAINING_STAFF.flatMap((staff) => training.mailbox.messagesFor(staff.staffId))
        .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
        .slice(0, 10)
        .map((m) => ({ to: m.to, sentAt: m.sentAt, code: m.code }));
    },
  };
}
