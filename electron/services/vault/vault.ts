import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KeychainUnavailableError } from '../../../native/keychain';
import { KaigoError } from '../errors';
import { removeStaleTemps, TEMP_MARK, writeFileAtomic } from './atomic-file';
import {
  CURRENT_ACCOUNT,
  deleteMasterKey,
  MasterKeyFormatError,
  newMasterKey,
  PREVIOUS_ACCOUNT,
  readMasterKey,
  writeMasterKey,
  zeroMasterKey,
  type MasterKey,
} from './master-key';
import { blobKeyId, BlobFormatError, openBlob, sealBlob } from './sealed-blob';
import type { SubkeyPurpose, Vault, VaultOptions } from './types';

const SUFFIX = '.sealed';
const NAME = /^[a-z0-9][a-z0-9.-]{0,63}$/;
/** The random root secret all subkeys derive from; names starting with "vault-" are the vault's own. */
const ROOT_BLOB = 'vault-root';
const HKDF_SALT = Buffer.from('kaigo-desk vault subkey v1', 'utf8');

function keychainCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof KeychainUnavailableError) throw new KaigoError('KEYCHAIN_UNAVAILABLE', 'keychain');
    if (err instanceof MasterKeyFormatError) throw new KaigoError('VAULT_KEY_MISSING', 'master-key-format');
    throw err;
  }
}

/**
 * Opens the vault of one mode. Reads the keychain before touching the disk: without a keychain it throws
 * KEYCHAIN_UNAVAILABLE having written nothing. A missing master key with sealed blobs on disk is VAULT_KEY_MISSING
 * (the blobs are kept: restoring the keychain brings them back). An interrupted rotation is finished here.
 */
export function openVault(options: VaultOptions): Vault {
  const { keychain, mode } = options;
  const dir = path.join(options.dataDir, 'vault');
  let current = keychainCall(() => readMasterKey(keychain, mode, CURRENT_ACCOUNT));
  let previous = keychainCall(() => readMasterKey(keychain, mode, PREVIOUS_ACCOUNT));
  let root: Buffer | null = null;
  let closed = false;

  const fileOf = (name: string) => path.join(dir, name + SUFFIX);
  const list = (): string[] => {
    try {
      return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(SUFFIX))
        .map((f) => f.slice(0, -SUFFIX.length));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  };

  if (!current) {
    if (previous) {
      current = previous; // cannot happen with our write order; recover rather than lose the key
      previous = null;
      keychainCall(() => writeMasterKey(keychain, mode, CURRENT_ACCOUNT, current!));
    } else if (list().length > 0) {
      throw new KaigoError('VAULT_KEY_MISSING', 'no-master-key');
    } else {
      current = newMasterKey();
      keychainCall(() => writeMasterKey(keychain, mode, CURRENT_ACCOUNT, current!));
    }
  }

  const live = (): MasterKey => {
    if (closed || !current) throw new KaigoError('INTERNAL', 'vault-closed');
    return current;
  };

  const checkName = (name: string, own = false) => {
    if (!NAME.test(name) || name.includes(TEMP_MARK) || (!own && name.startsWith('vault-'))) {
      throw new RangeError('invalid sealed blob name');
    }
  };

  const readSealed = (name: string): Buffer | null => {
    let blob: Buffer;
    try {
      blob = fs.readFileSync(fileOf(name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    try {
      const id = blobKeyId(blob);
      const master = live();
      const key = id.equals(master.id) ? master.key : previous && id.equals(previous.id) ? previous.key : null;
      if (!key) throw new KaigoError('VAULT_BLOB_UNREADABLE', 'unknown-key-id');
      return openBlob(name, blob, key);
    } catch (err) {
      if (err instanceof BlobFormatError) throw new KaigoError('VAULT_BLOB_UNREADABLE', err.reason);
      throw err;
    }
  };

  const writeSealed = (name: string, bytes: Uint8Array) => {
    const master = live();
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(fileOf(name), sealBlob(name, bytes, master.key, master.id));
  };

  /** Re-seals every blob not under the current key, then forgets the previous key. */
  const finishRotation = () => {
    const master = live();
    for (const name of list()) {
      const id = blobKeyId(fs.readFileSync(fileOf(name)));
      if (id.equals(master.id)) continue;
      let plain: Buffer | null;
      try {
        plain = readSealed(name);
      } catch (err) {
        // Sealed under neither key, or damaged: keeping the old key would not make it readable, so it must not
        // block the rotation. It stays on disk as it is; open() keeps refusing it.
        if (err instanceof KaigoError && err.code === 'VAULT_BLOB_UNREADABLE') continue;
        throw err;
      }
      if (!plain) continue;
      writeSealed(name, plain);
      plain.fill(0);
    }
    keychainCall(() => deleteMasterKey(keychain, mode, PREVIOUS_ACCOUNT));
    zeroMasterKey(previous);
    previous = null;
  };

  if (previous) finishRotation();
  removeStaleTemps(dir);

  const rootSecret = (): Buffer => {
    if (root) return root;
    let secret = readSealed(ROOT_BLOB);
    if (!secret) {
      secret = crypto.randomBytes(32);
      writeSealed(ROOT_BLOB, secret);
    }
    root = secret;
    return root;
  };

  return {
    subkey(purpose: SubkeyPurpose): Buffer {
      live();
      return Buffer.from(crypto.hkdfSync('sha256', rootSecret(), HKDF_SALT, `kaigo-desk/${purpose}`, 32));
    },
    seal(name, bytes) {
      checkName(name);
      writeSealed(name, bytes);
    },
    open(name) {
      checkName(name);
      return readSealed(name);
    },
    remove(name) {
      checkName(name);
      live();
      fs.rmSync(fileOf(name), { force: true });
    },
    list: () => list().filter((n) => !n.startsWith('vault-')),
    rotateMasterKey() {
      const outgoing = live();
      if (previous) finishRotation();
      const next = newMasterKey();
      // Order matters for crash safety: keep the outgoing key first, then switch, then re-seal, then forget.
      keychainCall(() => writeMasterKey(keychain, mode, PREVIOUS_ACCOUNT, outgoing));
      keychainCall(() => writeMasterKey(keychain, mode, CURRENT_ACCOUNT, next));
      previous = outgoing;
      current = next;
      finishRotation();
    },
    close() {
      closed = true;
      zeroMasterKey(current);
      zeroMasterKey(previous);
      root?.fill(0);
      current = previous = root = null;
    },
  };
}
