// The real components, sans-IO on the Env, as `meshsim/components` exports them. Each
// folder's index is its public surface; files behind it are private to the folder.
export { ComponentError, componentErrorCodes, type ComponentErrorCode } from './errors';
export * from './balancer';
export * from './btree';
export * from './discovery';
export * from './gossip';
export * from './kv';
export * from './proxy';
export * from './resilience';
export * from './ring';
