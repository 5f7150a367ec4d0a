// The vault (DESIGN.md §4): a 32-byte master key in the OS keychain, AES-256-GCM sealed blobs in
// `<dataDir>/vault/`, per-purpose subkeys, crash-safe master-key rotation. No keychain → KEYCHAIN_UNAVAILABLE and
// nothing written; never a plain-text fallback.
export { openVault } from './vault';
export { SUBKEY_PURPOSES, type SubkeyPurpose, type Vault, type VaultMode, type VaultOptions } from './types';
export { KEYCHAIN_SERVICE } from './master-key';
