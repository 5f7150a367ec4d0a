import { z } from 'zod';

/** How Kaigo Desk is running on this PC (DESIGN.md §4: training only when never configured). */
export const AppMode = z.enum(['training', 'configured', 'misconfigured']);
export type AppMode = z.infer<typeof AppMode>;

/** The single connectivity state shown in the banner (DESIGN.md §5). */
export const Connectivity = z.enum(['unknown', 'online', 'degraded', 'offline', 'outage', 'certificate']);
export type Connectivity = z.infer<typeof Connectivity>;

export const AppStatus = z.strictObject({
  version: z.string(),
  mode: AppMode,
  dataDir: z.string(),
  connectivity: Connectivity,
  keychain: z.enum(['available', 'unavailable']),
  officeName: z.string().nullable(),
  /** What is wrong with the configuration (file, field, message) when mode is 'misconfigured'. */
  configProblems: z.array(z.strictObject({ file: z.string(), field: z.string(), message: z.string() })),
  /** ISO instant of the server-side clock when the status was taken. */
  now: z.string(),
});
export type AppStatus = z.infer<typeof AppStatus>;
