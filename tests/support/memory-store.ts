/**
 * A sealed-blob store kept in memory, for unit tests of services that take one (certificates, offline unlock); the
 * vault provides the real one with the same three calls.
 */
export function memorySealedStore() {
  const blobs = new Map<string, Buffer>();
  return {
    blobs,
    seal: (name: string, bytes: Uint8Array) => void blobs.set(name, Buffer.from(bytes)),
    open: (name: string): Buffer | null => blobs.get(name) ?? null,
    remove: (name: string) => void blobs.delete(name),
  };
}
