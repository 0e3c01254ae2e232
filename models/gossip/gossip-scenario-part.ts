/**
 * Gossip's part of the scenario language: a service with `kind: gossip` and `replicas: n`
 * is n members running the real SWIM component (components/gossip); its `gossip:` block
 * holds the protocol parameters (memberlist's LAN profile by default) and `events:` the
 * rumours. The faults `join` and `leave` change its membership.
 */
import { z } from 'zod';
import { gossipLanProfile } from '../../components/gossip/index';
import { faultTarget, faultTiming } from '../scenario/fault-fields';
import { boolean, COUNT_LIMITS, countUpTo, explained, integerBetween, oneOf, positiveDuration, rate, serviceName, size } from '../scenario/fields';
import { expandTarget, replicasOf } from '../scenario/node-ids';
import { show, type PathProblem } from '../scenario/path-problem';
import { isMapping, type Mapping, type ScenarioPart } from '../scenario/scenario-part';
import type { FaultSpec, Scenario } from '../scenario/types';
import type { GossipServiceSpec } from './gossip-spec';

const p = gossipLanProfile;
const ms = (x: number) => (x % 1000 === 0 ? `${x / 1000}s` : `${x}ms`);

const gossipBlock = explained(
  z.strictObject({
    protocol: oneOf(['swim', 'push', 'push-pull']).optional().meta({ description: `swim (membership and failure detection), or push / push-pull plain rumour spreading. Default ${p.protocol}.` }),
    probeInterval: positiveDuration.optional().meta({ description: `SWIM protocol period. Default ${ms(p.probeIntervalMs)}.` }),
    probeTimeout: positiveDuration.optional().meta({ description: `Wait for a direct ack before indirect probes. Default ${ms(p.probeTimeoutMs)}.` }),
    indirectChecks: integerBetween(0, 64, 3).optional().meta({ description: `Members asked to ping-req. Default ${p.indirectChecks}.` }),
    suspicionMult: integerBetween(1, 100, 4).optional().meta({ description: `Suspicion timeout = suspicionMult · max(1, log10 n) · probeInterval. Default ${p.suspicionMult}.` }),
    suspicion: boolean(true).optional().meta({ description: 'false: declare dead on a failed probe, without suspicion (the naive baseline). Default true.' }),
    retransmitMult: integerBetween(1, 100, 4).optional().meta({ description: `Each update is sent retransmitMult · ⌈log10(n+1)⌉ times. Default ${p.retransmitMult}.` }),
    gossipInterval: positiveDuration.optional().meta({ description: `Time between gossip rounds. Default ${ms(p.gossipIntervalMs)}.` }),
    fanout: integerBetween(1, 64, 3).optional().meta({ description: `Members gossiped to each round (memberlist GossipNodes). Default ${p.fanout}.` }),
    pushPullInterval: positiveDuration.optional().meta({ description: `Full state sync with one random member. Default ${ms(p.pushPullIntervalMs)}.` }),
    messageSizeLimit: size.optional().meta({ description: `Largest message; piggybacked updates fill it. Default ${p.messageSizeLimitBytes}B.` }),
  }),
  { expected: 'gossip { protocol?, probeInterval?, probeTimeout?, indirectChecks?, ... }', example: '{ protocol: swim }' },
).meta({ description: 'Gossip protocol parameters; memberlist DefaultLANConfig by default.' });

const gossipService = explained(
  z.strictObject({
    kind: z.literal('gossip').meta({ description: 'A gossip cluster instead of a request-serving service.' }),
    replicas: countUpTo(COUNT_LIMITS.replicas, 1000).meta({ description: 'Members of the cluster; ids <service>-0 … <service>-(n-1).' }),
    gossip: gossipBlock.optional(),
    events: explained(
      z.strictObject({
        rate: rate.meta({ description: 'Rumours created per second at random members (Poisson).' }),
        payloadSize: size.optional().meta({ description: 'Payload of each rumour. Default 32B.' }),
      }),
      { expected: 'events { rate, payloadSize? }', example: '{ rate: 0.5/s }' },
    ).optional().meta({ description: 'User events (rumours) for measuring dissemination.' }),
  }),
  { expected: 'a gossip cluster { kind: gossip, replicas, gossip?, events? }', example: '{ kind: gossip, replicas: 1000 }' },
).meta({ description: 'A gossip cluster of `replicas` members (SWIM, memberlist defaults).' });

function normaliseGossip(doc: z.output<typeof gossipService>): GossipServiceSpec {
  const g = doc.gossip ?? {};
  const config = Object.fromEntries(Object.entries({
    protocol: g.protocol,
    probeIntervalMs: g.probeInterval,
    probeTimeoutMs: g.probeTimeout,
    indirectChecks: g.indirectChecks,
    suspicionMult: g.suspicionMult,
    suspicion: g.suspicion,
    retransmitMult: g.retransmitMult,
    gossipIntervalMs: g.gossipInterval,
    fanout: g.fanout,
    pushPullIntervalMs: g.pushPullInterval,
    messageSizeLimitBytes: g.messageSizeLimit,
  }).filter(([, v]) => v !== undefined));
  return {
    members: doc.replicas,
    config,
    eventsPerSec: doc.events?.rate ?? 0,
    ...(doc.events?.payloadSize === undefined ? {} : { payloadBytes: doc.events.payloadSize }),
  };
}

