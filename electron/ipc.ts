import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  MAX_PAYLOAD_JSON_CHARS,
  CALL_NAMES,
  callChannel,
  calls,
  errorDetail,
  errorInfo,
  type CallName,
  type CallOutput,
  type Result,
} from './contract';
import { z } from 'zod';
import { KaigoError } from './services/errors';
import type { Logger } from './services/log';

// One handler table for every call in the contract. The order is fixed: check the sender, parse the input with the
// contract's schema, call, map errors to the closed set. The e2e harness uses this same dispatcher, so what is tested
// there is what Electron runs. Only types come from 'electron' here.

export type ParsedInput<K extends CallName> = z.output<(typeof calls)[K]['input']>;

export type Handlers = {
  [K in CallName]: (input: ParsedInput<K>) => Promise<CallOutput<K>> | CallOutput<K>;
};

export interface SenderInfo {
  /** URL of the frame that sent the request. */
  url: string;
  /** True when the request came from the window's top-level frame. */
  isMainFrame: boolean;
}

export const APP_ORIGIN = 'app://kaigo';

export function isTrustedSender(sender: SenderInfo): boolean {
  if (!sender.isMainFrame) return false;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'app:' && url.host === 'kaigo';
  } catch {
    return false;
  }
}

export type Dispatch = (name: string, sender: SenderInfo, payload: unknown) => Promise<Result<unknown>>;

function payloadTooLarge(payload: unknown): boolean {
  try {
    return (JSON.stringify(payload ?? null)?.length ?? 0) > MAX_PAYLOAD_JSON_CHARS;
  } catch {
    return true; // cycles or BigInt: not a payload we accept
  }
}

export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (name, sender, payload) => {
    if (!isTrustedSender(sender)) {
      log.warn('ipc.refused', { call: name, reason: 'sender' });
      return { ok: false, error: errorInfo('IPC_FORBIDDEN_SENDER') };
    }
    if (!Object.hasOwn(calls, name)) {
      log.warn('ipc.refused', { call: 'unknown', reason: 'unknown-call' });
      return { ok: false, error: errorInfo('IPC_UNKNOWN_CALL') };
    }
    const callName = name as CallName;
    const spec = calls[callName];
    if (payloadTooLarge(payload)) {
      log.warn('ipc.refused', { call: callName, reason: 'too-large' });
      return { ok: false, error: errorInfo('IPC_INVALID_INPUT') };
    }
    const parsed = spec.input.safeParse(payload);
    if (!parsed.success) {
      // Log which fields failed, never their values (they may be personal data).
      const paths = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}:${i.code}`);
      log.warn('ipc.refused', { call: callName, reason: 'invalid-input', issues: paths.slice(0, 10).join(',') });
      return { ok: false, error: errorInfo('IPC_INVALID_INPUT') };
    }
    try {
      const handler = handlers[callName] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log.error('ipc.bad-output', { call: callName });
        return { ok: false, error: errorInfo('INTERNAL') };
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      if (err instanceof KaigoError) {
        log.warn('ipc.failed', { call: callName, code: err.code });
        // A failure may carry a screen detail (e.g. lockout end); errorDetail() lets only the contract's fields through.
        const detail = 'screenDetail' in err ? errorDetail(err.screenDetail) : undefined;
        return { ok: false, error: errorInfo(err.code, detail) };
      }
      log.error('ipc.failed', {
        call: callName,
        code: 'INTERNAL',
        errorName: err instanceof Error ? err.name : typeof err,
      });
      return { ok: false, error: errorInfo('INTERNAL') };
    }
  };
}

function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { url: frame?.url ?? '', isMainFrame: frame != null && frame === event.sender.mainFrame };
}

/** Registers one ipcMain handler per contract call. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event, payload: unknown) => dispatch(name, senderOf(event), payload));
  }
}
