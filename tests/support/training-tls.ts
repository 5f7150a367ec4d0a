import { createSession, type Session } from '../../electron/services/session';
import type { TrainingPki } from '../../electron/training/pki';
import { TRAINING_STAFF, type TrainingServer } from '../../electron/training/server';

// Shared by the integration tests that talk TLS 1.3 with mutual auth to the training backend.

/**
 * A session logged in (password, then the one-time code from the training mailbox) as a training staff member,
 * presenting their office's certificate. It is added to `opened` before login, so the caller closes it even when
 * the login fails.
 */
export async function loginTrainingStaff(options: {
  server: TrainingServer;
  pki: TrainingPki;
  staffId: string;
  opened: Session[];
  clock?: () => Date;
  timeoutMs?: number;
}): Promise<Session> {
  const staff = TRAINING_STAFF.find((s) => s.staffId === options.staffId)!;
  const office = options.pki.offices.find((o) => o.officeNumber === staff.officeNumber)!;
  const session = createSession({
    baseUrl: options.server.url,
    tls: { caPem: options.pki.ca.certPem, certPem: office.certPem, keyPem: office.keyPem },
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  options.opened.push(session);
  await session.login(staff.staffId, staff.password);
  await session.submitOtp(options.server.mailbox.latestFor(staff.staffId)!.code);
  return session;
}