// ---- faults --------------------------------------------------------------------------------

const join = z
  .strictObject({
    ...faultTiming,
    join: serviceName.meta({ description: 'A gossip cluster that new members join.' }),
    count: countUpTo(COUNT_LIMITS.joins, 10).optional().meta({ description: 'Members that join (default 1).' }),
  })
  .meta({ description: 'New members join a gossip cluster through random seeds.' });

const leave = z
  .strictObject({
    ...faultTiming,
    leave: faultTarget.meta({ description: 'Gossip member id (gossip-3) or cluster (all members) that leaves gracefully.' }),
  })
  .meta({ description: 'Gossip members leave gracefully.' });

type JoinDoc = z.output<typeof join>;
type LeaveDoc = z.output<typeof leave>;

function normaliseFaults(doc: Mapping, nodesOf: (target: string) => string[]): Map<number, FaultSpec> {
  const out = new Map<number, FaultSpec>();
  (doc.faults as readonly Mapping[] | undefined ?? []).forEach((fault, index) => {
    const timing = { atMs: fault.at as number, ...(fault.for === undefined ? {} : { forMs: fault.for as number }) };
    if ('join' in fault) out.set(index, { kind: 'join', ...timing, service: (fault as JoinDoc).join, count: (fault as JoinDoc).count ?? 1 });
    else if ('leave' in fault) out.set(index, { kind: 'leave', ...timing, targets: nodesOf((fault as LeaveDoc).leave) });
  });
  return out;
}

/** `join` names a gossip cluster and `leave` its members: the request path's nodes do not gossip. */
function crossCheckGossip(root: Mapping): PathProblem[] {
  const services = isMapping(root.services) ? root.services : {};
  const clusters = new Map<string, number>();
  for (const [name, service] of Object.entries(services)) {
    const members = isMapping(service) && service.kind === 'gossip' ? replicasOf(service) : undefined;
    if (members !== undefined) clusters.set(name, members);
  }
  const hint = clusters.size === 0 ? 'add a service with kind: gossip' : `gossip clusters: ${[...clusters.keys()].join(', ')}`;
  const problems: PathProblem[] = [];
  (Array.isArray(root.faults) ? root.faults : []).forEach((fault, index) => {
    if (!isMapping(fault)) return;
    if (typeof fault.join === 'string' && !clusters.has(fault.join)) {
      problems.push({ path: ['faults', index, 'join'], at: 'value', message: `join needs a gossip cluster, got ${show(fault.join)}`, expected: 'the name of a kind: gossip service', hint });
    }
    if (typeof fault.leave === 'string' && expandTarget(fault.leave, clusters) === undefined) {
      problems.push({ path: ['faults', index, 'leave'], at: 'value', message: `leave needs a gossip cluster or one of its members, got ${show(fault.leave)}`, expected: 'a gossip cluster or a member id <cluster>-<index>', hint });
    }
  });
  return problems;
}

/** Protocol rounds of the gossip clusters in one replication (probes and gossip rounds, per member), plus rumours. */
function gossipRounds(scenario: Scenario): number {
  let total = 0;
  for (const cluster of scenario.gossip?.values() ?? []) {
    const probeMs = (cluster.config.probeIntervalMs as number | undefined) ?? gossipLanProfile.probeIntervalMs;
    const gossipMs = (cluster.config.gossipIntervalMs as number | undefined) ?? gossipLanProfile.gossipIntervalMs;
    total += cluster.members * scenario.durationMs * (1 / probeMs + 1 / gossipMs) + (cluster.eventsPerSec * scenario.durationMs) / 1000;
  }
  return total;
}

// ---- the part ------------------------------------------------------------------------------

export const gossipScenarioPart: ScenarioPart = {
  name: 'gossip',
  serviceKinds: [{
    kind: 'gossip',
    schema: gossipService,
    expected: 'a gossip cluster { kind: gossip, replicas }',
    one: 'a gossip cluster',
    many: 'gossip clusters',
    clientHint: 'gossip clusters run on their own; drop the client or target another service',
  }],
  faults: [
    { key: 'join', schema: join },
    { key: 'leave', schema: leave },
  ],
  normaliseFaults: (doc, context) => normaliseFaults(doc, context.nodesOf),
  normalise: (doc) => {
    const gossip = new Map<string, GossipServiceSpec>();
    for (const [name, service] of Object.entries(doc.services as Mapping)) {
      if ((service as Mapping).kind === 'gossip') gossip.set(name, normaliseGossip(service as z.output<typeof gossipService>));
    }
    return gossip.size === 0 ? {} : { gossip };
  },
  crossCheck: crossCheckGossip,
  workPerReplication: gossipRounds,
};
