import fs from 'node:fs';
import path from 'node:path';
import {
  errorInfo,
  serviceTypeName,
  type CertificateDetails,
  type CertificatePreview,
  type CertificateStatus,
} from '../contract';
import { trainingPkiFiles } from '../backend';
import {
  EKU_CLIENT_AUTH,
  expiryStatus,
  inspectCertificate,
  readP12,
  readP12File,
  type InstalledCertificate,
} from '../services/certificate';
import { KaigoError } from '../services/errors';
import type { AppContext } from './context';
import type { HandlerGroup } from './group';

// 設定 → 証明書 (issue 5 items 2, 3, 7). The chosen .p12 stays in main-process memory (DESIGN.md §3: the file's bytes
// never pass through the renderer); only its name goes back. Passwords arrive for one preview or import and are not
// kept. Import, replacement and removal are audited as the logged-in staff member, or 'installer' before any login.

/** Refusals that concern a readable certificate: the preview can still show its details beside the reason. */
const CONTENT_REFUSALS = new Set([
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_NO_CLIENT_AUTH',
  'CERT_WEAK_KEY',
  'CERT_OFFICE_MISMATCH',
]);

export function certificateHandlers(
  ctx: AppContext,
): HandlerGroup<
  | 'certificate.status'
  | 'certificate.choose'
  | 'certificate.preview'
  | 'certificate.import'
  | 'certificate.delete'
  | 'certificate.importTraining'
> {
  let chosen: { fileName: string; bytes: Buffer } | null = null;
  const forget = () => {
    chosen?.bytes.fill(0);
    chosen = null;
  };
  const requireChosen = () => {
    if (!chosen) throw new KaigoError('CERT_FILE_NOT_CHOSEN');
    return chosen;
  };
  const actor = () => ctx.openedSession()?.state().tokens?.staff.staffId ?? 'installer';

  const details = (installed: InstalledCertificate): CertificateDetails => {
    const { info, expiry } = installed;
    const offices = ctx.runtime.config?.offices ?? [];
    const office = offices.find((o) => o.officeNumber === info.officeNumber) ?? null;
    const dn = (name: Record<string, string>) =>
      Object.entries(name)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
    return {
      officeNumber: info.officeNumber,
      subject: dn(info.subject),
      subjectOrganization: info.subject.O ?? null,
      issuer: dn(info.issuer),
      serialNumber: info.serialNumber,
      notBefore: info.notBefore,
      notAfter: info.notAfter,
      keyType: info.keyType,
      keySize: info.keySize,
      extendedKeyUsage: info.extendedKeyUsage,
      clientAuth: info.extendedKeyUsage.includes(EKU_CLIENT_AUTH),
      officeMatch: offices.length === 0 ? 'no-profile' : office ? 'match' : 'mismatch',
      officeName: office?.name ?? null,
      daysLeft: expiry.daysLeft,
      expired: expiry.expired,
      warning: expiry.warning,
    };
  };

  // Each office has its own certificate; `installed` is the active office's (the one the connection presents).
  const status = (): CertificateStatus => {
    const active = ctx.offices.active()?.officeNumber ?? null;
    const offices = ctx.offices.profiles().map((o) => {
      const installed = ctx.withVault(() => ctx.certificates.installed(o.officeNumber));
      return {
        officeNumber: o.officeNumber,
        name: o.name,
        serviceTypeName: serviceTypeName(o.serviceType),
        active: o.officeNumber === active,
        installed: installed ? details(installed) : null,
      };
    });
    return {
      installed: offices.find((o) => o.active)?.installed ?? null,
      offices,
      chosenFile: chosen?.fileName ?? null,
      training: ctx.runtime.mode === 'training',
    };
  };

  /** Installs and switches the session to the new certificate at the next connection. */
  const install = async (bytes: Buffer, password: string, source: 'SCREEN' | 'TRAINING') => {
    const installed = ctx.certificates.importP12(bytes, password, source, actor());
    await ctx.resetSession();
    return details(installed);
  };

  return {
    'certificate.status': () => status(),
    'certificate.choose': async () => {
      const file = ctx.chooseFile ? await ctx.chooseFile('p12') : null;
      if (!file) return { fileName: chosen?.fileName ?? null };
      const bytes = readP12File(file); // refuses a 50 MB file before reading it
      forget();
      chosen = { fileName: path.basename(file), bytes };
      return { fileName: chosen.fileName };
    },
    'certificate.preview': ({ password }): CertificatePreview => {
      const file = requireChosen();
      try {
        return { details: details(ctx.certificates.preview(file.bytes, password)), refusal: null };
      } catch (err) {
        if (!(err instanceof KaigoError)) throw err;
        if (!CONTENT_REFUSALS.has(err.code)) return { details: null, refusal: errorInfo(err.code) };
        const info = inspectCertificate(readP12(file.bytes, password).certPem);
        const expiry = expiryStatus(new Date(info.notAfter), ctx.clock());
        return { details: details({ info, expiry }), refusal: errorInfo(err.code) };
      }
    },
    'certificate.import': async ({ password }) => {
      const file = requireChosen();
      const result = await install(file.bytes, password, 'SCREEN');
      forget();
      return result;
    },
    // Removes the active office's certificate (the one the panel shows as in use).
    'certificate.delete': async () => {
      const active = ctx.offices.active();
      if (active) ctx.certificates.remove(actor(), active.officeNumber);
      await ctx.resetSession();
      return status();
    },
    // The same import path as a real file, with the training office .p12 the training PKI wrote (training only).
    'certificate.importTraining': async () => {
      if (ctx.runtime.mode !== 'training') throw new KaigoError('TRAINING_ONLY');
      const files = trainingPkiFiles(ctx.runtime, ctx.clock());
      const active = ctx.offices.active()?.officeNumber;
      const p12 = files.p12Files.find((f) => f.officeNumber === active) ?? files.p12Files[0]!;
      const bytes = fs.readFileSync(p12.file);
      try {
        return await install(bytes, files.p12Password, 'TRAINING');
      } finally {
        bytes.fill(0);
      }
    },
  };
}
