import type { EventName, EventPayload } from './contract';

// Typed publish/subscribe for the contract's events. main.ts forwards them to the window; the e2e harness forwards
// them to the page. Subscribing returns the unsubscribe function.

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe<E extends EventName>(name: E, listener: Listener<E>): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Map<EventName, Set<Listener<EventName>>>();
  return {
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) listener(payload as EventPayload<EventName>);
    },
    subscribe(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener as Listener<EventName>);
      return () => set.delete(listener as Listener<EventName>);
    },
  };
}
