import {
  errorInfo,
  type CallInput,
  type CallName,
  type CallOutput,
  type EventName,
  type EventPayload,
  type KaigoBridge,
  type Result,
} from '../electron/contract';

// The renderer's only way to the main process: window.kaigo, built by the preload from the contract.

declare global {
  interface Window {
    kaigo?: KaigoBridge;
  }
}

export function call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
  const bridge = window.kaigo;
  if (!bridge) return Promise.resolve({ ok: false, error: errorInfo('IPC_UNKNOWN_CALL') });
  return bridge.invoke(name, input);
}

export function subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.kaigo?.on(name, listener) ?? (() => {});
}
