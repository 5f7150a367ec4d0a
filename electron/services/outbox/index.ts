export {
  createOutbox,
  type Outbox,
  type OutboxJob,
  type OutboxOptions,
  type OutboxState,
  type OutboxSummary,
} from './outbox';
export { deliverDue, type DeliveryReport, type DeliveryTransport, type SendOutcome } from './deliver';
export { createTransport, outcomeOf, type JobSender, type TransportOptions } from './transport';
export { createDeliveryLoop, type DeliveryLoop, type DeliveryLoopOptions, type LoopTimers } from './loop';
