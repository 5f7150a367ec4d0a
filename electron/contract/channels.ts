// The names of every call and event. Kept apart from the schemas so the preload can be built without the schema
// library; api.ts is type-checked to define exactly these names (no more, no fewer).

export const CALL_NAMES = [
  'app.getStatus',
  'session.state',
  'session.login',
  'session.submitOtp',
  'session.unlockOffline',
  'session.logout',
  'session.activity',
  'session.lock',
  'session.resume',
  'connection.check',
  'setup.check',
  'training.mailbox',
  'persons.search',
  'persons.get',
  'persons.progress',
  'persons.allowances',
  'persons.documents',
  'persons.printed',
  'paper.save',
  'paper.list',
  'eligibility.fetch',
  'deadlines.list',
  'lists.outage',
  'lists.exportCsv',
  'lists.printed',
  'card.begin',
  'card.submitPin',
  'card.visual',
  'card.cancel',
  'card.readers',
  'card.selectReader',
  'support.copyInfo',
  'diagnostics.checkTimings',
  'diagnostics.reportDisplay',
  'training.placeCard',
  'certificate.status',
  'certificate.choose',
  'certificate.preview',
  'certificate.import',
  'certificate.delete',
  'certificate.importTraining',
  'office.list',
  'office.select',
  'reception.save',
  'reception.list',
  'reception.approve',
  'reception.reject',
  'outbox.list',
  'outbox.retryNow',
  'careplan.validate',
  'careplan.import',
  'careplan.months',
  'careplan.month',
  'careplan.plans',
  'careplan.send',
  'careplan.inbox',
  'careplan.trainingPlan',
  'careplan.ledger',
  'careplan.ledgerExport',
  'careplan.partners',
  'careplan.savePartner',
  'careplan.removePartner',
  'careplan.importFolder',
  'careplan.markUploaded',
  'careplan.dropped',
] as const;
export const EVENT_NAMES = ['connectivity.changed', 'outbox.changed'] as const;

export type CallName = (typeof CALL_NAMES)[number];

/** Calls only the preload makes (with what it resolved itself, e.g. dropped files' paths); the page cannot invoke them. */
export const PRELOAD_ONLY_CALLS: readonly CallName[] = ['careplan.dropped'];
export type EventName = (typeof EVENT_NAMES)[number];

export const CHANNEL_PREFIX = 'kaigo:';
export const callChannel = (name: CallName) => `${CHANNEL_PREFIX}call:${name}`;
export const eventChannel = (name: EventName) => `${CHANNEL_PREFIX}event:${name}`;
