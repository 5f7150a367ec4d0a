import type { ErrorCode } from '../contract/errors';

/**
 * A failure with a code from the contract's closed set. Services throw this; ipc.ts and the CLI turn it into the
 * code's Japanese message. `detail` is for logs and must never hold personal data, secrets or exception text.
 */
export class KaigoError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'KaigoError';
  }
}
