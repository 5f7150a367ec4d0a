import type { TrainingServer } from '../../electron/training/server';
import { createTestApp } from './app';
import { openE2eWorld, type E2eWorld } from './e2e';

/** An e2e world on a fresh training app with the OS keychain, and the app's in-process training backend. */
export interface TrainingE2eWorld extends E2eWorld {
  backend: TrainingServer;
}

/** The usual spec world; close() first brings the backend back, in case a test left it away (suspend()). */
export async function openTrainingE2eWorld(): Promise<TrainingE2eWorld> {
  const world = await openE2eWorld({ app: () => createTestApp(), keychain: true });
  const backend = (await world.app.trainingBackend())!;
  return {
    ...world,
    backend,
    async close() {
      await backend.resume();
      await world.close();
    },
  };
}
