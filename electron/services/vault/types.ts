import type { Keychain } from '../../../native/keychain';

/** What a subkey is for. Each purpose gets its own independent 32-byte key (HKDF info = purpose). */
export type SubkeyPurpose =
  'database-cache' | 'database-records' | 'audit-mac' | 'certificate-bundle' | 'offline-verifier';

export const SUBKEY_PURPOSES: readonly SubkeyPurpose[] = [
  'database-cache',
  'database-records',
  'audit-mac',
  'certificate-bundle',
  'offline-verifier',
];

/** Training mode keeps its own keychain entries and data dir (DESIGN.md §4). */
export type VaultMode = 'training' | 'configured';

export interface VaultOptions {
  /** The app data dir of this mode; sealed blobs live in `<dataDir>/vault/`. Created on the first write only. */
  dataDir: string;
  mode: VaultMode;
  keychain: Keychain;
}

/**
 * Secrets at rest (DESIGN.md §4). The master key stays in the OS keychain; everything else is sealed with
 * AES-256-GCM under it in the data dir. Every returned key buffer is a fresh copy the caller may (and should) zero.
 */
export interface Vault {
  /**
   * A 32-byte key for one purpose, stable across master-key rotation (derived from a sealed random root secret, so
   * rotation only re-seals the root). Creates the root on first use.
   */
  subkey(purpose: SubkeyPurpose): Buffer;
  /** Seals `bytes` under the master key as blob `name` (atomic replace). Names: [a-z0-9][a-z0-9.-]{0,63}. */
  seal(name: string, bytes: Uint8Array): void;
  /** The plain bytes of blob `name`, or null when no such blob exists. Tampered/renamed → VAULT_BLOB_UNREADABLE. */
  open(name: string): Buffer | null;
  /** Deletes blob `name` (no error when absent). */
  remove(name: string): void;
  /** Names of the sealed blobs on disk. */
  list(): string[];
  /**
   * New master key; re-seals every blob; the old key stays in the keychain until all are re-sealed, so a crash at
   * any point leaves every blob openable (each blob names the key id it was sealed with).
   */
  rotateMasterKey(): void;
  /** Zeroes the keys held in memory. The vault cannot be used afterwards. */
  close(): void;
}
