import type { ErrorCode } from '../../contract/errors';
import type { PinState } from './response';

// The identity check at the counter as an explicit state machine (issue 4, UX.md rules 1–5): pure, no I/O. The
// screen renders the state; the card service feeds events. Every failure is a state with its message ID (the error
// code), the next step, and ways out that need no PIN (visual check, paper route, check later).

export type VisualReason = 'face-card' | 'pin-forgotten' | 'cannot-enter' | 'other'; // 顔認証カード / 暗証番号失念 / 認知症等 / その他

/** Ways out offered on a screen; `visual` and `paper` never need a PIN (UX.md rule 5). */
export type WayOut = 'retry' | 'visual' | 'paper' | 'later';

export type NextStep =
  | 'connect-reader'
  | 'place-card'
  | 'replace-card'
  | 'try-other-card'
  | 'restart-service'
  | 'close-other-app'
  | 'visual-check'
  | 'municipal-office'
  | 're-enter-pin'
  | 'contact-support';

export type CheckState =
  | { kind: 'waitingForReader' }
  | { kind: 'waitingForCard' }
  | { kind: 'reading' }
  | { kind: 'pinEntry'; triesLeft: number }
  | { kind: 'lastTryWarning'; triesLeft: 1 }
  | { kind: 'verifying'; triesLeft: number }
  | { kind: 'visualConfirm' }
  | { kind: 'done'; mode: 'pin' | 'visual'; reason?: VisualReason }
  | { kind: 'paper' }
  | { kind: 'later' }
  | { kind: 'failed'; code: ErrorCode; next: NextStep; exits: WayOut[]; triesLeft?: number };

export type CheckEvent =
  | { type: 'readersChanged'; count: number }
  | { type: 'cardInserted' }
  | { type: 'cardRemoved' }
  /** Label, certificate and tries query done (PIN mode) — or the certificate only (`pinState` absent, visual). */
  | { type: 'cardRead'; pinState?: PinState }
  | { type: 'staffConfirmedLastTry' }
  | { type: 'pinSubmitted' }
  | { type: 'signed' }
  | { type: 'failed'; code: ErrorCode; triesLeft?: number }
  | { type: 'chooseVisual' }
  | { type: 'visualConfirmed'; reason: VisualReason }
  | { type: 'choosePaper' }
  | { type: 'chooseLater' }
  | { type: 'retry' };

export const INITIAL_STATE: CheckState = { kind: 'waitingForReader' };

const ALL_EXITS: WayOut[] = ['retry', 'visual', 'paper', 'later'];
const NO_CARD_EXITS: WayOut[] = ['retry', 'paper', 'later'];

/** The next step and ways out for each failure code (UX.md rule 2: named failures, never 「このカードは使えません」). */
export function failureState(code: ErrorCode, triesLeft?: number): Extract<CheckState, { kind: 'failed' }> {
  const f = (next: NextStep, exits: WayOut[]) => ({
    kind: 'failed' as const,
    code,
    next,
    exits,
    ...(triesLeft === undefined ? {} : { triesLeft }),
  });
  switch (code) {
    case 'CARD_NO_READER':
      return f('connect-reader', NO_CARD_EXITS);
    case 'CARD_SERVICE_DOWN':
      return f('restart-service', NO_CARD_EXITS);
    case 'CARD_IN_USE':
      return f('close-other-app', NO_CARD_EXITS);
    case 'CARD_NO_CARD':
      return f('place-card', NO_CARD_EXITS);
    case 'CARD_REMOVED':
      return f('replace-card', ALL_EXITS);
    case 'CARD_NOT_RESPONDING':
    case 'CARD_BAD_RESPONSE':
    case 'CARD_NOT_MYNUMBER':
      return f('try-other-card', ALL_EXITS);
    case 'CARD_PIN_WRONG':
      return f('re-enter-pin', ALL_EXITS);
    case 'CARD_PIN_INVALID':
      return f('re-enter-pin', ALL_EXITS);
    case 'CARD_PIN_LOCKED':
    case 'CARD_CERT_EXPIRED':
      return f('municipal-office', ['visual', 'paper', 'later']);
    case 'CARD_PIN_UNAVAILABLE':
      return f('visual-check', ['visual', 'paper', 'later']);
    default:
      return f('contact-support', ALL_EXITS);
  }
}

function afterRead(pinState: PinState | undefined): CheckState {
  if (!pinState) return { kind: 'visualConfirm' };
  if (pinState.kind === 'locked') return failureState('CARD_PIN_LOCKED', 0); // never VERIFY at 0 (rule 3)
  if (pinState.kind === 'no-pin') return failureState('CARD_PIN_UNAVAILABLE');
  if (pinState.triesLeft === 1) return { kind: 'lastTryWarning', triesLeft: 1 };
  return { kind: 'pinEntry', triesLeft: pinState.triesLeft };
}

/** Transitions; an event that does not apply to the current state leaves it unchanged. */
export function nextState(state: CheckState, event: CheckEvent): CheckState {
  // Ways out that are valid from every unfinished state.
  const finished = state.kind === 'done' || state.kind === 'paper' || state.kind === 'later';
  if (!finished) {
    if (event.type === 'choosePaper') return { kind: 'paper' };
    if (event.type === 'chooseLater') return { kind: 'later' };
  }
  if (event.type === 'readersChanged' && !finished) {
    if (event.count === 0) return { kind: 'waitingForReader' };
    return state.kind === 'waitingForReader' ? { kind: 'waitingForCard' } : state;
  }
  switch (state.kind) {
    case 'waitingForReader':
      return state;
    case 'waitingForCard':
      return event.type === 'cardInserted' ? { kind: 'reading' } : state;
    case 'reading':
      if (event.type === 'cardRead') return afterRead(event.pinState);
      if (event.type === 'failed') return failureState(event.code, event.triesLeft);
      if (event.type === 'cardRemoved') return failureState('CARD_REMOVED');
      return state;
    case 'lastTryWarning':
      if (event.type === 'staffConfirmedLastTry') return { kind: 'pinEntry', triesLeft: 1 };
      if (event.type === 'chooseVisual') return { kind: 'visualConfirm' };
      if (event.type === 'cardRemoved') return failureState('CARD_REMOVED');
      return state;
    case 'pinEntry':
      if (event.type === 'pinSubmitted') return { kind: 'verifying', triesLeft: state.triesLeft };
      if (event.type === 'chooseVisual') return { kind: 'visualConfirm' };
      if (event.type === 'cardRemoved') return failureState('CARD_REMOVED');
      return state;
    case 'verifying':
      if (event.type === 'signed') return { kind: 'done', mode: 'pin' };
      if (event.type === 'failed') return failureState(event.code, event.triesLeft);
      if (event.type === 'cardRemoved') return failureState('CARD_REMOVED');
      return state;
    case 'visualConfirm':
      if (event.type === 'visualConfirmed') return { kind: 'done', mode: 'visual', reason: event.reason };
      return state;
    case 'failed':
      if (event.type === 'retry' && state.exits.includes('retry')) return { kind: 'waitingForCard' };
      if (event.type === 'chooseVisual' && state.exits.includes('visual')) return { kind: 'visualConfirm' };
      return state;
    default:
      return state;
  }
}
