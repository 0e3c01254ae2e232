/**
 * The normalised `discovery:` block (discovery-scenario-part.ts makes it), added to the
 * scenario's type by declaration merging.
 */

export interface DiscoverySpec {
  readonly ttlMs: number;
  readonly heartbeatIntervalMs: number;
  readonly pollIntervalMs: number;
  readonly deregisterCriticalAfterMs: number;
}

declare module '../scenario/types' {
  interface ScenarioParts {
    /** Service discovery through a registry; absent = balancers know every replica from the start. */
    readonly discovery?: DiscoverySpec;
  }
}
