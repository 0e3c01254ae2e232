/**
 * Node ids: replica `i` of service `s` is node `s-i` (`srv-0`, `srv-1`, …). Faults name
 * nodes by id, or a whole service by its name.
 */

import { SERVICE_DEFAULTS } from './defaults';
import { COUNT_LIMITS } from './fields';

export const nodeId = (service: string, index: number): string => `${service}-${index}`;

/**
 * Replica count of a raw service entry (before the schema has checked it): the default
 * when absent, undefined when invalid or out of range (the schema reports those; here a
 * typo like 1e9 would only enumerate a billion node ids).
 */
export function replicasOf(service: unknown): number | undefined {
  if (service === null || typeof service !== 'object' || Array.isArray(service)) return undefined;
  const replicas = (service as { replicas?: unknown }).replicas ?? SERVICE_DEFAULTS.replicas;
  return Number.isInteger(replicas) && (replicas as number) >= 1 && (replicas as number) <= COUNT_LIMITS.replicas ? (replicas as number) : undefined;
}

/** The node ids of a service with `replicas` replicas, in index order. */
export const serviceNodeIds = (service: string, replicas: number): string[] => Array.from({ length: replicas }, (_, i) => nodeId(service, i));

/**
 * The node ids a fault target stands for: every replica for a service name, the node
 * itself for a node id. Undefined if it names neither (given each service's replica count).
 */
export function expandTarget(target: string, replicasByService: ReadonlyMap<string, number>): string[] | undefined {
  const replicas = replicasByService.get(target);
  if (replicas !== undefined) return serviceNodeIds(target, replicas);
  const match = /^(.+)-(\d+)$/.exec(target);
  if (match === null) return undefined;
  const serviceReplicas = replicasByService.get(match[1]!);
  return serviceReplicas !== undefined && Number(match[2]) < serviceReplicas && match[2] === String(Number(match[2])) ? [target] : undefined;
}
