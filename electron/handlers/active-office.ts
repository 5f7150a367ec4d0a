import type { OfficeCertificates } from '../services/certificate';
import type { PreferenceStore, Runtime } from '../services/config';
import { KaigoError } from '../services/errors';
import { TRAINING_OFFICES } from '../training/server';

// Which office this OS user works for (issue 5 item 1: a PC may serve two offices, e.g. 居宅 + 訪問介護 併設). The
// offices are the configured profiles, or in 練習モード the two training offices. The choice is remembered per user
// (preferences.json, like the card reader); without one, the first office that has a certificate is active.
// Whether an office has a certificate is remembered (app.getStatus asks on every call, and each answer would open and
// parse a sealed blob) until a certificate is imported or removed through `notifyingCertificates`; the office list
// itself is read from the configuration each time, so the default follows a changed configuration at once.

export interface OfficeProfileView {
  officeNumber: string;
  serviceType: string;
  name: string;
}

export interface ActiveOffices {
  /** The offices this PC serves, in configuration order. */
  profiles(): OfficeProfileView[];
  /** Whether the office has a client certificate (in 練習モード the training one always exists). */
  hasCertificate(officeNumber: string): boolean;
  /** The active office, or null when no office is configured. */
  active(): OfficeProfileView | null;
  /** Remembers the choice for this user; OFFICE_UNKNOWN when the number is not one of the offices. */
  select(officeNumber: string): OfficeProfileView;
  /** Forgets which offices have a certificate (after an import or removal). */
  certificatesChanged(): void;
}

export interface ActiveOfficesDeps {
  runtime: Runtime;
  preferences: PreferenceStore;
  certificates: OfficeCertificates;
}

export function createActiveOffices({ runtime, preferences, certificates }: ActiveOfficesDeps): ActiveOffices {
  const profiles = (): OfficeProfileView[] => {
    if (runtime.mode === 'training') {
      return TRAINING_OFFICES.map((o) => ({
        officeNumber: o.officeNumber,
        serviceType: o.serviceType,
        name: o.officeName,
      }));
    }
    return (runtime.config?.offices ?? []).map((o) => ({
      officeNumber: o.officeNumber,
      serviceType: o.serviceType,
      name: o.name,
    }));
  };
  const known = new Map<string, boolean>();
  const hasCertificate = (officeNumber: string): boolean => {
    if (runtime.mode === 'training') return true;
    const remembered = known.get(officeNumber);
    if (remembered !== undefined) return remembered;
    try {
      const has = certificates.installed(officeNumber) !== null;
      known.set(officeNumber, has);
      return has;
    } catch (err) {
      // No keychain (or a vault that cannot open): nothing can be presented, so no certificate. Not remembered: the
      // next call looks again, so a keychain that comes back is noticed.
      if (err instanceof KaigoError) return false;
      throw err;
    }
  };
  return {
    profiles,
    hasCertificate,
    active() {
      const all = profiles();
      const chosen = preferences.read().office;
      return (
        all.find((o) => o.officeNumber === chosen) ??
        (all.length > 1 ? all.find((o) => hasCertificate(o.officeNumber)) : undefined) ??
        all[0] ??
        null
      );
    },
    select(officeNumber) {
      const office = profiles().find((o) => o.officeNumber === officeNumber);
      if (!office) throw new KaigoError('OFFICE_UNKNOWN');
      preferences.update({ office: officeNumber });
      return office;
    },
    certificatesChanged: () => known.clear(),
  };
}

/** The certificates as the app uses them: each import or removal (done or refused) also reaches `onChange`. */
export function notifyingCertificates(certificates: OfficeCertificates, onChange: () => void): OfficeCertificates {
  return {
    ...certificates,
    importP12(bytes, password, source, staffId) {
      try {
        return certificates.importP12(bytes, password, source, staffId);
      } finally {
        onChange();
      }
    },
    remove(staffId, officeNumber) {
      try {
        certificates.remove(staffId, officeNumber);
      } finally {
        onChange();
      }
    },
  };
}
