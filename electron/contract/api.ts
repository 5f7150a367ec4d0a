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
import {
  CarePlanFilesInput,
  CarePlanFolderImportOutput,
  CarePlanDroppedInput,
  CarePlanDroppedOutput,
  LedgerIdsInput,
  MarkUploadedOutput,
  CarePlanImportOutput,
  CarePlanInboxOutput,
  CarePlanMonthsOutput,
  CarePlanMonthView,
  CarePlanReport,
  CarePlanSendInput,
  CarePlanSendOutput,
  CarePlanTrainingPlanOutput,
  LedgerExportOutput,
  LedgerOutput,
  PartnerIdInput,
  PartnerSaveInput,
  PartnerView,
  PersonMonthInput,
  PersonPlansInput,
  PersonPlansOutput,
} from './careplan';
import { PaperListInput, PaperListOutput, PaperSaveInput, PaperSaveOutput } from './paper';
import { AllowancesTab, DocumentsTab, PersonTabInput, PrintedOutput, ProgressTab } from './person-tabs';
import {
  CertificateChooseOutput,
  CertificateDetails,
  CertificatePasswordInput,
  CertificatePreview,
  CertificateStatus,
} from './certificate';
import { OfficeList, OfficeSelectInput } from './office';
import { OutboxChanged, OutboxList, ReceptionEntry, ReceptionForm, ReceptionIdInput } from './reception';
import { ListExportOutput, ListInput, ListPrintedOutput, OutageListsOutput } from './lists';
import { ConnectionCheckReport, SetupCheckReport } from './setup';
import { IdleActivityInput, IdleState, ResumeInput } from './idle';

// The whole API between renderer and main, in one place. Adding a call = one entry here + one handler in electron/handlers/<feature>.ts.
// preload.ts and ipc.ts are derived from this table; nothing else names a channel.

interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Codes this call may return besides the IPC codes every call can return. */
  errors: readonly ErrorCode[];
}

const call = <I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>) => spec;

