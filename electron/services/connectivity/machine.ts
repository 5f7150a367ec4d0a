import type { Connectivity } from '../../contract/status';

// One connectivity state for the whole app (DESIGN.md §5), fed by what actually happens to requests: every call the
// session makes reports success (with its latency) or the kind of failure. The state drives the single banner, the
// retry timing and the switch to 障害時受付 (UX.md rule 9). No screen waits on it; it only describes.

export type FailureCause =
  /** DNS, refused, unreachable: this PC has no path to the service. */
  | 'network'
  /** No answer within the time limit (UX.md rule 9: 10 s). */
  | 'timeout'
  /** TLS failed for a reason other than a certificate (protocol, alert, reset during handshake). */
  | 'tls'
  /** Our client certificate was refused or is invalid, or the server's certificate is not trusted. */
  | 'certificate'
  /** The service answered with 5xx / maintenance. */
  | 'server';

export type Observation = { kind: 'success'; latencyMs: number } | { kind: 'failure'; cause: FailureCause };

export interface ConnectivitySnapshot {
  connectivity: Connectivity;
  /** ISO instant of the last change of state. */
  since: string;
  consecutiveFailures: number;
}

export interface ConnectivityOptions {
  clock: () => Date;
  onChange?: (snapshot: ConnectivitySnapshot) => void;
  /** A successful answer slower than this counts as degraded. */
  slowMs?: number;
  /** Server errors in a row before the service counts as down. */
  serverErrorsForOutage?: number;
  /** Backoff: first delay, cap, and a source of jitter in [0, 1). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  random?: () => number;
}

export interface ConnectivityMachine {
  observe(observation: Observation): ConnectivitySnapshot;
  snapshot(): ConnectivitySnapshot;
  /** Delay before the next retry or probe: exponential in the failures so far, capped, with ±20 % jitter. */
  nextRetryDelayMs(): number;
  /** True when new checks should go to 障害時受付 instead of waiting (offline, outage, certificate). */
  receptionShouldQueue(): boolean;
}

export function createConnectivity(options: ConnectivityOptions): ConnectivityMachine {
  const slowMs = options.slowMs ?? 3000;
  const serverErrorsForOutage = options.serverErrorsForOutage ?? 2;
  const base = options.retryBaseMs ?? 1000;
  const cap = options.retryMaxMs ?? 60_000;
  const random = options.random ?? Math.random;

  let state: Connectivity = 'unknown';
  let since = options.clock().toISOString();
  let failures = 0;
  let serverErrors = 0;

  const snapshot = (): ConnectivitySnapshot => ({ connectivity: state, since, consecutiveFailures: failures });

  const moveTo = (next: Connectivity) => {
    if (next === state) return;
    state = next;
    since = options.clock().toISOString();
    options.onChange?.(snapshot());
  };

  const onFailure = (cause: FailureCause): Connectivity => {
    switch (cause) {
      case 'network':
        return 'offline';
      case 'certificate':
        return 'certificate';
      case 'timeout':
      case 'tls':
        return 'outage';
      case 'server':
        serverErrors++;
        return serverErrors >= serverErrorsForOutage ? 'outage' : 'degraded';
    }
  };

  return {
    observe(observation) {
      if (observation.kind === 'success') {
        failures = 0;
        serverErrors = 0;
        moveTo(observation.latencyMs >= slowMs ? 'degraded' : 'online');
      } else {
        failures++;
        if (observation.cause !== 'server') serverErrors = 0;
        moveTo(onFailure(observation.cause));
      }
      return snapshot();
    },
    snapshot,
    nextRetryDelayMs() {
      const exponential = Math.min(cap, base * 2 ** Math.max(0, failures - 1));
      const jitter = 0.8 + random() * 0.4;
      return Math.round(Math.min(cap, exponential * jitter));
    },
    receptionShouldQueue: () => state === 'offline' || state === 'outage' || state === 'certificate',
  };
}
