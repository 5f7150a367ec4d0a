// The names of every call and event. Kept apart from the schemas so the preload can be built without the schema
// library; api.ts is type-checked to define exactly these names (no more, no fewer).

export const CALL_NAMES = [
  'app.getStatus',
  'session.state',
  'session.login',
  'session.submitOtp',
  'session.unlockOffline',
  'session.logout',
  'training.mailbox',
  'persons.search',
  'persons.get',
  'eligibility.fetch',
  'deadlines.list',
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
] as const;
export const EVENT_NAMES = ['connectivity.changed'] as const;

export type CallName = (typeof CALL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export const CHANNEL_PREFIX = 'kaigo:';
export const callChannel = (name: CallName) => `${CHANNEL_PREFIX}call:${name}`;
export const eventChannel = (name: EventName) => `${CHANNEL_PREFIX}event:${name}`;
