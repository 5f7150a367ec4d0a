// The failure type of every PC/SC adapter (native/pcsc.ts, the training simulated reader). Kept apart from pcsc.ts
// so code that only needs the type does not load the native addon.

export type PcscFailureKind =
  | 'service-down'
  | 'no-reader'
  | 'no-card'
  | 'card-removed'
  | 'card-reset'
  | 'sharing-violation'
  | 'timeout'
  | 'unresponsive'
  | 'other';

export class PcscFailure extends Error {
  constructor(
    readonly kind: PcscFailureKind,
    readonly pcscCode?: number,
  ) {
    super(`pcsc ${kind}${pcscCode === undefined ? '' : ` 0x${pcscCode.toString(16)}`}`);
    this.name = 'PcscFailure';
  }
}
