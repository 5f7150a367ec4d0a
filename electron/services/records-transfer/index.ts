// Moving an office to a new PC (issue 9): the records database sealed with a passphrase, and its import.
export { exportRecords, importRecords, type TransferDeps, type TransferSummary } from './transfer';
export {
  DEFAULT_SCRYPT,
  MIN_PASSPHRASE_CHARS,
  openWithPassphrase,
  sealWithPassphrase,
  type ScryptParams,
} from './sealed-file';
export { readPassphraseFile } from './passphrase-file';
