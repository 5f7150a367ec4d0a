export { machineConfigPath, trainingDataDir, userConfigPath, userDataDir, type HostInfo } from './paths';
export { PROVISIONED_MARKER, resolveRuntime, type Runtime } from './runtime';
export { Configuration, OfficeProfile, validateConfiguration, type ConfigProblem } from './schema';
export { checkOfficeNumber, officeNumberCheckDigit } from './office-number';
export { preferenceStore, type PreferenceStore, type Preferences } from './preferences';
