import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { KaigoBridge } from './contract/api';
import { CALL_NAMES, EVENT_NAMES, callChannel, eventChannel } from './contract/channels';
import { errorInfo } from './contract/errors';

// Builds window.kaigo from the contract. ipcRenderer itself is never exposed: the page can only invoke the calls and
// subscribe to the events the contract names. Bundled into one CommonJS file whose only require is 'electron'.

const knownCalls = new Set<string>(CALL_NAMES);
const knownEvents = new Set<string>(EVENT_NAMES);

const bridge: KaigoBridge = {
  invoke(name, input) {
    if (!knownCalls.has(name)) return Promise.resolve({ ok: false, error: errorInfo('IPC_UNKNOWN_CALL') });
    return ipcRenderer.invoke(callChannel(name), input);
  },
  on(name, listener) {
    if (!knownEvents.has(name)) throw new Error(`unknown event: ${String(name)}`);
    const channel = eventChannel(name);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('kaigo', bridge);
