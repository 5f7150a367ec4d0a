import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportP12 } from './p12';
import { createTrainingPki, type TrainingOfficeIdentity, type TrainingPki } from './training-pki';

// The standalone training server keeps its PKI in a folder so that the installer flow can be practised: on first
// start it issues the CA and one office .p12 per training office, later starts reuse them. Training data only; the
// files are still written owner-only.

export interface TrainingPkiFiles {
  pki: TrainingPki;
  caFile: string;
  p12Files: Array<{ officeNumber: string; file: string }>;
  p12Password: string;
  created: boolean;
}

const STATE = 'training-pki.json';

function writePrivate(file: string, data: string | Buffer): void {
  fs.writeFileSync(file, data, { mode: 0o600 });
}

function isUsable(pki: TrainingPki, offices: TrainingOfficeIdentity[], now: Date): boolean {
  const valid = (pem: string) => Date.parse(new crypto.X509Certificate(pem).validTo) > now.getTime();
  return (
    valid(pki.ca.certPem) &&
    valid(pki.server.certPem) &&
    offices.every((o) => pki.offices.some((c) => c.officeNumber === o.officeNumber && valid(c.certPem)))
  );
}

export function loadOrCreateTrainingPki(
  dir: string,
  offices: TrainingOfficeIdentity[],
  now: Date = new Date(),
): TrainingPkiFiles {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const statePath = path.join(dir, STATE);
  let state: { pki: TrainingPki; p12Password: string } | null = null;
  try {
    state = JSON.parse(fs.readFileSync(statePath, 'utf8')) as { pki: TrainingPki; p12Password: string };
    if (!state?.pki?.ca?.certPem || !state.p12Password || !isUsable(state.pki, offices, now)) state = null;
  } catch {
    state = null; // missing or unreadable: issue a fresh training PKI
  }
  const created = state === null;
  if (!state) {
    state = { pki: createTrainingPki(offices, now), p12Password: crypto.randomBytes(9).toString('base64url') };
    writePrivate(statePath, JSON.stringify(state));
  }
  const caFile = path.join(dir, 'training-ca.pem');
  fs.writeFileSync(caFile, state.pki.ca.certPem);
  const p12Files = state.pki.offices.map((o) => {
    const file = path.join(dir, `office-${o.officeNumber}.p12`);
    if (created || !fs.existsSync(file)) {
      writePrivate(
        file,
        exportP12({
          privateKeyPem: o.keyPem,
          certPem: o.certPem,
          chainPems: [state.pki.ca.certPem],
          password: state.p12Password,
          friendlyName: `練習用 ${o.officeNumber}`,
        }),
      );
    }
    return { officeNumber: o.officeNumber, file };
  });
  return { pki: state.pki, caFile, p12Files, p12Password: state.p12Password, created };
}
