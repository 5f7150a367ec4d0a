import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { KaigoBridge } from '../../electron/contract/api';
import { callChannel } from '../../electron/contract/channels';

// The preload's droppedFiles: File objects → paths through Electron's webUtils → the preload-only call
// careplan.dropped. The page's generic invoke cannot make that call, so it can never name a path itself.

const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: { files: [], refused: [] } }));
const getPathForFile = vi.fn((f: { name: string }) => `/home/jimu/Downloads/${f.name}`);
let bridge: KaigoBridge;

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (_key: string, api: KaigoBridge) => void (bridge = api) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
  webUtils: { getPathForFile },
}));

beforeAll(async () => {
  await import('../../electron/preload');
});

describe('preload droppedFiles', () => {
  it('resolves each file path with webUtils and invokes careplan.dropped with the paths only', async () => {
    const files = [{ name: 'UPPLAN_a.CSV' }, { name: 'UPSIKYU_b.CSV' }] as unknown as File[];
    await bridge.droppedFiles(files);
    expect(getPathForFile).toHaveBeenCalledTimes(2);
    expect(invoke).toHaveBeenCalledWith(callChannel('careplan.dropped'), {
      paths: ['/home/jimu/Downloads/UPPLAN_a.CSV', '/home/jimu/Downloads/UPSIKYU_b.CSV'],
    });
  });

  it('refuses careplan.dropped through the generic invoke without reaching main', async () => {
    invoke.mockClear();
    const r = await bridge.invoke('careplan.dropped', { paths: ['/etc/passwd'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CALL' } });
    expect(invoke).not.toHaveBeenCalled();
    await bridge.invoke('careplan.validate', { files: [{ token: '00000000-0000-0000-0000-000000000000' }] });
    expect(invoke).toHaveBeenCalledTimes(1);
  });
});
