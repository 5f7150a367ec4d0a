import { z } from 'zod';
import { input, text } from './limits';

// Staff login (DOMAIN.md §3.2): ID + password → one-time password → logged in. Tokens never cross IPC; the renderer
// sees only the phase, who is logged in, and where the code was sent (masked).

export const SessionView = z.strictObject({
  /** offline-read-only: unlocked with ID + password while the service cannot be reached (cached data only). */
  phase: z.enum(['logged-out', 'otp-pending', 'logged-in', 'offline-read-only']),
  staff: z.strictObject({ staffId: z.string(), jobType: z.string(), officeNumber: z.string() }).nullable(),
  otpSentTo: z.string().nullable(),
  otpExpiresAt: z.string().nullable(),
  /** When the online login ends (8 h after login), or the offline unlock (hours after the last online login). */
  loginExpiresAt: z.string().nullable(),
});
export type SessionView = z.infer<typeof SessionView>;

const staffId = text(64).regex(/^[\x21-\x7e]+$/);

export const LoginInput = input({ staffId, password: text(256).min(1) });
export const OtpInput = input({ code: z.string().regex(/^\d{6}$/) });

/** 練習モード only: the codes the training mailbox received, so the practice login can be completed. */
export const TrainingMail = z.strictObject({ to: z.string(), sentAt: z.string(), code: z.string() });
export type TrainingMail = z.infer<typeof TrainingMail>;
