import { errorInfo, type CarePlanFileInput, type KaigoErrorInfo } from '../../../electron/contract';

// Dropped or chosen files → tokens. The preload resolves each File's path (webUtils.getPathForFile) and main reads the
// file (only .CSV files within the codec's size cap); the renderer never reads the bytes nor sees a path.

export async function takeFiles(
  list: FileList | File[],
): Promise<{ ok: true; files: CarePlanFileInput[]; refused: string[] } | { ok: false; error: KaigoErrorInfo }> {
  const bridge = window.kaigo;
  if (!bridge) return { ok: false, error: errorInfo('IPC_UNKNOWN_CALL') };
  const r = await bridge.droppedFiles(Array.from(list).slice(0, 20));
  if (!r.ok) return r;
  return { ok: true, files: r.value.files.map((f) => ({ token: f.token })), refused: r.value.refused };
}
