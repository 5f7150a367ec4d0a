import fs from 'node:fs';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../../services/careplan';
import { KaigoError } from '../../services/errors';

// Reading a download folder of the official channel (the client's or the browser's download folder): its .CSV files,
// in name order, read by main. Not recursive; other files, files over the codec's size cap and files beyond the
// first 500 are counted as skipped, never read.

export const MAX_FOLDER_FILES = 500;

export function readDownloadFolder(folder: string): { files: { name: string; bytes: Uint8Array }[]; skipped: number } {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    throw new KaigoError('CAREPLAN_FOLDER_READ_FAILED');
  }
  const files: { name: string; bytes: Uint8Array }[] = [];
  let skipped = 0;
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!e.isFile() || !/\.csv$/i.test(e.name) || files.length >= MAX_FOLDER_FILES) {
      skipped++;
      continue;
    }
    const file = path.join(folder, e.name);
    try {
      if (fs.statSync(file).size > MAX_FILE_BYTES) {
        skipped++;
        continue;
      }
      files.push({ name: e.name, bytes: fs.readFileSync(file) });
    } catch {
      skipped++; // vanished or unreadable between listing and reading
    }
  }
  return { files, skipped };
}
