import type { ErrorCode } from '../../contract/errors';
import { KaigoError } from '../errors';

/**
 * A card failure with its contract code. `triesLeft` accompanies the PIN codes so the screen can show 「残り n 回」;
 * `statusWord` (e.g. 0x6a82) goes into the support info. Neither is personal data.
 */
export class CardError extends KaigoError {
  /** APDUs sent before the failure (support info, tests). */
  apdus?: number;
  constructor(
    code: ErrorCode,
    detail?: string,
    readonly extra: { triesLeft?: number; statusWord?: number } = {},
  ) {
    super(code, detail);
    this.name = 'CardError';
  }
  get triesLeft(): number | undefined {
    return this.extra.triesLeft;
  }
  get statusWord(): number | undefined {
    return this.extra.statusWord;
  }
}
