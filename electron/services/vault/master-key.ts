import crypto from 'node:crypto';
import type { Keychain } from '../../../native/keychain';
import { KEY_ID_BYTES } from './sealed-blob';
import type { VaultMode } from './types';

// The master key as kept in the OS keychain: format byte | key id (8, random) | key (32) = 41 bytes, well under the
// 2,560-byte Windows limit (DESIGN.md §4). The key id is random rather than derived from the key so it reveals
// nothing about it. During a rotation the outgoing key is kept under a second account until every blob is re-sealed.

export const KEYCHAIN_SERVICE: Record<VaultMode, string> = {
  configured: 'kaigo-desk',
  training: 'kaigo-desk.training',
};
export const CURRENT_ACCOUNT = 'master-key';
export const PREVIOUS_ACCOUNT = 'master-key.previous';

const FORMAT = 1;
const KEY_BYTES = 32;
const ENTRY_BYTES = 1 + KEY_ID_BYTES + KEY_BYTES;

export interface MasterKey {
  id: Buffer;
  key: Buffer;
}

export class MasterKeyFormatError extends Error {
  constructor() {
    super('master key entry has an unknown format');
    this.name = 'MasterKeyFormatError';
  }
}

export function newMasterKey(): MasterKey {
  return { id: crypto.randomBytes(KEY_ID_BYTES), key: crypto.randomBytes(KEY_BYTES) };
}

export function readMasterKey(keychain: Keychain, mode: VaultMode, account: string): MasterKey | null {
  const raw = keychain.getSecret(KEYCHAIN_SERVICE[mode], account);
  if (!raw) return null;
  try {
    if (raw.length !== ENTRY_BYTES || raw[0] !== FORMAT) throw new MasterKeyFormatError();
    return {
      id: Buffer.from(raw.subarray(1, 1 + KEY_ID_BYTES)),
      key: Buffer.from(raw.subarray(1 + KEY_ID_BYTES)),
    };
  } finally {
    raw.fill(0);
  }
}

export function writeMasterKey(keychain: Keychain, mode: VaultMode, account: string, master: MasterKey): void {
  const raw = Buffer.concat([Buffer.from([FORMAT]), master.id, master.key]);
  try {
    keychain.setSecret(KEYCHAIN_SERVICE[mode], account, raw);
  } finally {
    raw.fill(0);
  }
}

export function deleteMasterKey(keychain: Keychain, mode: VaultMode, account: string): void {
  keychain.deleteSecret(KEYCHAIN_SERVICE[mode], account);
}

export function zeroMasterKey(master: MasterKey | null): void {
  master?.key.fill(0);
}
