import path from 'node:path';
import type { Runtime } from './services/config';
import { KaigoError } from './services/errors';
import type { SessionTls } from './services/session';
import { generateTrainingData } from './training/data';
import { loadOrCreateTrainingPki } from './training/pki';
import { startTrainingServer, TRAINING_OFFICES, type TrainingServer } from './training/server';
import { toJapanTime } from './contract/time';

// Where the session connects. In 練習モード the training backend runs in this process on loopback (TLS 1.3, client
// certificate required) with its own training PKI kept in the training data folder, and the training office
// certificate is used as the client certificate. With a configuration, the endpoint and trust anchors come from the
// configuration and the client certificate from the vault (imported by an installer).

export interface Backend {
  baseUrl: string;
  tls: SessionTls;
  /** The in-process training server, in training mode only. */
  training: TrainingServer | null;
  close(): Promise<void>;
}

export async function openBackend(runtime: Runtime, clock: () => Date): Promise<Backend> {
  if (runtime.mode === 'training') {
    const files = loadOrCreateTrainingPki(path.join(runtime.dataDir, 'server'), TRAINING_OFFICES, clock());
    const server = await startTrainingServer({
      pki: files.pki,
      clock,
      data: generateTrainingData({ seed: 1, today: toJapanTime(clock()) }),
    });
    const office = files.pki.offices[0]!;
    return {
      baseUrl: server.url,
      tls: { caPem: files.pki.ca.certPem, certPem: office.certPem, keyPem: office.keyPem },
      training: server,
      close: () => server.close(),
    };
  }
  if (runtime.mode === 'configured') {
    // The client certificate is provisioned per OS user into the vault (certificate import); until then no login.
    throw new KaigoError('CERT_NO_CERTIFICATE', 'no provisioned client certificate');
  }
  throw new KaigoError('CONFIG_INVALID', 'misconfigured');
}
