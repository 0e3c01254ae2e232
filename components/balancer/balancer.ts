import type { Address } from '../../sim/env';
import { ComponentError, numericOptionCode } from '../errors';
import type { Endpoint } from './endpoint';
import { endpoint } from './endpoint';
import type { PickContext, Policy } from './policy';

export interface BalancerOptions {
  /**
   * Envoy's panic threshold, in percent of hosts: when fewer than this share of hosts are
   * healthy, the balancer ignores health and spreads over all hosts (default 50; 0 disables).
   */
  readonly panicThresholdPercent?: number;
}

/**
 * A balancer: a Policy plus the host bookkeeping every policy shares. One instance per
 * client instance or proxy, so each has its own view, as in real deployments.
 *
 * Usage: `pick()` a host, `onStart(host)` when the request goes out, `onEnd(...)` when
 * it ends (success, error or timeout). Health changes come from health checking or
 * outlier detection through `setHealthy`.
 */
export class Balancer {
  private hosts: Endpoint[] = [];
  private readonly byId = new Map<Address, Endpoint>();
  /** Healthy hosts, or all hosts in panic mode; rebuilt only when membership or health changes. */
  private candidates: Endpoint[] = [];
  private dirty = true;
  readonly panicThresholdPercent: number;

  constructor(readonly policy: Policy, options: BalancerOptions = {}) {
    this.panicThresholdPercent = options.panicThresholdPercent ?? 50;
    if (!(this.panicThresholdPercent >= 0 && this.panicThresholdPercent <= 100)) {
      throw new ComponentError(
        numericOptionCode(this.panicThresholdPercent),
        `balancer: panicThresholdPercent must be in [0, 100], got ${this.panicThresholdPercent}`,
      );
    }
  }

  /** Replace the host set (a discovery update). Hosts that stay keep their counters. */
  setHosts(ids: readonly { id: Address; weight?: number }[]): void {
    const next: Endpoint[] = [];
    for (const { id, weight } of ids) {
      let host = this.byId.get(id);
      if (host === undefined) host = endpoint(id, weight ?? 1);
      else if (weight !== undefined) host.weight = weight;
      next.push(host);
    }
    this.byId.clear();
    for (const host of next) this.byId.set(host.id, host);
    this.hosts = next;
    this.dirty = true;
  }

  /** All hosts, in the order given to setHosts. */
  endpoints(): readonly Endpoint[] {
    return this.hosts;
  }

  get(id: Address): Endpoint | undefined {
    return this.byId.get(id);
  }

  setHealthy(id: Address, healthy: boolean): void {
    const host = this.byId.get(id);
    if (host === undefined || host.healthy === healthy) return;
    host.healthy = healthy;
    this.dirty = true;
  }

  /** True when too few hosts are healthy and health is being ignored. */
  inPanic(): boolean {
    const healthy = this.countHealthy();
    return this.hosts.length > 0 && healthy * 100 < this.panicThresholdPercent * this.hosts.length;
  }

  /** Choose a host for the next request, or undefined when there is none. */
  pick(ctx?: PickContext): Endpoint | undefined {
    if (this.dirty) this.rebuild();
    if (this.candidates.length === 0) return undefined;
    return this.policy.choose(this.candidates, ctx);
  }

  onStart(host: Endpoint): void {
    host.active++;
    this.policy.onStart?.(host);
  }

  onEnd(host: Endpoint, latencyMs: number, ok: boolean): void {
    host.active--;
    this.policy.onEnd?.(host, latencyMs, ok);
  }

  private countHealthy(): number {
    let healthy = 0;
    for (const host of this.hosts) if (host.healthy) healthy++;
    return healthy;
  }

  private rebuild(): void {
    this.dirty = false;
    const healthy = this.hosts.filter((h) => h.healthy);
    // Envoy: below the panic threshold, route to all hosts rather than overload the few.
    const panic = healthy.length * 100 < this.panicThresholdPercent * this.hosts.length;
    this.candidates = panic || healthy.length === 0 ? this.hosts.slice() : healthy;
  }
}
