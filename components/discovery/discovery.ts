import type { Address } from '../../sim/env';

/** One instance of a service, as discovery reports it. `weight` defaults to 1. */
export interface DiscoveryEndpoint {
  readonly id: Address;
  readonly weight?: number;
}

/** Called with the full, new endpoint list of a service whenever it changes. */
export type DiscoveryListener = (endpoints: readonly DiscoveryEndpoint[]) => void;

/**
 * A source of service membership for balancers: the registry (and its remote watcher)
 * implement it now, gossip membership later. The endpoint list is in a stable order
 * (registration order) so balancers that see the same list build the same state.
 *
 * Typical wiring: `discovery.subscribe(service, (eps) => balancer.setHosts(eps))`, then
 * `balancer.setHosts(discovery.endpoints(service))` for the current view.
 */
export interface Discovery {
  /** Healthy endpoints of `service` as this view knows them now (empty when unknown). */
  endpoints(service: string): readonly DiscoveryEndpoint[];
  /** Call `listener` on every change of `service`'s endpoints; returns the unsubscribe. */
  subscribe(service: string, listener: DiscoveryListener): () => void;
}
