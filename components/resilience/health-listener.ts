import type { Address } from '../../sim/env';

/**
 * Where the outlier detector and the health checker report their verdicts. The model
 * wires it to the balancer (`Balancer.setHealthy`), usually through CombinedHealth so
 * that several sources do not overrule each other.
 */
export interface HostHealthListener {
  /** Take `hostId` out of load balancing (unless the balancer is in panic mode). */
  eject(hostId: Address): void;
  /** Put `hostId` back into load balancing. */
  uneject(hostId: Address): void;
}
