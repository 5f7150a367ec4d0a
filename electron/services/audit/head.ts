import { KaigoError } from '../errors';
import type { AuditHead } from './types';

// The chain head (last seq + last MAC) sealed by the vault as blob "audit-head" after each append. The vault's
// AES-GCM seal means the head cannot be forged or edited without the master key; comparing it with the file
// catches a deleted tail or an older copy of the database put back.

export const HEAD_BLOB = 'audit-head';

/** The part of the vault the audit log needs (electron/services/vault `Vault`). */
export interface BlobSealer {
  seal(name: string, bytes: Uint8Array): void;
  open(name: string): Buffer | null;
}

export interface HeadStore {
  read(): AuditHead | null;
  write(head: AuditHead): void;
}

export function sealedHeadStore(vault: BlobSealer, blobName = HEAD_BLOB): HeadStore {
  return {
    read() {
      const bytes = vault.open(blobName);
      if (!bytes) return null;
      // The blob authenticated, so only a future format version can get here: refuse rather than guess.
      let parsed: { v?: unknown; seq?: unknown; mac?: unknown };
      try {
        parsed = JSON.parse(bytes.toString('utf8')) as typeof parsed;
      } catch {
        parsed = {};
      }
      if (parsed.v !== 1 || !Number.isSafeInteger(parsed.seq) || typeof parsed.mac !== 'string')
        throw new KaigoError('VAULT_BLOB_UNREADABLE', 'audit-head-format');
      return { seq: parsed.seq as number, mac: Buffer.from(parsed.mac, 'hex') };
    },
    write(head) {
      vault.seal(blobName, Buffer.from(JSON.stringify({ v: 1, seq: head.seq, mac: head.mac.toString('hex') })));
    },
  };
}
