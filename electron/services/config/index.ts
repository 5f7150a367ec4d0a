export { machineConfigPath, trainingDataDir, userConfigPath, userDataDir, type HostInfo } from './paths';
export { resolveRuntime, type Runtime } from './runtime';
