export { discoveryDefaults } from './defaults';
export type { Discovery, DiscoveryEndpoint, DiscoveryListener } from './discovery';
export { Registry, type Registration, type RegistrationStatus, type RegistryOptions } from './registry';
export { RegistryAgent, type RegistryAgentOptions } from './registry-agent';
export {
  isDeregisterMessage,
  isPollMessage,
  isRegisterMessage,
  isSnapshotMessage,
  type DeregisterMessage,
  type PollMessage,
  type RegisterMessage,
  type SnapshotMessage,
} from './registry-messages';
export { RegistryWatcher, type RegistryWatcherOptions } from './registry-watcher';
