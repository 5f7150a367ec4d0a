export { createOfflineUnlock, type OfflineUnlock, type StaffIdentity, type UnlockResult } from './offline-unlock';
