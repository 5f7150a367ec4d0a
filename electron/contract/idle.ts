import { z } from 'zod';
import { input, text } from './limits';

/** Idle lock (DESIGN.md §4): the renderer reports input; the main process decides whether the screen is locked. */
export const IdleActivityInput = input({ active: z.boolean() });
export const IdleState = z.strictObject({
  locked: z.boolean(),
  /** Whose session the lock holds (null when nobody is logged in). */
  staffId: z.string().max(64).nullable(),
  idleMinutes: z.number().int(),
});
export type IdleState = z.infer<typeof IdleState>;
export const ResumeInput = input({ password: text(256).min(1) });
