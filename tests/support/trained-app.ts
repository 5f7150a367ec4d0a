import type { AppOptions, KaigoApp } from '../../electron/app';
import type { TrainingServer } from '../../electron/training/server';
import { createTestApp } from './app';
import { startKeyringSession } from './keyring';

// A real app driven through its own handler table (the same validation as the window), with the real OS keychain on
// a private D-Bus, logged in online as the training care manager against the in-process training backend.

/** The sender the dispatcher accepts: the app's own main frame. */
export const TRUSTED_SENDER = { url: 'app://kaigo/index.html', isMainFrame: true };

export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string } };

export interface LoggedInTrainingApp {
  app: KaigoApp;
  backend: TrainingServer;
  dispatch<T = unknown>(name: string, payload?: unknown): Promise<Reply<T>>;
  /** Resumes the backend (a test may have left it away), closes the app, stops the keychain. */
  close(): Promise<void>;
}

export async function openLoggedInTrainingApp(options: AppOptions = {}): Promise<LoggedInTrainingApp> {
  const keyring = await startKeyringSession();
  keyring.enterProcess();
  const built = await createTestApp(options).catch(async (err: unknown) => {
    await keyring.stop();
    throw err;
  });
  const { app } = built;
  const close = async (backend: TrainingServer | undefined) => {
    await backend?.resume();
    await built.remove();
    await keyring.stop();
  };
  const dispatch = <T = unknown>(name: string, payload: unknown = {}) =>
    app.dispatch(name, TRUSTED_SENDER, payload) as Promise<Reply<T>>;
  let backend: TrainingServer | undefined;
  try {
    backend = (await app.trainingBackend())!;
    await dispatch('session.login', { staffId: 'cm-renshu01', password: 'Renshu-CM-2026!' });
    await okValue(dispatch('session.submitOtp', { code: backend.mailbox.latestFor('cm-renshu01')!.code }));
  } catch (err) {
    await close(backend);
    throw err;
  }
  return { app, backend, dispatch, close: () => close(backend) };
}

/** The value of a successful reply; a refusal fails the test with its code. */
export async function okValue<T>(p: Promise<Reply<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value;
}
