import { z } from 'zod';
import { input } from './limits';

// The identity check at the counter (CARD.md, UX.md rules 2–5). The PIN crosses IPC once, renderer → main, and is
// dropped after the VERIFY; the certificate and its serial never come back to the renderer.

export const VisualReason = z.enum(['face-card', 'pin-forgotten', 'cannot-enter', 'other']);
export const VISUAL_REASON_LABELS: Record<z.infer<typeof VisualReason>, string> = {
  'face-card': '顔認証カード（暗証番号なし）',
  'pin-forgotten': '暗証番号失念',
  'cannot-enter': '認知症等で入力できない',
  other: 'その他',
};

/** Step 1 of a PIN check: read the card up to the tries-left query. */
export const CardBeginOutput = z.strictObject({ triesLeft: z.number().int().min(0).max(15) });
/** Step 2: the client's PIN (at one try left, with the staff's confirmation). */
export const CardPinInput = input({ pin: z.string().regex(/^\d{4}$/), confirmLastTry: z.boolean().default(false) });
/** A visual check (目視) with its reason. */
export const CardVisualInput = input({ reason: VisualReason });

/** 練習モード: the training cards that can be placed on the simulated reader. */
export const TrainingCardName = z.enum(['normal', 'pinless', 'locked', 'one-try-left', 'expired', 'not-mynumber']);
export const PlaceCardInput = input({
  card: TrainingCardName,
  personIndex: z.number().int().min(0).max(9999).default(0),
});
export const PlaceCardOutput = z.strictObject({ reader: z.string(), card: TrainingCardName });

/** What the reader looks like now (UX.md rule 1). */
export const ReaderStatus = z.strictObject({
  serviceUp: z.boolean(),
  readers: z.array(z.string().max(200)).max(16),
  selected: z.string().nullable(),
  cardPresent: z.boolean(),
});
export type ReaderStatus = z.infer<typeof ReaderStatus>;

/** Text copied for support: reader, OS, app version, last status word and error code, time — no personal data. */
export const SupportInfo = z.strictObject({ text: z.string().max(2000) });

/** The week's timing of each check phase on this PC (UX.md rule 15). */
export const PhaseStatsList = z.array(
  z.strictObject({
    phase: z.enum(['card', 'pin', 'network', 'display']),
    count: z.number().int(),
    p50Ms: z.number().nullable(),
    p95Ms: z.number().nullable(),
  }),
);
export type PhaseStatsList = z.infer<typeof PhaseStatsList>;
export const DisplayTimingInput = input({ ms: z.number().min(0).max(600_000) });

export const SelectReaderInput = input({ reader: z.string().min(1).max(200) });
