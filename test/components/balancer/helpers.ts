import { Balancer } from '../../../components/balancer/balancer';
import type { Endpoint } from '../../../components/balancer/endpoint';
import type { Policy } from '../../../components/balancer/policy';

/** A balancer over hosts given as { id: weight }. */
export function balancerWith(policy: Policy, weights: Record<string, number>): Balancer {
  const balancer = new Balancer(policy);
  balancer.setHosts(Object.entries(weights).map(([id, weight]) => ({ id, weight })));
  return balancer;
}

/** Ids of `count` consecutive picks (no requests started). */
export function pickSequence(balancer: Balancer, count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(balancer.pick()!.id);
  return ids;
}

/** Start `count` requests on `host` through the balancer's bookkeeping. */
export function startRequests(balancer: Balancer, host: Endpoint, count: number): void {
  for (let i = 0; i < count; i++) balancer.onStart(host);
}
