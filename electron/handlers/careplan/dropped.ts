import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../../services/careplan';
import { KaigoError } from '../../services/errors';

// Dropped or chosen files stay in main (as the certificate dialog's file does): the preload resolves their paths with
// webUtils.getPathForFile, main reads the bytes once and hands the renderer an opaque token per file. Calls that take
// files accept a token (or, for files main wrote itself such as the training sample, name + base64 content).

/** Tokens kept at once; the oldest is forgotten first (a drop is checked, then imported or sent, within minutes). */
const MAX_HELD = 100;

export interface DroppedFiles {
  take(paths: readonly string[]): { files: { token: string; name: string; bytes: number }[]; refused: string[] };
  /** name + bytes for token or inline inputs; an unknown or forgotten token is CAREPLAN_FILE_TOKEN_UNKNOWN. */
  resolve(files: readonly ({ token: string } | { name: string; content: string })[]): {
    name: string;
    bytes: Uint8Array;
  }[];
}

export function droppedFiles(): DroppedFiles {
  const held = new Map<string, { name: string; bytes: Uint8Array }>();
  return {
    take(paths) {
      const files: { token: string; name: string; bytes: number }[] = [];
      const refused: string[] = [];
      for (const p of paths) {
        const name = path.basename(p);
        try {
          const stat = fs.statSync(p);
          if (!path.isAbsolute(p) || !stat.isFile() || !/\.csv$/i.test(name) || stat.size > MAX_FILE_BYTES) {
            refused.push(name);
            continue;
          }
          const token = randomUUID();
          const bytes = new Uint8Array(fs.readFileSync(p));
          held.set(token, { name, bytes });
          files.push({ token, name, bytes: bytes.length });
        } catch {
          refused.push(name);
        }
      }
      while (held.size > MAX_HELD) held.delete(held.keys().next().value!);
      return { files, refused };
    },
    resolve(files) {
      return files.map((f) => {
        if ('content' in f) return { name: f.name, bytes: Buffer.from(f.content, 'base64') };
        const file = held.get(f.token);
        if (!file) throw new KaigoError('CAREPLAN_FILE_TOKEN_UNKNOWN');
        return file;
      });
    },
  };
}
