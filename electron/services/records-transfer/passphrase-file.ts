import fs from 'node:fs';
import { KaigoError } from '../errors';
import { MIN_PASSPHRASE_CHARS } from './sealed-file';

// The passphrase comes from a file, never from the command line (process lists and shell history would show it).
// One line; a BOM and one trailing line break are allowed (Notepad writes both).

const MAX_BYTES = 1024;

export function readPassphraseFile(file: string): Buffer {
  let raw: Buffer;
  try {
    if (fs.statSync(file).size > MAX_BYTES) throw new KaigoError('RECORDS_PASSPHRASE_FILE', 'too-large');
    raw = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof KaigoError) throw err;
    throw new KaigoError('RECORDS_PASSPHRASE_FILE', 'unreadable');
  }
  try {
    const text = raw
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r?\n$/, '');
    if (/[\r\n]/.test(text) || text.length === 0) throw new KaigoError('RECORDS_PASSPHRASE_FILE', 'not-one-line');
    if ([...text].length < MIN_PASSPHRASE_CHARS) throw new KaigoError('RECORDS_PASSPHRASE_WEAK');
    return Buffer.from(text, 'utf8');
  } finally {
    raw.fill(0);
  }
}
