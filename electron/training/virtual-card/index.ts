// Training My Number cards (a software JPKI card, its training CA, the vpcd bridge). Never used with real cards.
export {
  JPKI_CONTACT_ATR,
  VirtualMyNumberCard,
  type ApduLogEntry,
  type PinCounters,
  type VirtualCardOptions,
} from './card';
export {
  createTrainingCa,
  issueUserAuthCard,
  trainingCa,
  USER_CERT_TARGET_BYTES,
  type IssuedCard,
  type TrainingCa,
} from './training-ca';
export {
  connectVpcd,
  frame,
  FrameReader,
  VPCD_DEFAULT_PORT,
  type VpcdBridge,
  type VpcdBridgeOptions,
} from './vpcd-bridge';
export { TRAINING_CARDS, TRAINING_PIN, createTrainingCard, type TrainingCardName } from './presets';
export { createSimulatedPcsc, type SimulatedPcsc } from './simulated-reader';
export { cardFromState, cardStateOf, loadCardState, saveCardState, type CardState } from './state-file';
