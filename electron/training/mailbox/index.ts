export { createTrainingMailbox, type MailboxMessage, type TrainingMailbox } from './mailbox';
