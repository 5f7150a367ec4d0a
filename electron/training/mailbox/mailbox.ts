// The training one-time-password mailbox. The real service sends the code by e-mail or SMS (DOMAIN.md §3.2); in
// training mode the server drops it here and the app shows it, so the login flow can be practised end to end.
// Holds training data only; capped so a long-running server cannot grow without bound.

export interface MailboxMessage {
  id: number;
  /** Staff ID the message is addressed to. */
  to: string;
  sentAt: string;
  subject: string;
  body: string;
  /** The 6-digit one-time password the body contains. */
  code: string;
}

export interface TrainingMailbox {
  deliver(message: Omit<MailboxMessage, 'id'>): MailboxMessage;
  /** Messages for one staff ID, newest first. */
  messagesFor(staffId: string): MailboxMessage[];
  latestFor(staffId: string): MailboxMessage | undefined;
  /** Called on each delivery (e.g. to push to the screen or print in the CLI). */
  onDeliver(listener: (m: MailboxMessage) => void): () => void;
  clear(): void;
}

export function createTrainingMailbox(capacity = 200): TrainingMailbox {
  let messages: MailboxMessage[] = [];
  let nextId = 1;
  const listeners = new Set<(m: MailboxMessage) => void>();
  return {
    deliver(m) {
      const message = { ...m, id: nextId++ };
      messages.push(message);
      if (messages.length > capacity) messages = messages.slice(-capacity);
      for (const l of listeners) l(message);
      return message;
    },
    messagesFor(staffId) {
      return messages.filter((m) => m.to === staffId).reverse();
    },
    latestFor(staffId) {
      return this.messagesFor(staffId)[0];
    },
    onDeliver(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      messages = [];
    },
  };
}
