import crypto from 'node:crypto';
import fs from 'node:fs';

/** Writes a CLI output file whole or not at all (temp file in the same folder, then rename); owner-only (0600). */
export function writeTextAtomic(file: string, text: string): void {
  const temp = `${file}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temp, text, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
  try {
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