/** What the 利用者 detail tabs may answer besides the IPC codes (viewing rules: DOMAIN.md §2.1). */
const PERSON_TAB_ERRORS: readonly ErrorCode[] = [
  'SESSION_LOGIN_REQUIRED',
  'PERSON_TAB_NOT_CACHED',
  'KIBAN_NOT_SERVED',
  'KIBAN_VIEWING_EXPIRED',
  'KIBAN_CONSENT_WITHDRAWN',
  'KIBAN_UNKNOWN_PERSON',
];

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
  'session.activity': call({ input: IdleActivityInput, output: IdleState, errors: [] }),
  'session.lock': call({ input: input({}), output: IdleState, errors: [] }),
  'session.resume': call({
    input: ResumeInput,
    output: IdleState,
    errors: [
      'SESSION_RESUME_REFUSED',
      'SESSION_OFFLINE_THROTTLED',
      'SESSION_OFFLINE_EXPIRED',
      'SESSION_LOGIN_REQUIRED',
    ],
  }),
  'connection.check': call({
    input: input({}),
    output: ConnectionCheckReport,
    errors: ['CERT_NOT_INSTALLED', 'CERT_NO_CERTIFICATE', 'CONFIG_INVALID'],
  }),
  'setup.check': call({ input: input({}), output: SetupCheckReport, errors: [] }),
  'persons.progress': call({ input: PersonTabInput, output: ProgressTab, errors: PERSON_TAB_ERRORS }),
  'persons.allowances': call({ input: PersonTabInput, output: AllowancesTab, errors: PERSON_TAB_ERRORS }),
  'persons.documents': call({
    input: PersonTabInput,
    output: DocumentsTab,
    errors: [...PERSON_TAB_ERRORS, 'KIBAN_FORBIDDEN_FOR_JOB'],
  }),
  'persons.printed': call({ input: PersonTabInput, output: PrintedOutput, errors: ['SESSION_LOGIN_REQUIRED'] }),
  'paper.save': call({
    input: PaperSaveInput,
    output: PaperSaveOutput,
    errors: ['SESSION_LOGIN_REQUIRED', 'PAPER_INVALID'],
  }),
  'paper.list': call({ input: PaperListInput, output: PaperListOutput, errors: ['SESSION_LOGIN_REQUIRED'] }),
  'persons.search': call({ input: SearchInput, output: SearchOutput, errors: ['SESSION_LOGIN_REQUIRED'] }),
  'persons.get': call({
    input: PersonInput,
    output: PersonDetail,
    errors: ['SESSION_LOGIN_REQUIRED', 'PERSON_NOT_CACHED', 'KIBAN_NOT_SERVED'],
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
  'lists.outage': call({ input: input({}), output: OutageListsOutput, errors: ['SESSION_LOGIN_REQUIRED'] }),
  'lists.exportCsv': call({
    input: ListInput,
    output: ListExportOutput,
    errors: ['SESSION_LOGIN_REQUIRED', 'LISTS_SAVE_UNAVAILABLE', 'LISTS_EXPORT_FAILED'],
  }),
  'lists.printed': call({ input: ListInput, output: ListPrintedOutput, errors: ['SESSION_LOGIN_REQUIRED'] }),
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
  'certificate.status': call({ input: input({}), output: CertificateStatus, errors: ['KEYCHAIN_UNAVAILABLE'] }),
  'certificate.choose': call({ input: input({}), output: CertificateChooseOutput, errors: ['CERT_FILE_UNREADABLE'] }),
  'certificate.preview': call({
    input: CertificatePasswordInput,
    output: CertificatePreview,
    errors: ['CERT_FILE_NOT_CHOSEN', 'CERT_FILE_TOO_LARGE'],
  }),
  'certificate.import': call({
    input: CertificatePasswordInput,
    output: CertificateDetails,
    errors: [
      'CERT_FILE_NOT_CHOSEN',
      'CERT_WRONG_PASSWORD',
      'CERT_FILE_DAMAGED',
      'CERT_FILE_NOT_PKCS12',
      'CERT_FILE_TOO_LARGE',
      'CERT_EXPIRED',
      'CERT_NOT_YET_VALID',
      'CERT_NO_CLIENT_AUTH',
      'CERT_WEAK_KEY',
      'CERT_OFFICE_MISMATCH',
      'KEYCHAIN_UNAVAILABLE',
    ],
  }),
  'certificate.delete': call({ input: input({}), output: CertificateStatus, errors: ['KEYCHAIN_UNAVAILABLE'] }),
  'certificate.importTraining': call({
    input: input({}),
    output: CertificateDetails,
    errors: ['TRAINING_ONLY', 'KEYCHAIN_UNAVAILABLE'],
  }),
  'office.list': call({ input: input({}), output: OfficeList, errors: [] }),
  'office.select': call({ input: OfficeSelectInput, output: OfficeList, errors: ['OFFICE_UNKNOWN'] }),
  'reception.save': call({
    input: input({ form: ReceptionForm }),
    output: ReceptionEntry,
    errors: ['SESSION_LOGIN_REQUIRED', 'RECEPTION_INVALID'],
  }),
  'reception.list': call({
    input: input({}),
    output: z.array(ReceptionEntry).max(500),
    errors: ['SESSION_LOGIN_REQUIRED'],
  }),
  'reception.approve': call({
    input: ReceptionIdInput,
    output: ReceptionEntry,
    errors: ['SESSION_LOGIN_REQUIRED', 'RECEPTION_NOT_FOUND', 'RECEPTION_NOT_AWAITING'],
  }),
  'reception.reject': call({
    input: ReceptionIdInput,
    output: ReceptionEntry,
    errors: ['SESSION_LOGIN_REQUIRED', 'RECEPTION_NOT_FOUND', 'RECEPTION_NOT_AWAITING'],
  }),
  'outbox.list': call({ input: input({}), output: OutboxList, errors: ['SESSION_LOGIN_REQUIRED'] }),
  'outbox.retryNow': call({
    input: input({}),
    output: z.strictObject({ delivered: z.number().int(), queued: z.number().int() }),
    errors: ['SESSION_LOGIN_REQUIRED'],
  }),
  'careplan.validate': call({
    input: CarePlanFilesInput,
    output: CarePlanReport,
    errors: ['SESSION_LOGIN_REQUIRED', 'CAREPLAN_FILE_TOKEN_UNKNOWN'],
  }),
  'careplan.import': call({
    input: CarePlanFilesInput,
    output: CarePlanImportOutput,
    errors: ['SESSION_LOGIN_REQUIRED', 'CAREPLAN_FILES_INVALID', 'CAREPLAN_FILE_TOKEN_UNKNOWN'],
  }),
  'careplan.months': call({ input: input({}), output: CarePlanMonthsOutput, errors: ['SESSION_LOGIN_REQUIRED'] }),
  'careplan.month': call({
    input: PersonMonthInput,
    output: CarePlanMonthView,
    errors: ['SESSION_LOGIN_REQUIRED', 'CAREPLAN_NOT_FOUND'],
  }),
  'careplan.plans': call({ input: PersonPlansInput, output: PersonPlansOutput, errors: ['SESSION_LOGIN_REQUIRED'] }),
  'careplan.send': call({
    input: CarePlanSendInput,
    output: CarePlanSendOutput,
    errors: [
      'SESSION_LOGIN_REQUIRED',
      'CAREPLAN_FILES_INVALID',
      'CAREPLAN_PARTNER_NOT_FOUND',
      'CAREPLAN_SELF_SEND',
      'TRAINING_ONLY',
      'CAREPLAN_FOLDER_UNAVAILABLE',
      'CAREPLAN_FOLDER_WRITE_FAILED',
      'CAREPLAN_FILE_TOKEN_UNKNOWN',
    ],
  }),
  'careplan.inbox': call({
    input: input({}),
    output: CarePlanInboxOutput,
    errors: ['SESSION_LOGIN_REQUIRED', 'SESSION_UNREACHABLE', 'TRAINING_ONLY'],
  }),
  'careplan.trainingPlan': call({
    input: input({}),
    output: CarePlanTrainingPlanOutput,
    errors: ['SESSION_LOGIN_REQUIRED', 'TRAINING_ONLY'],
  }),
  'careplan.ledger': call({ input: input({}), output: LedgerOutput, errors: ['SESSION_LOGIN_REQUIRED'] }),
  'careplan.ledgerExport': call({
    input: input({}),
    output: LedgerExportOutput,
    errors: ['SESSION_LOGIN_REQUIRED', 'LISTS_SAVE_UNAVAILABLE', 'LISTS_EXPORT_FAILED'],
  }),
  'careplan.partners': call({
    input: input({}),
    output: z.array(PartnerView).max(1000),
    errors: ['SESSION_LOGIN_REQUIRED'],
  }),
  'careplan.savePartner': call({
    input: PartnerSaveInput,
    output: PartnerView,
    errors: ['SESSION_LOGIN_REQUIRED', 'CAREPLAN_PARTNER_INVALID', 'CAREPLAN_SELF_SEND'],
  }),
  'careplan.removePartner': call({
    input: PartnerIdInput,
    output: z.strictObject({}),
    errors: ['SESSION_LOGIN_REQUIRED', 'CAREPLAN_PARTNER_NOT_FOUND'],
  }),
  'careplan.importFolder': call({
    input: input({}),
    output: CarePlanFolderImportOutput,
    errors: ['SESSION_LOGIN_REQUIRED', 'CAREPLAN_FOLDER_UNAVAILABLE', 'CAREPLAN_FOLDER_READ_FAILED'],
  }),
  'careplan.dropped': call({
    input: CarePlanDroppedInput,
    output: CarePlanDroppedOutput,
    errors: ['SESSION_LOGIN_REQUIRED'],
  }),
  'careplan.markUploaded': call({
    input: LedgerIdsInput,
    output: MarkUploadedOutput,
    errors: ['SESSION_LOGIN_REQUIRED', 'CAREPLAN_LEDGER_NOT_FOUND', 'CAREPLAN_NOT_AWAITING_UPLOAD'],
  }),
} as const satisfies { [K in CallName]: CallSpec };

export const events = {
  'connectivity.changed': z.strictObject({ connectivity: Connectivity, since: z.string() }),
  'outbox.changed': OutboxChanged,
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
  /** Dropped or chosen files → tokens: the preload resolves their paths (webUtils.getPathForFile), main reads them. */
  droppedFiles(files: readonly File[]): Promise<Result<CallOutput<'careplan.dropped'>>>;
}
