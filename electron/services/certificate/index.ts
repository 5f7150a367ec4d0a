export { WARNING_DAYS, expiryStatus, type ExpiryStatus, type WarningStep } from './expiry';
export { EKU_CLIENT_AUTH, EKU_SERVER_AUTH, inspectCertificate, type CertificateInfo } from './inspect';
export { MAX_P12_BYTES, readP12, type CertificateMaterial } from './p12-reader';
export { MIN_EC_BITS, MIN_RSA_BITS, certificateProblem, type PolicyOptions } from './policy';
export {
  BUNDLE_BLOB,
  createCertificateService,
  officeBundleBlob,
  type CertificateService,
  type CertificateServiceOptions,
  type InstalledCertificate,
  type SealedStore,
} from './service';
export { readP12File, readPasswordFile, readProvisionFiles, type ProvisionFiles } from './provision-files';
export { PASSWORD_FILE_EXTENSION, findDropFolderCertificate, type DropFolderFind } from './drop-folder';
export {
  createOfficeCertificates,
  type CertificateAuditEntry,
  type ImportSource,
  type OfficeCertificates,
  type OfficeCertificatesOptions,
} from './office-certificates';
