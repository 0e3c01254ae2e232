import type { Address } from '../../sim/env';
import type { HostHealthListener } from './health-listener';

/**
 * Combines several health sources (outlier detection, active health checks) into one
 * healthy flag per host, as Envoy keeps one flag per source (FAILED_OUTLIER_CHECK,
 * FAILED_ACTIVE_HC) and a host is healthy only when none is set. Without this, a health
 * check success could put back a host the outlier detector had just ejected.
 */
export class CombinedHealth {
  /** Sources holding each host out; a host is absent when none does. */
  private readonly heldBy = new Map<Address, Set<string>>();

  /** `setHealthy(hostId, healthy)` is called whenever a host's combined flag flips. */
  constructor(private readonly setHealthy: (hostId: Address, healthy: boolean) => void) {}

  /** The listener for one named source, e.g. 'outlier' or 'health-check'. */
  listener(source: string): HostHealthListener {
    return {
      eject: (hostId) => this.hold(hostId, source),
      uneject: (hostId) => this.release(hostId, source),
    };
  }

  isHealthy(hostId: Address): boolean {
    return !this.heldBy.has(hostId);
  }

  private hold(hostId: Address, source: string): void {
    let sources = this.heldBy.get(hostId);
    if (sources === undefined) {
      sources = new Set();
      this.heldBy.set(hostId, sources);
      this.setHealthy(hostId, false);
    }
    sources.add(source);
  }

  private release(hostId: Address, source: string): void {
    const sources = this.heldBy.get(hostId);
    if (sources === undefined || !sources.delete(source)) return;
    if (sources.size > 0) return;
    this.heldBy.delete(hostId);
    this.setHealthy(hostId, true);
  }
}
