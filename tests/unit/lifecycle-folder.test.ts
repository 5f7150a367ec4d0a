import { describe, expect, it } from 'vitest';
import type * as Electron from 'electron';
import { folderChooser } from '../../electron/lifecycle';

// The folder dialog of the care-plan official channel: a main-process showOpenDialog for a directory, on the window
// when there is one; the app gets a path or null when staff cancel.

function standIn(answer: { canceled: boolean; filePaths: string[] }) {
  const asked: unknown[][] = [];
  const dialog = { showOpenDialog: async (...args: unknown[]) => (asked.push(args), answer) };
  return { asked, electron: { dialog } as unknown as Pick<typeof Electron, 'dialog'> };
}

describe('folderChooser', () => {
  it('opens a directory dialog on the window and returns the chosen folder', async () => {
    const win = {} as Electron.BrowserWindow;
    const s = standIn({ canceled: false, filePaths: ['/home/jimu/ケアプラン送信'] });
    expect(await folderChooser(s.electron, () => win)('careplan-export')).toBe('/home/jimu/ケアプラン送信');
    expect(s.asked[0]![0]).toBe(win);
    expect(s.asked[0]![1]).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
  });

  it('asks for an existing folder to import, without a parent window when none is open', async () => {
    const s = standIn({ canceled: false, filePaths: ['/home/jimu/Downloads'] });
    expect(await folderChooser(s.electron, () => null)('careplan-import')).toBe('/home/jimu/Downloads');
    expect(s.asked[0]).toHaveLength(1);
    expect(s.asked[0]![0]).toMatchObject({ properties: ['openDirectory'] });
  });

  it('returns null when cancelled', async () => {
    const s = standIn({ canceled: true, filePaths: [] });
    expect(await folderChooser(s.electron, () => null)('careplan-import')).toBeNull();
  });
});
