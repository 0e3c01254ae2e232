/**
 * Defaults of the discovery components in one frozen profile, each with its reason.
 */
export const discoveryDefaults = Object.freeze({
  /**
   * Time a registration stays passing without a heartbeat, ms: 10 s. A crashed instance
   * leaves the healthy set 10 s after its last heartbeat (Consul TTL checks are often
   * 10 s to 30 s; shorter means more heartbeat traffic, longer a slower reaction).
   */
  ttlMs: 10_000,
  /** Time between an agent's heartbeats, ms: 3 s, so two may be lost within one TTL. */
  heartbeatIntervalMs: 3_000,
  /**
   * Time a registration may stay critical before the registry removes it, ms: 60 s,
   * Consul's minimum for `deregister_critical_service_after`; it bounds the memory held
   * by instances that crashed for good.
   */
  deregisterCriticalAfterMs: 60_000,
  /** Time between a watcher's polls of the registry, ms: 1 s (Consul's agent cache refreshes about this often). */
  pollIntervalMs: 1_000,
  /** Most registrations one registry holds; further ones are refused and counted. */
  instancesMax: 100_000,
});
