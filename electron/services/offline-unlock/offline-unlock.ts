import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Vault } from '../vault';

// Offline unlock (DESIGN.md §4, issue 5 item 4). After each ONLINE login (certificate + ID + password + one-time
// password) a per-staff verifier is sealed by the vault: a salted, slow scrypt hash of the password with the staff
// member's job type and office. While the service cannot be reached, ID + password unlock the cached data read-only,
// for a limited time after that last online login. The idle lock resumes with the same verifier.

// scrypt cost: N=2^15, r=8 (~32 MB, ~0.1 s here): slow enough to make guessing a stolen verifier expensive.
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

const VerifierFile = z.strictObject({
  v: z.literal(1),
  staffId: z.string().max(64),
  salt: z.string().length(44), // base64 of 32 bytes
  hash: z.string().length(44),
  jobType: z.string().max(40),
  officeNumber: z.string().max(10),
  lastOnlineLogin: z.string(),
});

export interface StaffIdentity {
  staffId: string;
  jobType: string;
  officeNumber: string;
}

export type UnlockResult =
  | { ok: true; staff: StaffIdentity; readOnly: true; lastOnlineLogin: string; unlockUntil: string }
  | { ok: false; reason: 'no-online-login' | 'wrong-password' | 'expired' };

export interface OfflineUnlock {
  /** Call after every successful online login. The password buffer is zeroed by this call. */
  recordOnlineLogin(staff: StaffIdentity, password: Buffer): void;
  /** ID + password while offline. The password buffer is zeroed by this call. */
  unlock(staffId: string, password: Buffer): UnlockResult;
  /** Forgets a staff member's verifier (e.g. account removed). */
  forget(staffId: string): void;
}

// Blob names carry a hash of the staff ID, not the ID itself.
const blobName = (staffId: string) =>
  `offline-verifier.${createHash('sha256').update(staffId, 'utf8').digest('hex').slice(0, 32)}`;

function derive(password: Buffer, salt: Buffer): Buffer {
  return scryptSync(password, salt, 32, SCRYPT);
}

export function createOfflineUnlock(options: {
  vault: () => Pick<Vault, 'seal' | 'open' | 'remove'>;
  clock: () => Date;
  /** Hours after the last online login during which offline unlock is allowed (configuration, default 72). */
  limitHours: number;
}): OfflineUnlock {
  return {
    recordOnlineLogin(staff, password) {
      try {
        const salt = randomBytes(32);
        const hash = derive(password, salt);
        const file: z.infer<typeof VerifierFile> = {
          v: 1,
          ...staff,
          salt: salt.toString('base64'),
          hash: hash.toString('base64'),
          lastOnlineLogin: options.clock().toISOString(),
        };
        hash.fill(0);
        options.vault().seal(blobName(staff.staffId), Buffer.from(JSON.stringify(file), 'utf8'));
      } finally {
        password.fill(0);
      }
    },
    unlock(staffId, password) {
      try {
        const raw = options.vault().open(blobName(staffId));
        if (!raw) return { ok: false, reason: 'no-online-login' };
        const parsed = VerifierFile.safeParse(JSON.parse(raw.toString('utf8')));
        if (!parsed.success || parsed.data.staffId !== staffId) return { ok: false, reason: 'no-online-login' };
        const file = parsed.data;
        // Always run the slow hash, even when the time limit has passed, so timing tells nothing about the password.
        const expected = Buffer.from(file.hash, 'base64');
        const actual = derive(password, Buffer.from(file.salt, 'base64'));
        const matches = actual.length === expected.length && timingSafeEqual(actual, expected);
        actual.fill(0);
        if (!matches) return { ok: false, reason: 'wrong-password' };
        const until = Date.parse(file.lastOnlineLogin) + options.limitHours * 3_600_000;
        if (options.clock().getTime() > until) return { ok: false, reason: 'expired' };
        return {
          ok: true,
          staff: { staffId: file.staffId, jobType: file.jobType, officeNumber: file.officeNumber },
          readOnly: true,
          lastOnlineLogin: file.lastOnlineLogin,
          unlockUntil: new Date(until).toISOString(),
        };
      } finally {
        password.fill(0);
      }
    },
    forget(staffId) {
      options.vault().remove(blobName(staffId));
    },
  };
}
