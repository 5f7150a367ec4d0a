// My Number card identity check (CARD.md): APDU codec, response validation, JPKI client, reader session.
export * as apdu from './apdu';
export { CardError } from './card-error';
export {
  inspectCertificate,
  runCardCheck,
  type CardChannel,
  type CardCheckOptions,
  type CardCheckRecord,
  type CardCheckResult,
  type CheckMode,
} from './jpki-client';
export { chooseReader, openCardSession, toCardError, type CardSession, type ReaderChoice } from './reader-session';
export {
  certificateLength,
  checkTokenLabel,
  interpretTriesQuery,
  interpretVerify,
  parseResponse,
  SW,
  type CardResponse,
  type PinState,
} from './response';
export {
  failureState,
  INITIAL_STATE,
  nextState,
  type CheckEvent,
  type CheckState,
  type NextStep,
  type VisualReason,
  type WayOut,
} from './identity-check-machine';
export { watchReaders, type ReaderWatch, type ReaderWatchEvent, type ReaderWatchOptions } from './reader-watch';
export { createCounterCheck, type CounterCheck, type CounterCheckOptions } from './counter-check';
