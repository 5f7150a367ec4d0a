import type { CarePlanFileInput } from '../../../electron/contract';

// Dropped or chosen files → { name, content (base64) } for IPC. The renderer never sends paths: main sees only the
// bytes, and the contract caps their size.

/** A little below the contract's per-file cap (240 KB of base64). */
export const MAX_FILE_BYTES = 170 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function readFiles(list: FileList | File[]): Promise<{ files: CarePlanFileInput[]; tooLarge: string[] }> {
  const files: CarePlanFileInput[] = [];
  const tooLarge: string[] = [];
  for (const f of Array.from(list).slice(0, 20)) {
    if (f.size > MAX_FILE_BYTES) {
      tooLarge.push(f.name);
      continue;
    }
    files.push({ name: f.name, content: toBase64(new Uint8Array(await f.arrayBuffer())) });
  }
  return { files, tooLarge };
}
