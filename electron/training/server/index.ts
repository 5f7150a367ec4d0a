export { DEFAULT_POLICY, type AuthPolicy, type StaffView } from './auth-state';
export { MAX_BODY_BYTES } from './http-json';
export { ROUTES, type Route } from './routes';
export { TRAINING_OFFICES, TRAINING_STAFF, type JobType, type TrainingOffice, type TrainingStaffSeed } from './seed';
export { startTrainingServer, type TrainingServer, type TrainingServerOptions } from './server';
export { trainingTlsOptions } from './tls-options';
export { TrainingDataState, VIEWING_GRANT_DAYS, type ServiceGrant, type ViewRefusal } from './data-state';
