import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// Per-user choices that are not configuration (DESIGN.md §4): e.g. which card reader this user picked when a PC has
// two. Kept in the user's data folder; a damaged file is ignored (defaults apply), never a reason to stop.

const Preferences = z.strictObject({ cardReader: z.string().max(200).optional() });
export type Preferences = z.infer<typeof Preferences>;

export interface PreferenceStore {
  read(): Preferences;
  update(change: Partial<Preferences>): Preferences;
}

export function preferenceStore(dataDir: string): PreferenceStore {
  const file = path.join(dataDir, 'preferences.json');
  const read = (): Preferences => {
    try {
      const parsed = Preferences.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  return {
    read,
    update(change) {
      const next = Preferences.parse({ ...read(), ...change });
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(next));
      fs.renameSync(temp, file);
      return next;
    },
  };
}
