import { Entry, type EntryOptions } from '@napi-rs/keyring';

// The OS keychain (Windows Credential Manager, macOS Keychain, Linux Secret Service) behind one small interface.
// Only small secrets go here: Windows caps a credential at 2,560 bytes (DESIGN.md §4).

export interface Keychain {
  /** Throws KeychainUnavailableError when the platform store cannot be reached. */
  getSecret(service: string, account: string): Buffer | null;
  setSecret(service: string, account: string, secret: Uint8Array): void;
  deleteSecret(service: string, account: string): boolean;
}

export class KeychainUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`keychain unavailable: ${reason}`);
    this.name = 'KeychainUnavailableError';
  }
}

export const MAX_KEYCHAIN_SECRET_BYTES = 2560;

// On Linux, @napi-rs/keyring silently falls back to the kernel keyring (keyutils) when no Secret Service is
// reachable. That store is per boot and not what the user manages, so pin the Secret Service: its absence must
// surface as "no keychain" and a refusal, never as a quiet substitute.
const OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

function entry(service: string, account: string): Entry {
  return new Entry(service, account, OPTIONS);
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    // The library's message names the platform failure (e.g. no D-Bus session); it carries no secret.
    throw new KeychainUnavailableError(err instanceof Error ? err.message.slice(0, 200) : 'unknown');
  }
}

export function osKeychain(): Keychain {
  return {
    getSecret: (service, account) =>
      guard(() => {
        const bytes = entry(service, account).getSecret();
        return bytes ? Buffer.from(bytes) : null;
      }),
    setSecret: (service, account, secret) => {
      if (secret.byteLength > MAX_KEYCHAIN_SECRET_BYTES) throw new RangeError('secret too large for the OS keychain');
      guard(() => entry(service, account).setSecret(secret));
    },
    deleteSecret: (service, account) => guard(() => entry(service, account).deleteCredential()),
  };
}

/** Whether the keychain can be reached now, without writing anything. */
export function probeKeychain(
  keychain: Keychain = osKeychain(),
): { available: true } | { available: false; reason: string } {
  try {
    keychain.getSecret('kaigo-desk.probe', 'probe');
    return { available: true };
  } catch (err) {
    return { available: false, reason: err instanceof KeychainUnavailableError ? err.reason : 'unknown' };
  }
}
