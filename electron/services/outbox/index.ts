export {
  createOutbox,
  type Outbox,
  type OutboxJob,
  type OutboxOptions,
  type OutboxState,
  type OutboxSummary,
} from './outbox';
export { deliverDue, type DeliveryReport, type DeliveryTransport, type SendOutcome } from './deliver';
