/**
 * Discovery's part of the scenario language, the optional `discovery:` block: a
 * Consul-style registry that replicas register with (TTL and heartbeats) and callers poll,
 * so crashes and restarts reach the balancers with a realistic delay instead of instantly
 * (components/discovery).
 */
import { z } from 'zod';
import { discoveryDefaults } from '../../components/discovery/index';
import { encodeDetail, explained, positiveDuration } from '../scenario/fields';
import type { ScenarioPart } from '../scenario/scenario-part';
import type { DiscoverySpec } from './discovery-spec';

const s = (ms: number) => `${ms / 1000}s`;

const discovery = explained(
  z.strictObject({
    ttl: positiveDuration.optional().meta({ description: `A registration expires this long after its last heartbeat. Default ${s(discoveryDefaults.ttlMs)}.` }),
    heartbeat: positiveDuration.optional().meta({ description: `Time between an instance's heartbeats; below ttl. Default ${s(discoveryDefaults.heartbeatIntervalMs)}.` }),
    poll: positiveDuration.optional().meta({ description: `Time between a caller's polls of the registry. Default ${s(discoveryDefaults.pollIntervalMs)}.` }),
    deregisterCriticalAfter: positiveDuration.optional().meta({
      description: `An expired instance is removed this long after expiry. Default ${s(discoveryDefaults.deregisterCriticalAfterMs)}.`,
    }),
  }),
  { expected: 'discovery { ttl?, heartbeat?, poll?, deregisterCriticalAfter? }', example: '{ ttl: 10s }' },
).superRefine((doc, ctx) => {
  const ttl = doc.ttl ?? discoveryDefaults.ttlMs;
  if ((doc.heartbeat ?? discoveryDefaults.heartbeatIntervalMs) >= ttl) {
    ctx.addIssue({ code: 'custom', path: ['heartbeat'], message: encodeDetail({ expected: `a heartbeat shorter than the ttl (${ttl} ms)`, example: '3s' }) });
  }
}).meta({ description: 'Service discovery through a registry (Consul-style TTL checks); absent = static endpoints. {} for all defaults.' });

/** The validated block to the components' options (absent keys take the components' defaults). */
function normaliseDiscovery(doc: z.output<typeof discovery>): DiscoverySpec {
  return {
    ttlMs: doc.ttl ?? discoveryDefaults.ttlMs,
    heartbeatIntervalMs: doc.heartbeat ?? discoveryDefaults.heartbeatIntervalMs,
    pollIntervalMs: doc.poll ?? discoveryDefaults.pollIntervalMs,
    deregisterCriticalAfterMs: doc.deregisterCriticalAfter ?? discoveryDefaults.deregisterCriticalAfterMs,
  };
}

export const discoveryScenarioPart: ScenarioPart = {
  name: 'discovery',
  fields: { discovery: discovery.optional() },
  normalise: (doc) => (doc.discovery === undefined ? {} : { discovery: normaliseDiscovery(doc.discovery as z.output<typeof discovery>) }),
};
