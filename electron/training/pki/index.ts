export { issueCertificate, type IssueRequest, type NameField, type Usage } from './certificate';
export { generateRsaKeyPair, type KeyPairPem } from './keys';
export { exportP12, type P12Flavour, type P12Input } from './p12';
export {
  CLIENT_CERT_UNIT,
  TRAINING_CA_NAME,
  createTrainingCa,
  createTrainingPki,
  issueOfficeCertificate,
  issueServerCertificate,
  type CertAndKey,
  type ClientCertOptions,
  type OfficeCredential,
  type ServerCertOptions,
  type TrainingOfficeIdentity,
  type TrainingPki,
} from './training-pki';
export { loadOrCreateTrainingPki, type TrainingPkiFiles } from './store';
