import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// Per-user choices that are not configuration (DESIGN.md §4): e.g. which card reader this user picked when a PC has
// two, or which office this user works for when a PC serves two (居宅 + 訪問介護 併設, issue 5 item 1). Kept in the
// user's data folder; a damaged file is ignored (defaults apply), never a reason to stop.

const Preferences = z.strictObject({
  cardReader: z.string().max(200).optional(),
  /** 事業所番号 of the active office (DOMAIN.md §2.16 shape); ignored when it is no longer a configured office. */
  office: z
    .string()
    .regex(/^\d{2}[0-9A-HJ-NPR-Z]\d{7}$/)
    .optional(),
});
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
