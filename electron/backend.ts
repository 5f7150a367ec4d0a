import path from 'node:path';
import type { CertificateMaterial } from './services/certificate';
import type { Runtime } from './services/config';
import { KaigoError } from './services/errors';
import type { SessionTls } from './services/session';
import { generateTrainingData } from './training/data';
import { loadOrCreateTrainingPki, type TrainingPkiFiles } from './training/pki';
import { startTrainingServer, TRAINING_OFFICES, type TrainingServer } from './training/server';
import { toJapanTime } from './contract/time';

// Where the session connects. In 練習モード the training backend runs in this process on loopback (TLS 1.3, client
// certificate required) with its own training PKI kept in the training data folder; the client certificate is the
// one imported into the (training) vault for the active office when there is one — so the installer flow can be
// practised — else that training office's certificate directly, so a first start works and both training offices
// (居宅 + 訪問介護) are selectable. With a configuration, the endpoint and trust anchors come from the configuration and
// the client certificate of the active office from the vault (provisioned per OS user, DESIGN.md §4); without one,
// no session: CERT_NOT_INSTALLED tells the installer how to provision.

export interface Backend {
  baseUrl: string;
  tls: SessionTls;
  /** The in-process training server, in training mode only. */
  training: TrainingServer | null;
  close(): Promise<void>;
}

export interface BackendDeps {
  /** 事業所番号 of the active office (read each time a session is created). */
  activeOffice: () => string | null;
  /** The active office's installed client certificate (null when none); may throw KEYCHAIN_UNAVAILABLE. */
  clientCertificate: () => CertificateMaterial | null;
}

/** The training PKI of this user's training data folder (created on first use, reused after). */
export function trainingPkiFiles(runtime: Runtime, now: Date): TrainingPkiFiles {
  return loadOrCreateTrainingPki(path.join(runtime.dataDir, 'server'), TRAINING_OFFICES, now);
}

/** The leaf first, then the issuer chain from the .p12, so the server can build the path to its trusted root. */
function clientChain(material: CertificateMaterial): string {
  return [material.certPem, ...material.chainPems].map((p) => p.trim()).join('\n') + '\n';
}

function importedInTraining(deps: BackendDeps): CertificateMaterial | null {
  try {
    return deps.clientCertificate();
  } catch (err) {
    // A PC without a keychain can still practise (DESIGN.md §4 keeps training mode usable without one).
    if (err instanceof KaigoError && err.code === 'KEYCHAIN_UNAVAILABLE') return null;
    throw err;
  }
}

export async function openBackend(runtime: Runtime, clock: () => Date, deps: BackendDeps): Promise<Backend> {
  // `tls` is read each time a session is created, so a certificate imported or removed later applies to the next
  // session without restarting the (training) server.
  if (runtime.mode === 'training') {
    const files = trainingPkiFiles(runtime, clock());
    const server = await startTrainingServer({
      pki: files.pki,
      clock,
      data: generateTrainingData({ seed: 1, today: toJapanTime(clock()) }),
    });
    return {
      baseUrl: server.url,
      get tls(): SessionTls {
        const active = deps.activeOffice();
        const office = files.pki.offices.find((o) => o.officeNumber === active) ?? files.pki.offices[0]!;
        const imported = importedInTraining(deps);
        const client = imported
          ? { certPem: clientChain(imported), keyPem: imported.keyPem }
          : { certPem: office.certPem, keyPem: office.keyPem };
        return { caPem: files.pki.ca.certPem, ...client };
      },
      training: server,
      close: () => server.close(),
    };
  }
  const config = runtime.config;
  if (runtime.mode === 'configured' && config) {
    const material = () => {
      const m = deps.clientCertificate();
      if (!m) throw new KaigoError('CERT_NOT_INSTALLED', 'no provisioned client certificate');
      return m;
    };
    material(); // refuse at once when nothing is provisioned (after the first-start drop-folder attempt)
    return {
      baseUrl: config.endpoint,
      get tls(): SessionTls {
        const m = material();
        return { caPem: config.trustAnchors.map((a) => a.pem), certPem: clientChain(m), keyPem: m.keyPem };
      },
      training: null,
      close: async () => {},
    };
  }
  throw new KaigoError('CONFIG_INVALID', 'misconfigured');
}
