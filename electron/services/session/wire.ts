import { z } from 'zod';

// What the client accepts from the service: every response is parsed with these before use (DESIGN.md: validate
// every boundary input). Business errors arrive as HTTP 200 with { ok: false } (DOMAIN.md §3.2).

const iso = z.iso.datetime({ offset: true });

export const staffSchema = z.object({
  staffId: z.string().min(1).max(64),
  jobType: z.string().min(1).max(32),
  officeNumber: z.string().regex(/^\d{2}[0-9A-Z]\d{7}$/),
});

export const failureSchema = z.object({
  ok: z.literal(false),
  error: z.object({
    code: z.string().max(64),
    lockedUntil: iso.optional(),
    attemptsLeft: z.number().int().min(0).optional(),
  }),
});

export const pingSchema = z.object({
  ok: z.literal(true),
  service: z.string().max(64),
  officeNumber: z.string().max(16),
  time: iso,
  training: z.boolean().optional(),
});

export const loginSchema = z.object({
  ok: z.literal(true),
  pendingId: z.string().min(16).max(256),
  sentTo: z.string().max(128),
  otpExpiresAt: iso,
});

export const grantSchema = z.object({
  ok: z.literal(true),
  accessToken: z.string().min(16).max(256),
  accessExpiresAt: iso,
  refreshToken: z.string().min(16).max(256),
  refreshExpiresAt: iso,
  staff: staffSchema,
});

export const okSchema = z.object({ ok: z.literal(true) });

export type Grant = z.infer<typeof grantSchema>;
export type Staff = z.infer<typeof staffSchema>;
export type Failure = z.infer<typeof failureSchema>;
