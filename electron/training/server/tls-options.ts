import type { ServerOptions } from 'node:https';
import type { TrainingPki } from '../pki';

/**
 * The training backend's TLS: 1.3 only, a client certificate required and verified against the training CA
 * (DOMAIN.md §3.1). Tests use it for hand-made servers that must look like the backend at the TLS level.
 */
export function trainingTlsOptions(pki: TrainingPki): ServerOptions {
  return {
    minVersion: 'TLSv1.3',
    requestCert: true,
    rejectUnauthorized: true,
    ca: pki.ca.certPem,
    key: pki.server.keyPem,
    cert: pki.server.certPem,
  };
}
