import { z } from 'zod';
import { KaigoError } from '../services/errors';
import type { Ledger } from '../services/ledger';
import type { JobSender } from '../services/outbox';
import type { Logger } from '../services/log';
import { SessionError, type Session } from '../services/session';

// The training channel for care-plan files (issue 8 §4), seen from the app: files go out through the durable outbox
// (job kind careplan.files, one POST per file with the job's key + file index as Idempotency-Key, so a resend after
// a lost answer has no second effect), and come in from the training backend's inbox.

export const CAREPLAN_JOB_KIND = 'careplan.files';

export const jobPayload = z.strictObject({
  files: z
    .array(z.strictObject({ name: z.string().max(200), content: z.string().max(240 * 1024) }))
    .min(1)
    .max(20),
});

const fileAnswer = z.union([
  z.strictObject({ ok: z.literal(true), id: z.number().int(), receivedAt: z.string() }),
  z.strictObject({ ok: z.literal(false), error: z.strictObject({ code: z.string().max(64) }) }),
]);

const inboxAnswer = z.strictObject({
  ok: z.literal(true),
  files: z
    .array(
      z.strictObject({
        id: z.number().int().min(1),
        name: z.string().max(200),
        content: z.string().max(240 * 1024),
        receivedAt: z.string(),
      }),
    )
    .max(20),
});

/** Outbox key of one file of a job (also the ledger's outbox_key for that file). */
export const fileKey = (jobKey: string, index: number) => `${jobKey}.${index}`;

/** What the channel needs from the app (AppContext in the app; a real session and ledger in tests). */
export interface ChannelDeps {
  session: () => Promise<Pick<Session, 'call'>>;
  /** Tells the connectivity machine what happened (AppContext.observed). */
  observed: <T>(fn: () => Promise<T>) => Promise<T>;
  ledger: () => Ledger;
  log?: Logger;
}

/** The outbox sender for care-plan files; marks each file 送信済 in the ledger once the backend took it. */
export function careplanSender(deps: ChannelDeps): JobSender {
  return async (job) => {
    const payload = jobPayload.safeParse(job.payload);
    if (!payload.success) throw new KaigoError('CAREPLAN_FILES_INVALID', 'payload');
    const session = await deps.session();
    for (const [i, f] of payload.data.files.entries()) {
      const key = fileKey(job.idempotencyKey, i);
      let answer: z.infer<typeof fileAnswer>;
      try {
        answer = await deps.observed(() =>
          session.call('POST', '/api/v1/careplan/files', fileAnswer, f, { 'idempotency-key': key }),
        );
      } catch (err) {
        // The session turns unknown business refusals into SESSION_BAD_RESPONSE with the service's code.
        const refused = err instanceof SessionError ? err.serviceCode : null;
        if (refused?.startsWith('CAREPLAN_')) throw new KaigoError('CAREPLAN_FILES_INVALID', refused);
        throw err;
      }
      // A refusal is final: the same bytes would be refused again.
      if (!answer.ok) throw new KaigoError('CAREPLAN_FILES_INVALID', answer.error.code);
      const entry = deps.ledger().byOutboxKey(key);
      if (entry && entry.state === 'queued') deps.ledger().setState(entry.id, 'sent');
    }
    deps.log?.info('careplan.files_sent', { count: payload.data.files.length });
  };
}

/** Every file waiting in the training backend's inbox for this office, page by page. */
export async function fetchInbox(
  deps: Pick<ChannelDeps, 'session' | 'observed'>,
): Promise<{ name: string; bytes: Buffer }[]> {
  const session = await deps.session();
  const out: { name: string; bytes: Buffer }[] = [];
  let after = 0;
  for (let page = 0; page < 200; page++) {
    const answer = await deps.observed(() => session.call('POST', '/api/v1/careplan/inbox', inboxAnswer, { after }));
    if (answer.files.length === 0) break;
    for (const f of answer.files) {
      out.push({ name: f.name, bytes: Buffer.from(f.content, 'base64') });
      after = Math.max(after, f.id);
    }
  }
  return out;
}
