export {
  createConnectivity,
  type ConnectivityMachine,
  type ConnectivityOptions,
  type ConnectivitySnapshot,
  type FailureCause,
  type Observation,
} from './machine';
