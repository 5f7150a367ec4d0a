import { z } from 'zod';
import type { ErrorCode, Result } from './errors';
import { input } from './limits';
import { AppStatus, Connectivity } from './status';
import type { CallName, EventName } from './channels';
import { LoginInput, OtpInput, SessionView, TrainingMail } from './session';
import {
  CardBeginOutput,
  CardPinInput,
  CardVisualInput,
  PlaceCardInput,
  PlaceCardOutput,
  DisplayTimingInput,
  PhaseStatsList,
  ReaderStatus,
  SelectReaderInput,
  SupportInfo,
} from './card';
import { DeadlineRow, PersonDetail, PersonInput, SearchInput, SearchOutput } from './persons';

// The whole API between renderer and main, in one place. Adding a call = one entry here + one handler in electron/handlers/<feature>.ts.
// preload.ts and ipc.ts are derived from this table; nothing else names a channel.

interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Codes this call may return besides the IPC codes every call can return. */
  errors: readonly ErrorCode[];
}

const call = <I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>) => spec;

export const calls = {
  'app.getStatus': call({ input: input({}), output: AppStatus, errors: [] }),
  'session.state': call({ input: input({}), output: SessionView, errors: [] }),
  'session.login': call({
    input: LoginInput,
    output: SessionView,
    errors: ['SESSION_LOGIN_FAILED', 'SESSION_LOCKED_OUT', 'SESSION_UNREACHABLE', 'SESSION_TIMEOUT'],
  }),
  'session.submitOtp': call({
    input: OtpInput,
    output: SessionView,
    errors: ['SESSION_OTP_WRONG', 'SESSION_OTP_EXPIRED', 'SESSION_LOCKED_OUT'],
  }),
  'session.unlockOffline': call({
    input: LoginInput,
    output: SessionView,
    errors: ['SESSION_OFFLINE_REFUSED', 'SESSION_OFFLINE_EXPIRED', 'SESSION_OFFLINE_THROTTLED'],
  }),
  'session.logout': call({ input: input({}), output: SessionView, errors: [] }),
  'persons.search': call({ input: SearchInput, output: SearchOutput, errors: ['SESSION_LOGIN_REQUIRED'] }),
  'persons.get': call({
    input: PersonInput,
    output: PersonDetail,
    errors: ['SESSION_LOGIN_REQUIRED', 'PERSON_NOT_CACHED'],
  }),
  'eligibility.fetch': call({
    input: PersonInput,
    output: PersonDetail,
    errors: ['SESSION_LOGIN_REQUIRED', 'KIBAN_NOT_SERVED', 'KIBAN_VIEWING_EXPIRED', 'KIBAN_CONSENT_WITHDRAWN'],
  }),
  'deadlines.list': call({
    input: input({}),
    output: z.array(DeadlineRow).max(10_000),
    errors: ['SESSION_LOGIN_REQUIRED'],
  }),
  'card.begin': call({
    input: input({}),
    output: CardBeginOutput,
    errors: ['CARD_NO_READER', 'CARD_NO_CARD', 'CARD_NOT_MYNUMBER', 'CARD_PIN_LOCKED', 'CARD_PIN_UNAVAILABLE'],
  }),
  'card.submitPin': call({
    input: CardPinInput,
    output: PersonDetail,
    errors: ['CARD_PIN_WRONG', 'CARD_PIN_LOCKED', 'CARD_LAST_TRY_UNCONFIRMED', 'CARD_REMOVED'],
  }),
  'card.visual': call({ input: CardVisualInput, output: PersonDetail, errors: ['CARD_NO_CARD', 'CARD_NOT_MYNUMBER'] }),
  'card.cancel': call({ input: input({}), output: z.strictObject({}), errors: [] }),
  'card.readers': call({ input: input({}), output: ReaderStatus, errors: [] }),
  'card.selectReader': call({ input: SelectReaderInput, output: ReaderStatus, errors: ['CARD_NO_READER'] }),
  'support.copyInfo': call({ input: input({}), output: SupportInfo, errors: [] }),
  'diagnostics.checkTimings': call({ input: input({}), output: PhaseStatsList, errors: [] }),
  'diagnostics.reportDisplay': call({ input: DisplayTimingInput, output: z.strictObject({}), errors: [] }),
  'training.placeCard': call({ input: PlaceCardInput, output: PlaceCardOutput, errors: ['TRAINING_ONLY'] }),
  'training.mailbox': call({ input: input({}), output: z.array(TrainingMail).max(20), errors: ['TRAINING_ONLY'] }),
} as const satisfies { [K in CallName]: CallSpec };

export const events = {
  'connectivity.changed': z.strictObject({ connectivity: Connectivity, since: z.string() }),
} as const satisfies { [E in EventName]: z.ZodType };

// Compile-time proof that the tables define no name beyond channels.ts.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _callsMatch: Exact<keyof typeof calls, CallName> = true;
const _eventsMatch: Exact<keyof typeof events, EventName> = true;
void _callsMatch;
void _eventsMatch;
export type CallInput<K extends CallName> = z.input<(typeof calls)[K]['input']>;
export type CallOutput<K extends CallName> = z.output<(typeof calls)[K]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** What preload.ts exposes as `window.kaigo`. */
export interface KaigoBridge {
  invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}
