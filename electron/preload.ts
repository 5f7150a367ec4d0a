import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { KaigoBridge } from './contract/api';
import { CALL_NAMES, EVENT_NAMES, PRELOAD_ONLY_CALLS, callChannel, eventChannel } from './contract/channels';
import { errorInfo } from './contract/errors';

// Builds window.kaigo from the contract. ipcRenderer itself is never exposed: the page can only invoke the calls and
// subscribe to the events the contract names. Bundled into one CommonJS file whose only require is 'electron'.

const knownCalls = new Set<string>(CALL_NAMES.filter((n) => !PRELOAD_ONLY_CALLS.includes(n)));
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
  // Only File objects from a drop or a file input have a path; main reads them and answers with tokens.
  droppedFiles(files) {
    const paths = Array.from(files, (f) => webUtils.getPathForFile(f));
    return ipcRenderer.invoke(callChannel('careplan.dropped'), { paths });
  },
};

contextBridge.exposeInMainWorld('kaigo', bridge);
